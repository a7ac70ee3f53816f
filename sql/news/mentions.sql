-- Mentions, optionally of one article, in article then text order.
-- Reads: mentions, articles.  Parameters: $article_id (NULL = all articles).
-- Output: every mentions column plus the article's title and published_on.
SELECT m.mention_id, m.article_id, m.article_source, m.span_start, m.span_end, m.surface, m.canonical_name,
       m.name_key, m.kind, m.role, m.countries, m.sanction, m.sanction_cue, m.delisting, m.identifiers,
       m.aliases, m.sentence, m.label, m.extractor, a.title, a.published_on
FROM mentions AS m
JOIN articles AS a USING (article_id)
WHERE $article_id IS NULL OR m.article_id = $article_id
ORDER BY a.ingested_at, m.article_id, m.span_start, m.span_end
