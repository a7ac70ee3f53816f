-- Purpose: distinct names to screen from the mentions of articles no run has covered: one row per name key,
--          with its fullest spelling, its commonest kind and country.
-- Reads: mentions, run_articles. Parameters: none. Columns: name_key, query_name, entity_kind, country.
SELECT name_key,
       arg_max(canonical_name, length(canonical_name)) AS query_name,
       mode(kind) FILTER (WHERE kind <> 'unknown') AS entity_kind,
       mode(countries[1]) AS country
FROM mentions
WHERE name_key IS NOT NULL AND canonical_name IS NOT NULL
  AND article_id NOT IN (SELECT article_id FROM run_articles)
GROUP BY name_key
ORDER BY name_key
