-- Sketches of every stored article, for near-duplicate detection of a new one.
-- Reads: articles.  Parameters: none.
-- Output: article_id, sketch (UBIGINT[]), word_count.
SELECT article_id, sketch, word_count
FROM articles
ORDER BY ingested_at, article_id
