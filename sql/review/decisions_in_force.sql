-- Purpose: the decision in force for each (name_key, ent_num): the latest one made.
-- Reads: review_decisions. Parameters: none.
-- Columns: every column of review_decisions, in table order, newest decision first.
SELECT decision_id, match_id, name_key, ent_num, decision, note, decided_by, decided_at, run_id, snapshot_id, entry_hash
FROM review_decisions
QUALIFY row_number() OVER (PARTITION BY name_key, ent_num ORDER BY decision_id DESC) = 1
ORDER BY decision_id DESC
