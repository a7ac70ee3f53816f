-- How many name variants a prepared snapshot holds (the N of the word information in bits).
-- Reads: linkage_prepared. Parameters: $snapshot_id. Output: name_count.
SELECT name_count FROM linkage_prepared WHERE snapshot_id = $snapshot_id
