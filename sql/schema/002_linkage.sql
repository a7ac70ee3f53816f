-- 002: what linkage derives from a snapshot, computed once (at `snapshot add`, or lazily for snapshots
-- stored before this migration) and kept with it. Screening never reads another snapshot's rows.

-- Every SDN name variant projected into the one standard record schema that news mentions share
-- (reconcile/linkage/prepare.py: STD_SCHEMA). The snapshot's own Splink input.
CREATE TABLE sdn_names_std (
    snapshot_id  VARCHAR NOT NULL,
    unique_id    VARCHAR NOT NULL,         -- 'n' || name_id: Splink's record id
    query_id     VARCHAR,                  -- always NULL here (the column exists so both sides match)
    ent_num      INTEGER NOT NULL,
    name_id      INTEGER NOT NULL,
    name_raw     VARCHAR NOT NULL,
    entity_kind  VARCHAR,                  -- person | organization | vessel | aircraft
    full_norm    VARCHAR,
    sorted_key   VARCHAR,
    tokens       VARCHAR[],
    token_codes  VARCHAR[],                -- phonetic code of each word of `tokens` (same order)
    surnames     VARCHAR[],                -- the words of `tokens` that are surnames (persons; else empty)
    surname_codes VARCHAR[],               -- phonetic code of each surname (same order)
    phonetic     VARCHAR[],                -- distinct phonetic codes of the tokens, sorted
    key_token    VARCHAR,                  -- surname (persons) or rarest word: the TF column
    name_bits    DOUBLE,                   -- information of the name's words in the snapshot, in bits
    phonetic_bits DOUBLE[],                -- information of each sound of `phonetic` (same order), in bits
    countries    VARCHAR[],                -- ISO-2 of nationality, citizenship, addresses (NULL: none)
    program_countries VARCHAR[],           -- ISO-2 of the countries its programs name (NULL: none)
    block_keys   VARCHAR[],                -- rare words, sounds and word pairs (see settings.blocking_rules)
    PRIMARY KEY (snapshot_id, name_id)
);

-- How many of the snapshot's name variants carry each blocking key ('t:' word, 'p:' sound, 'tt:'/'pp:'
-- pairs). Query names keep only keys listed here under the cap, so they block the same way.
CREATE TABLE linkage_keys (
    snapshot_id  VARCHAR NOT NULL,
    key          VARCHAR NOT NULL,
    df           INTEGER NOT NULL,
    PRIMARY KEY (snapshot_id, key)
);

-- Term frequencies of words over the snapshot's name variants: the share of names holding the word
-- (Splink's tf_key_token lookup).
CREATE TABLE linkage_tf (
    snapshot_id   VARCHAR NOT NULL,
    key_token     VARCHAR NOT NULL,
    tf_key_token  DOUBLE NOT NULL,
    PRIMARY KEY (snapshot_id, key_token)
);

-- Which snapshots are prepared, and by which projection version (a new version re-prepares lazily).
CREATE TABLE linkage_prepared (
    snapshot_id  VARCHAR PRIMARY KEY,
    version      INTEGER NOT NULL,
    name_count   INTEGER NOT NULL,
    prepared_at  TIMESTAMP NOT NULL
);
