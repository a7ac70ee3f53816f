-- Purpose: the most recent run (what the next one re-screens from and compares its inputs with).
-- Reads: runs. Parameters: none. Columns: every column of runs.
SELECT * FROM runs ORDER BY run_id DESC LIMIT 1
