-- Purpose: every stored snapshot, oldest first, with its files.
-- Reads: snapshots, snapshot_files. Parameters: none.
-- Columns: snapshot_id, as_of, source, ingested_at, entry_count, name_count, forced, files (list of structs).
SELECT s.snapshot_id, s.as_of, s.source, s.ingested_at, s.entry_count, s.name_count, s.forced,
       list({'file_name': f.file_name, 'sha256': f.sha256, 'byte_size': f.byte_size, 'row_count': f.row_count}
            ORDER BY f.file_name) AS files
FROM snapshots s
JOIN snapshot_files f USING (snapshot_id)
GROUP BY ALL
ORDER BY s.as_of, s.ingested_at
