-- Store one article (append-only; the caller checked that article_id is new).
-- Reads: none.  Writes: articles.  Parameters: one per column.
INSERT INTO articles (article_id, source, source_path, format, title, url, outlet, published_on, published_from,
                      body, word_count, sketch, extractor, ingested_at)
VALUES ($article_id, $source, $source_path, $format, $title, $url, $outlet, $published_on, $published_from,
        $body, $word_count, $sketch, $extractor, $ingested_at)
