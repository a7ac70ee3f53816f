-- Purpose: every run, newest first, with the dates of its snapshot and of the previous run's snapshot.
-- Reads: runs, snapshots. Parameters: none.
-- Columns: every column of runs, snapshot_as_of, previous_snapshot_as_of.
SELECT r.*, s.as_of AS snapshot_as_of, p.as_of AS previous_snapshot_as_of
FROM runs r
JOIN snapshots s ON s.snapshot_id = r.snapshot_id
LEFT JOIN snapshots p ON p.snapshot_id = r.previous_snapshot_id
ORDER BY r.run_id DESC
