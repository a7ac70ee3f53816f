-- Name variants of one snapshot with what projection needs from their entry.
-- Reads: sdn_names, sdn_entries. Parameters: $snapshot_id.
-- Output: name_id, ent_num, name_raw, name_kind, surname_raw, given_raw, sdn_type, programs.
SELECT n.name_id, n.ent_num, n.name_raw, n.name_kind, n.surname_raw, n.given_raw, e.sdn_type, e.programs
FROM sdn_names AS n
JOIN sdn_entries AS e USING (snapshot_id, ent_num)
WHERE n.snapshot_id = $snapshot_id
ORDER BY n.name_id
