-- Purpose: snapshots whose content id starts with a prefix the analyst typed.
-- Reads: snapshots. Parameters: $prefix. Columns: snapshot_id, as_of, entry_count.
SELECT snapshot_id, as_of, entry_count
FROM snapshots
WHERE starts_with(snapshot_id, $prefix)
ORDER BY as_of
