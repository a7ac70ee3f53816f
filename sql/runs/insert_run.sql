-- Purpose: record a finished run (the last write of the run's transaction).
-- Reads: none; writes runs. Parameters: one per column of runs.
INSERT INTO runs (run_id, started_at, finished_at, snapshot_id, previous_snapshot_id, model_hash, threshold,
                  inputs_key, articles_added, mentions_screened, name_keys_screened, entries_rescreened, alerts,
                  unmatched)
VALUES ($run_id, $started_at, $finished_at, $snapshot_id, $previous_snapshot_id, $model_hash, $threshold,
        $inputs_key, $articles_added, $mentions_screened, $name_keys_screened, $entries_rescreened, $alerts,
        $unmatched)
