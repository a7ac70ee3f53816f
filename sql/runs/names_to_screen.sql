-- Purpose: distinct names to screen, one row per name key with its fullest spelling, its commonest kind and
--          every country its mentions' sentences name: from the mentions of articles no run covered yet
--          ($covered = false: a run's new mentions), or of articles earlier runs covered ($covered = true:
--          re-screened against changed entries).
-- Reads: mentions, run_articles. Parameters: $covered (BOOLEAN).
-- Columns: name_key, query_name, entity_kind, countries (VARCHAR[], most mentioned first).
WITH named AS (
    SELECT name_key, canonical_name, kind, countries
    FROM mentions
    WHERE name_key IS NOT NULL AND canonical_name IS NOT NULL
      AND (article_id IN (SELECT article_id FROM run_articles)) = $covered
),
country_counts AS (
    SELECT name_key, country, count(*) AS n
    FROM (SELECT name_key, unnest(countries) AS country FROM named)
    GROUP BY ALL
)
SELECT n.name_key,
       arg_max(n.canonical_name, length(n.canonical_name)) AS query_name,
       mode(n.kind) FILTER (WHERE n.kind <> 'unknown') AS entity_kind,
       coalesce((SELECT list(c.country ORDER BY c.n DESC, c.country) FROM country_counts c
                 WHERE c.name_key = n.name_key), []) AS countries
FROM named n
GROUP BY n.name_key
ORDER BY n.name_key
