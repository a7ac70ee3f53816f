-- Forget one snapshot's rows of sdn_names_std before re-preparing it with a newer projection.
-- Writes: sdn_names_std. Parameters: $snapshot_id.
DELETE FROM sdn_names_std WHERE snapshot_id = $snapshot_id
