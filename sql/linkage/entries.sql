-- Entry facts shown beside each candidate: primary name, type, programs.
-- Reads: sdn_entries. Parameters: $snapshot_id. Output: ent_num, sdn_name, sdn_type, programs.
SELECT ent_num, sdn_name, sdn_type, programs FROM sdn_entries WHERE snapshot_id = $snapshot_id
