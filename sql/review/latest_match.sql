-- Purpose: the most recent run's row for a match id (what a review decision is about).
-- Reads: matches. Parameters: $match_id.
-- Columns: run_id, match_id, name_key, query_name, ent_num, snapshot_id, entry_hash, matched_name, match_probability.
SELECT run_id, match_id, name_key, query_name, ent_num, snapshot_id, entry_hash, matched_name, match_probability
FROM matches
WHERE match_id = $match_id
ORDER BY run_id DESC
LIMIT 1
