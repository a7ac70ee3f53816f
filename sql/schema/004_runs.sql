-- 004: weekly runs, their matches, and the append-only audit of review decisions.

-- One row per entry version with a hash of everything an analyst's decision rests on, so a decision made
-- on one version can tell whether the entry was amended since (then the match alerts again).
CREATE VIEW entry_versions AS
SELECT e.snapshot_id, e.ent_num,
       md5(concat_ws(chr(31), e.sdn_name, e.sdn_type, array_to_string(list_sort(e.programs), ';'), e.title,
                     e.call_sign, e.vess_type, e.vess_flag, e.vess_owner, e.remarks,
                     coalesce(n.aliases, ''))) AS entry_hash
FROM sdn_entries e
LEFT JOIN (
    SELECT snapshot_id, ent_num, string_agg(name_kind || ' ' || name_raw, ';' ORDER BY name_kind, name_raw) AS aliases
    FROM sdn_names WHERE name_kind <> 'primary'
    GROUP BY ALL
) n USING (snapshot_id, ent_num);

CREATE TABLE runs (
    run_id               INTEGER PRIMARY KEY,   -- 1, 2, 3 ... in the order runs finished
    started_at           TIMESTAMP NOT NULL,    -- UTC
    finished_at          TIMESTAMP NOT NULL,
    snapshot_id          VARCHAR NOT NULL,      -- the list screened against
    previous_snapshot_id VARCHAR,               -- the previous run's list (what the re-screen and diff start from)
    model_hash           VARCHAR NOT NULL,      -- sha256 of the trained model file + settings code version
    threshold            DOUBLE NOT NULL,
    inputs_key           VARCHAR NOT NULL,      -- sha256 of snapshot, model, threshold and article set: same inputs, same run
    articles_added       INTEGER NOT NULL,
    mentions_screened    INTEGER NOT NULL,      -- mentions of articles this run covered for the first time
    name_keys_screened   INTEGER NOT NULL,
    entries_rescreened   INTEGER NOT NULL,      -- entries added or amended since the previous run's list
    alerts               INTEGER NOT NULL,
    unmatched            INTEGER NOT NULL
);

-- Articles a run covered: a later run's "new mentions" are those of articles no run covered yet.
CREATE TABLE run_articles (
    run_id     INTEGER NOT NULL,
    article_id VARCHAR NOT NULL,
    PRIMARY KEY (run_id, article_id)
);

-- Candidates a run found, per distinct normalized name (name_key) and SDN entry; reports expand them to
-- the mentions carrying that name_key.
CREATE TABLE matches (
    run_id            INTEGER NOT NULL,
    match_id          VARCHAR NOT NULL,      -- stable across runs: hash of name_key and ent_num
    found_by          VARCHAR NOT NULL,      -- new mention | re-screen
    name_key          VARCHAR NOT NULL,
    query_name        VARCHAR NOT NULL,      -- the name as screened (canonical mention name)
    ent_num           INTEGER NOT NULL,
    snapshot_id       VARCHAR NOT NULL,
    entry_hash        VARCHAR NOT NULL,
    matched_name      VARCHAR,
    match_probability DOUBLE NOT NULL,
    match_weight      DOUBLE NOT NULL,
    band              VARCHAR NOT NULL,
    is_alert          BOOLEAN NOT NULL,      -- after review memory: a dismissed, unchanged match does not alert
    ofac_score        INTEGER,
    explanation       VARCHAR,
    contributions     STRUCT(comparison VARCHAR, label VARCHAR, weight DOUBLE)[],
    review_status     VARCHAR NOT NULL,      -- new | confirmed earlier | dismissed earlier | entry changed
    PRIMARY KEY (run_id, match_id)
);

-- Every review decision ever made; never updated or deleted. The latest per (name_key, ent_num) is in force.
CREATE TABLE review_decisions (
    decision_id  INTEGER PRIMARY KEY,
    match_id     VARCHAR NOT NULL,
    name_key     VARCHAR NOT NULL,
    ent_num      INTEGER NOT NULL,
    decision     VARCHAR NOT NULL,           -- confirm | dismiss
    note         VARCHAR,
    decided_by   VARCHAR NOT NULL,
    decided_at   TIMESTAMP NOT NULL,         -- UTC
    run_id       INTEGER NOT NULL,           -- the run whose match was reviewed
    snapshot_id  VARCHAR NOT NULL,           -- the entry version the decision was made on
    entry_hash   VARCHAR NOT NULL
);
