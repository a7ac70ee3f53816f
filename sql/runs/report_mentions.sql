-- Purpose: every mention of the articles a run covered.
-- Reads: mentions, run_articles, articles. Parameters: $run_id.
-- Columns: the mentions table's columns plus article_title.
SELECT mn.*, a.title AS article_title
FROM mentions mn
JOIN run_articles ra ON ra.article_id = mn.article_id AND ra.run_id = $run_id
JOIN articles a ON a.article_id = mn.article_id
ORDER BY mn.article_id, mn.span_start
