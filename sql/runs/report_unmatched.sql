-- Purpose: mentions of a run's articles with no alert in that run, sanction-context mentions first
--          ("announced in the news but not on the list"), with the best candidate below the threshold if any.
-- Reads: mentions, run_articles, articles, matches. Parameters: $run_id.
-- Columns: see reconcile/reporting/model.py (unmatched).
WITH best AS (
    SELECT name_key, max(is_alert::INTEGER) AS alerted,
           arg_max(ent_num, match_probability) AS best_ent_num,
           arg_max(snapshot_id, match_probability) AS snapshot_id,
           max(match_probability) AS best_probability
    FROM matches WHERE run_id = $run_id
    GROUP BY name_key
)
SELECT mn.mention_id, mn.article_id, mn.article_source, a.title AS article_title, mn.surface, mn.canonical_name,
       mn.name_key, mn.kind, mn.role, mn.countries, mn.sanction, mn.sanction_cue, mn.delisting, mn.sentence,
       b.best_ent_num, e.sdn_name AS best_sdn_name, b.best_probability
FROM mentions mn
JOIN run_articles ra ON ra.article_id = mn.article_id AND ra.run_id = $run_id
JOIN articles a ON a.article_id = mn.article_id
LEFT JOIN best b ON b.name_key = mn.name_key
LEFT JOIN sdn_entries e ON e.snapshot_id = b.snapshot_id AND e.ent_num = b.best_ent_num
WHERE coalesce(b.alerted, 0) = 0
ORDER BY mn.sanction DESC, mn.canonical_name IS NULL, mn.article_id, mn.span_start
