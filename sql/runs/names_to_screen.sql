-- Purpose: distinct names to screen, one row per name key with its fullest spelling, its commonest kind and
--          the countries of its context: those its mentions' sentences name, most mentioned first; when no
--          sentence names one, those of the articles it appears in (weaker, but the story's setting).
--          From the mentions of articles no run covered yet ($covered = false: a run's new mentions), or of
--          articles earlier runs covered ($covered = true: re-screened against changed entries).
-- Reads: mentions, run_articles. Parameters: $covered (BOOLEAN).
-- Columns: name_key, query_name, entity_kind, countries (VARCHAR[]).
WITH named AS (
    SELECT name_key, canonical_name, kind, countries, article_id
    FROM mentions
    WHERE name_key IS NOT NULL AND canonical_name IS NOT NULL
      AND (article_id IN (SELECT article_id FROM run_articles)) = $covered
),
sentence_countries AS (
    SELECT name_key, list(country ORDER BY n DESC, country) AS countries
    FROM (
        SELECT name_key, country, count(*) AS n
        FROM (SELECT name_key, unnest(countries) AS country FROM named)
        GROUP BY ALL
    )
    GROUP BY name_key
),
article_countries AS (
    SELECT a.name_key, list(a.country ORDER BY a.n DESC, a.country) AS countries
    FROM (
        SELECT k.name_key, c.country, count(*) AS n
        FROM (SELECT DISTINCT name_key, article_id FROM named) k
        JOIN (SELECT article_id, unnest(countries) AS country FROM mentions) c USING (article_id)
        GROUP BY ALL
    ) a
    GROUP BY a.name_key
)
SELECT n.name_key,
       arg_max(n.canonical_name, length(n.canonical_name)) AS query_name,
       mode(n.kind) FILTER (WHERE n.kind <> 'unknown') AS entity_kind,
       coalesce(any_value(s.countries), any_value(a.countries), []) AS countries
FROM named n
LEFT JOIN sentence_countries s USING (name_key)
LEFT JOIN article_countries a USING (name_key)
GROUP BY n.name_key
ORDER BY n.name_key
