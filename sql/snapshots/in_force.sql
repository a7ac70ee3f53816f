-- Purpose: the snapshot in force on a date: the latest as_of on or before it (ties: latest ingested).
-- Also what a new snapshot is checked against for shrinkage.
-- Reads: snapshots. Parameters: $as_of (NULL = the latest of all). Columns: snapshot_id, as_of, entry_count.
SELECT snapshot_id, as_of, entry_count
FROM snapshots
WHERE $as_of IS NULL OR as_of <= $as_of
ORDER BY as_of DESC, ingested_at DESC
LIMIT 1
