-- Purpose: how many mentions the articles of a run carry.
-- Reads: mentions, run_articles. Parameters: $run_id. Columns: n.
SELECT count(*) AS n FROM mentions
WHERE article_id IN (SELECT article_id FROM run_articles WHERE run_id = $run_id)
