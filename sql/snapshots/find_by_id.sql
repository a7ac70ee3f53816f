-- Purpose: the stored snapshot with this content id, if any (adding identical content is a no-op).
-- Reads: snapshots. Parameters: $snapshot_id. Columns: snapshot_id, as_of, source, entry_count.
SELECT snapshot_id, as_of, source, entry_count
FROM snapshots
WHERE snapshot_id = $snapshot_id
