-- One stored article by id (exact content hash), to recognise an identical copy.
-- Reads: articles.  Parameters: $article_id.
-- Output: article_id, source.
SELECT article_id, source
FROM articles
WHERE article_id = $article_id
