-- Purpose: distinct names to screen, one row per name key with its fullest spelling and its commonest kind
--          and country: from the mentions of articles no run covered yet ($covered = false: a run's new
--          mentions), or of articles earlier runs covered ($covered = true: re-screened against changed entries).
-- Reads: mentions, run_articles. Parameters: $covered (BOOLEAN).
-- Columns: name_key, query_name, entity_kind, country.
SELECT name_key,
       arg_max(canonical_name, length(canonical_name)) AS query_name,
       mode(kind) FILTER (WHERE kind <> 'unknown') AS entity_kind,
       mode(countries[1]) AS country
FROM mentions
WHERE name_key IS NOT NULL AND canonical_name IS NOT NULL
  AND (article_id IN (SELECT article_id FROM run_articles)) = $covered
GROUP BY name_key
ORDER BY name_key
