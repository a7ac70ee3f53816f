-- Purpose: store a run's candidates, staged as the Arrow relation stage_matches (columns as in matches).
-- Reads: stage_matches; writes matches. Parameters: none.
INSERT INTO matches BY NAME SELECT * FROM stage_matches
