-- The key_token term-frequency lookup of one snapshot, in the shape Splink registers.
-- Reads: linkage_tf. Parameters: $snapshot_id. Output: key_token, tf_key_token.
SELECT key_token, tf_key_token FROM linkage_tf WHERE snapshot_id = $snapshot_id
