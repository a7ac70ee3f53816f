-- The projection version a snapshot was prepared with (no row: not prepared).
-- Reads: linkage_prepared. Parameters: $snapshot_id. Output: version.
SELECT version FROM linkage_prepared WHERE snapshot_id = $snapshot_id
