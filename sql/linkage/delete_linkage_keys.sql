-- Forget one snapshot's rows of linkage_keys before re-preparing it with a newer projection.
-- Writes: linkage_keys. Parameters: $snapshot_id.
DELETE FROM linkage_keys WHERE snapshot_id = $snapshot_id
