-- Purpose: the whole append-only audit of review decisions, oldest first.
-- Reads: review_decisions. Parameters: none. Columns: every column of review_decisions.
SELECT * FROM review_decisions ORDER BY decision_id
