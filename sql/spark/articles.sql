-- Stored articles as extraction reads them, for export to Parquet and extraction on Spark.
-- Reads: articles.  Parameters: none.
-- Output: article_id, source, body (paragraphs joined by a blank line; mention spans index into it).
SELECT article_id, source, body
FROM articles
ORDER BY ingested_at, article_id
