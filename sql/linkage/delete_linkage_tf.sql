-- Forget one snapshot's rows of linkage_tf before re-preparing it with a newer projection.
-- Writes: linkage_tf. Parameters: $snapshot_id.
DELETE FROM linkage_tf WHERE snapshot_id = $snapshot_id
