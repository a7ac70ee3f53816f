-- Purpose: how many mentions of a run's articles have no alert in that run.
-- Reads: mentions, run_articles, matches. Parameters: $run_id. Columns: n.
SELECT count(*) AS n FROM mentions mn
WHERE mn.article_id IN (SELECT article_id FROM run_articles WHERE run_id = $run_id)
  AND NOT EXISTS (SELECT 1 FROM matches m WHERE m.run_id = $run_id AND m.is_alert AND m.name_key = mn.name_key)
