-- 001: the versioned OFAC SDN snapshot store.
-- One row set per distinct snapshot content; history is append-only (nothing is updated or deleted).

CREATE TABLE snapshots (
    snapshot_id  VARCHAR PRIMARY KEY,      -- sha256 over the snapshot's files (name + content, sorted by name)
    as_of        DATE NOT NULL,            -- publication date the analyst gave (or the folder name)
    source       VARCHAR NOT NULL,         -- folder, file, zip or URL it came from
    ingested_at  TIMESTAMP NOT NULL,       -- UTC
    entry_count  INTEGER NOT NULL,
    name_count   INTEGER NOT NULL,
    forced       BOOLEAN NOT NULL          -- accepted with --force despite shrinking > 10 %
);

CREATE TABLE snapshot_files (
    snapshot_id  VARCHAR NOT NULL,
    file_name    VARCHAR NOT NULL,         -- canonical upper-case name: SDN.CSV, ALT.CSV, ADD.CSV, SDN_COMMENTS.CSV
    sha256       VARCHAR NOT NULL,
    byte_size    BIGINT NOT NULL,
    row_count    INTEGER NOT NULL,
    PRIMARY KEY (snapshot_id, file_name)
);

-- One entry version: (snapshot_id, ent_num). Text as published, nulls (-0-) as NULL.
CREATE TABLE sdn_entries (
    snapshot_id  VARCHAR NOT NULL,
    ent_num      INTEGER NOT NULL,
    sdn_name     VARCHAR NOT NULL,
    sdn_type     VARCHAR NOT NULL,         -- individual | entity | vessel | aircraft (OFAC null = entity)
    programs     VARCHAR[] NOT NULL,       -- "VENEZUELA] [IRAN-CON-ARMS-EO" split into its programs
    title        VARCHAR,
    call_sign    VARCHAR,
    vess_type    VARCHAR,
    tonnage      VARCHAR,
    grt          VARCHAR,
    vess_flag    VARCHAR,
    vess_owner   VARCHAR,
    remarks      VARCHAR,                  -- SDN.CSV remarks with any SDN_COMMENTS.CSV continuation appended
    PRIMARY KEY (snapshot_id, ent_num)
);

-- Every name variant of an entry version: the primary name, ALT.CSV aliases, remarks a.k.a./f.k.a./n.k.a.
CREATE TABLE sdn_names (
    snapshot_id  VARCHAR NOT NULL,
    name_id      INTEGER NOT NULL,         -- unique within the snapshot
    ent_num      INTEGER NOT NULL,
    name_raw     VARCHAR NOT NULL,
    name_kind    VARCHAR NOT NULL,         -- primary | aka | fka | nka
    name_quality VARCHAR,                  -- strong | weak | NULL when OFAC does not say
    name_source  VARCHAR NOT NULL,         -- sdn | alt | remarks
    surname_raw  VARCHAR,                  -- individuals: the part before the comma (SURNAME(S))
    given_raw    VARCHAR,                  -- individuals: the part after the comma (Given names)
    PRIMARY KEY (snapshot_id, name_id)
);

-- Structured facts parsed out of the remarks (DOB, POB, nationality, documents, Linked To, ...).
CREATE TABLE sdn_facts (
    snapshot_id  VARCHAR NOT NULL,
    ent_num      INTEGER NOT NULL,
    seq          INTEGER NOT NULL,         -- position within the entry's remarks
    fact_kind    VARCHAR NOT NULL,         -- dob | pob | nationality | citizenship | gender | document | linked_to | other ...
    value        VARCHAR NOT NULL,         -- as published (a document's number, a date's text, a place)
    detail       VARCHAR,                  -- document type (passport, cedula, national_id, tax_id, imo, ...) or qualifier
    country      VARCHAR,                  -- issuing / stated country where given
    date_from    DATE,                     -- dob: first day the published date or range allows
    date_to      DATE,                     -- dob: last day
    is_alt       BOOLEAN NOT NULL,         -- written "alt. ..." (an alternative of the previous fact)
    PRIMARY KEY (snapshot_id, ent_num, seq)
);

CREATE TABLE sdn_addresses (
    snapshot_id       VARCHAR NOT NULL,
    ent_num           INTEGER NOT NULL,
    add_num           INTEGER NOT NULL,
    address           VARCHAR,
    city_state_postal VARCHAR,
    country           VARCHAR,
    add_remarks       VARCHAR,
    PRIMARY KEY (snapshot_id, add_num)
);
