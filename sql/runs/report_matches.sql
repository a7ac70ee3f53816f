-- Purpose: a run's candidates expanded to the mentions that carry their name, with entry details.
--          New-mention candidates expand to the mentions of articles this run covered; re-screen candidates
--          to the mentions of articles earlier runs covered.
-- Reads: matches, mentions, run_articles, articles, sdn_entries. Parameters: $run_id.
-- Columns: see reconcile/reporting/model.py (matches).
SELECT m.match_id, m.run_id, m.found_by,
       mn.mention_id, mn.article_id, mn.article_source, a.title AS article_title,
       mn.surface, mn.canonical_name, mn.name_key, mn.kind, mn.role, mn.countries, mn.sanction, mn.sentence,
       m.ent_num, e.sdn_name, m.matched_name, e.sdn_type, e.programs, e.title AS sdn_title,
       m.match_probability, m.match_weight, m.band, m.is_alert, m.ofac_score, m.explanation, m.contributions,
       m.review_status
FROM matches m
JOIN mentions mn ON mn.name_key = m.name_key
JOIN run_articles ra ON ra.article_id = mn.article_id
     AND ((m.found_by = 'new mention' AND ra.run_id = m.run_id) OR (m.found_by = 're-screen' AND ra.run_id < m.run_id))
JOIN articles a ON a.article_id = mn.article_id
JOIN sdn_entries e ON e.snapshot_id = m.snapshot_id AND e.ent_num = m.ent_num
WHERE m.run_id = $run_id
ORDER BY m.is_alert DESC, m.match_probability DESC, m.name_key, m.ent_num, mn.article_id, mn.span_start
