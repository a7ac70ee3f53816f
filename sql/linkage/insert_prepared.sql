-- Record that one snapshot's linkage rows are stored, and by which projection version.
-- Writes: linkage_prepared. Parameters: $snapshot_id, $version, $name_count, $at.
INSERT INTO linkage_prepared VALUES ($snapshot_id, $version, $name_count, $at)
