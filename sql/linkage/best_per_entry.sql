-- Collapse Splink predictions to the best name variant per (query, entry); keep alerts and the top
-- $top others per query. Reads: stage_preds (predict_between output, registered by screening.py).
-- Parameters: $top (0: alerts only), $cut (alert threshold on match_probability).
-- Output: every prediction column of the kept rows.
WITH best AS (
    SELECT *
    FROM stage_preds
    QUALIFY row_number() OVER (PARTITION BY unique_id_l, ent_num_r ORDER BY match_weight DESC, unique_id_r) = 1
)
SELECT *
FROM best
QUALIFY match_probability >= $cut
     OR row_number() OVER (PARTITION BY unique_id_l ORDER BY match_weight DESC, ent_num_r) <= $top
ORDER BY unique_id_l, match_weight DESC, ent_num_r
