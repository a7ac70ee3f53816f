-- Forget one snapshot's rows of linkage_prepared before re-preparing it with a newer projection.
-- Writes: linkage_prepared. Parameters: $snapshot_id.
DELETE FROM linkage_prepared WHERE snapshot_id = $snapshot_id
