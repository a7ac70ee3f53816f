-- Purpose: the n most recent snapshots by as-of date (ties: latest ingested), newest first.
-- Reads: snapshots. Parameters: $n. Columns: snapshot_id, as_of, entry_count.
SELECT snapshot_id, as_of, entry_count
FROM snapshots
ORDER BY as_of DESC, ingested_at DESC
LIMIT $n
