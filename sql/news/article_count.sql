-- Does an article exist? Used to refuse `mentions --article` with an unknown id.
-- Reads: articles.  Parameters: $article_id.  Output: n.
SELECT count(*) AS n FROM articles WHERE article_id = $article_id
