-- Purpose: distinct names of the mentions earlier runs covered (re-screened against changed entries).
-- Reads: mentions, run_articles. Parameters: none. Columns: name_key, query_name, entity_kind, country.
SELECT name_key,
       arg_max(canonical_name, length(canonical_name)) AS query_name,
       mode(kind) FILTER (WHERE kind <> 'unknown') AS entity_kind,
       mode(countries[1]) AS country
FROM mentions
WHERE name_key IS NOT NULL AND canonical_name IS NOT NULL
  AND article_id IN (SELECT article_id FROM run_articles)
GROUP BY name_key
ORDER BY name_key
