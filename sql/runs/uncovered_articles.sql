-- Purpose: articles no run has covered yet (their mentions are this run's new mentions).
-- Reads: articles, run_articles. Parameters: none. Columns: article_id.
SELECT article_id FROM articles
WHERE article_id NOT IN (SELECT article_id FROM run_articles)
ORDER BY article_id
