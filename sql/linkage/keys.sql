-- Blocking keys of one snapshot with how many name variants carry each.
-- Reads: linkage_keys. Parameters: $snapshot_id. Output: key, df.
SELECT key, df FROM linkage_keys WHERE snapshot_id = $snapshot_id
