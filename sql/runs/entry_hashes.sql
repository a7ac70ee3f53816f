-- Purpose: the content hash of every entry version of a snapshot (review decisions compare against it).
-- Reads: entry_versions. Parameters: $snapshot_id. Columns: ent_num, entry_hash.
SELECT ent_num, entry_hash FROM entry_versions WHERE snapshot_id = $snapshot_id
