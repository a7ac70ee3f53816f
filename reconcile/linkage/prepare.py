"""Project SDN name variants and query names into the one standard record schema Splink compares.

Both sides go through the same normalizer (reconcile.normalize) and the same projection; only the naming
convention differs ("list": `SURNAME(S), Given`; "news": `Given Surname(s)`). The SDN side of a snapshot
is projected once and stored (`sdn_names_std`, with its blocking-key counts),
at `snapshot add` or lazily the first time a snapshot stored earlier is screened. Everything here that
depends on names is computed from the snapshot itself: nothing comes from reference/.
"""

from __future__ import annotations

import math
import pickle
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import Executor, Future
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache, lru_cache
from itertools import combinations
from typing import Any

import pyarrow as pa

from reconcile.linkage.countries import country_code, program_country_codes
from reconcile.normalize import NormalizedName, normalize_name, phonetic_key
from reconcile.runtime import gc_paused
from reconcile.store import Store, load_sql

__all__ = [
    "MAX_KEY_NAMES",
    "GENERIC_WORD_BITS",
    "MAX_FALLBACK_KEY_NAMES",
    "MAX_SINGLE_KEY_NAMES",
    "PREPARE_VERSION",
    "STD_SCHEMA",
    "QueryName",
    "SnapshotKeys",
    "ensure_prepared",
    "entry_countries",
    "kind_of_sdn_type",
    "load_keys",
    "prepare_snapshot",
    "project_queries",
    "project_queries_with_uids",
    "start_projection",
    "warm_up_projection",
]

#: Bump when the projection changes: stored snapshots are then re-prepared lazily on next use.
PREPARE_VERSION = 16

#: A blocking key carried by more list names than this is too common to find candidates by itself
#: ("t:ali", "t:company"); word pairs then do the work ("tt:ali|hassan"). 40 keeps blocking recall on
#: the dev set while bounding the pairs per query (bench/screen.py prints both).
MAX_KEY_NAMES = 40

#: A single word or sound shared with at most this many list names is a blocking key by itself; a
#: commoner one only blocks as part of a word pair. A pair sharing one commonish word and nothing else
#: cannot reach an alert, and such pairs were four in five of all scored pairs.
MAX_SINGLE_KEY_NAMES = 8

#: A query none of whose single words or sounds is that rare still blocks on its rarest single key when
#: at most this many list names hold it ("Shabbiha" for SHABIHA, whose sound nine list names share):
#: a one-word query or a misspelt pair has no usable word pair to fall back on. The list side therefore
#: carries single keys up to this count; only such queries pay for them.
MAX_FALLBACK_KEY_NAMES = 40

#: Information (bits) a generic organisation word ("department", "ministry", "bank": reference/org_words.yml
#: and the organisation cues of legal_forms.yml) counts for at most, however few list names hold it: such
#: words say what kind of body a name is, not which one ("State Department" is not the Belarusian
#: "Department ... of the State Control Committee"). Persons' words are never generic.
GENERIC_WORD_BITS = 2.0

#: Names longer than this many words only contribute their first words to word-pair keys (cost bound).
_MAX_PAIR_TOKENS = 8

#: The standard record: both Splink inputs have exactly these columns and types. Explicit, so an
#: all-NULL column is still typed (splink5.md §2).
STD_SCHEMA = pa.schema(
    [
        ("unique_id", pa.string()),
        ("query_id", pa.string()),
        ("ent_num", pa.int32()),
        ("name_id", pa.int32()),
        ("name_raw", pa.string()),
        ("entity_kind", pa.string()),
        ("full_norm", pa.string()),
        ("sorted_key", pa.string()),
        ("tokens", pa.list_(pa.string())),
        ("token_codes", pa.list_(pa.string())),
        ("surnames", pa.list_(pa.string())),
        ("surname_codes", pa.list_(pa.string())),
        ("joined", pa.list_(pa.string())),
        ("phonetic", pa.list_(pa.string())),
        ("key_token", pa.string()),
        ("key_bits", pa.float64()),
        ("first_given", pa.string()),
        ("first_given_code", pa.string()),
        ("name_bits", pa.float64()),
        ("phonetic_bits", pa.list_(pa.float64())),
        ("countries", pa.list_(pa.string())),
        ("program_countries", pa.list_(pa.string())),
        ("block_keys", pa.list_(pa.string())),
    ]
)

_SDN_KIND = {"individual": "person", "entity": "organization", "vessel": "vessel", "aircraft": "aircraft"}


def kind_of_sdn_type(sdn_type: str | None) -> str | None:
    """OFAC's SDN_Type in the normalizer's vocabulary (individual -> person, entity -> organization)."""
    return _SDN_KIND.get(sdn_type or "")


@dataclass(frozen=True)
class QueryName:
    """One name to screen, as a CSV row or a mention gives it."""

    query_id: str
    query_name: str
    entity_kind: str | None = None
    country: str | None = None
    #: More countries from the name's context (a mention named in several sentences of several articles);
    #: the country comparison agrees when any of them is one of the entry's.
    more_countries: tuple[str, ...] = ()

    def country_codes(self) -> list[str]:
        """Distinct ISO-2 codes of every country given, in order; unknown spellings are dropped."""
        codes = (normalize_country(c) for c in (self.country, *self.more_countries))
        return list(dict.fromkeys(c for c in codes if c))


@dataclass(frozen=True)
class SnapshotKeys:
    """What query projection needs from a prepared snapshot: how many list names carry each key.

    `name_count` is the number of name variants in the snapshot, the N of each word's information
    log2(N / names holding the word).
    """

    df: Mapping[str, int]
    name_count: int = 0
    #: bits() per (word, sound): a query batch asks for the same common words over and over.
    _bits: dict[tuple[str, str], float] = field(default_factory=dict, compare=False, repr=False)

    def usable(self, key: str) -> bool:
        """A key that exists in the list and is rare enough to block on."""
        return _usable(key, self.df.get(key, 0))

    def query_keys(self, keys: Iterable[str]) -> list[str]:
        """The blocking keys a query emits: its usable keys, else its rarest single key if not too common."""
        # _usable inlined: this runs for every key of every query of a batch.
        get = self.df.get
        usable: list[str] = []
        singles: list[tuple[int, str]] = []
        has_single = False
        for k in keys:
            d = get(k, 0)
            if d <= 0:
                continue
            if k[1] == ":":
                if d <= MAX_SINGLE_KEY_NAMES:
                    usable.append(k)
                    has_single = True
                elif d <= MAX_FALLBACK_KEY_NAMES:
                    singles.append((d, k))
            elif d <= MAX_KEY_NAMES:
                usable.append(k)
        if has_single:
            return usable
        return usable + [min(singles)[1]] if singles else usable

    def bits(self, token: str, code: str) -> float:
        """Information of one word in bits: the surprise of a list name holding it or a word that sounds like it.

        Counted by sound (the phonetic code), not by spelling: a word can agree through the fuzzy levels
        with every list word that sounds like it, so "Mayra" is as informative as the MARIO, MARIA,
        MAYRA of the list together, and a misspelling unknown to the list is not taken for a rare word.
        """
        got = self._bits.get((token, code))
        if got is None:
            n = max(self.name_count, 1)
            df = max(self.df.get("p:" + code, 0), self.df.get("t:" + token, 0), 1)
            got = self._bits[(token, code)] = math.log2(max(n / df, 1.0))
        return got


def _usable(key: str, df: int, single_cap: int = MAX_SINGLE_KEY_NAMES) -> bool:
    cap = MAX_KEY_NAMES if key[1] != ":" else single_cap  # "tt:"/"pp:" pairs vs "t:"/"p:" singles
    return 0 < df <= cap


def _generic_words() -> frozenset[str]:
    from reconcile.reference import org_cues, org_words

    return org_words() | org_cues()


@cache
def _country_codes(country: str | None, more: tuple[str, ...]) -> tuple[str, ...]:
    # QueryName.country_codes for the few distinct country contexts of a batch, computed once each.
    return tuple(QueryName("", "", None, country, more).country_codes())


def normalize_country(value: str | None) -> str | None:
    """One spelling for a country on both sides: its ISO-2 code (linkage.countries), or None."""
    return country_code(value)


def _joined(words: Sequence[str]) -> list[str]:
    # Adjacent words written as one: "Su Nam" / SUNAM, "Mozaffari Nia" / MOZAFFARINIA, "Chon Myong" /
    # CHONMYONG. Sources disagree on where a name's parts split far more than on their letters.
    if not 2 <= len(words) <= _MAX_PAIR_TOKENS:
        return []
    return [a + b for a, b in zip(words, words[1:], strict=False)]


def _all_keys(n: NormalizedName) -> set[str]:
    tokens = [t for t in dict.fromkeys(n.tokens) if len(t) > 1]
    codes = [c for c in dict.fromkeys(n.phonetic) if c]
    # A joined pair blocks as a word: it meets the other side's one-word spelling.
    keys = {"t:" + t for t in tokens}
    keys.update(["t:" + t for t in _joined(tokens)])
    keys.update(["p:" + c for c in codes])
    if len(tokens) > 1:
        keys.update([f"tt:{a}|{b}" for a, b in combinations(sorted(tokens[:_MAX_PAIR_TOKENS]), 2)])
    if len(codes) > 1:
        keys.update([f"pp:{a}|{b}" for a, b in combinations(sorted(codes[:_MAX_PAIR_TOKENS]), 2)])
    return keys


def _key_token(n: NormalizedName, words: Sequence[str], df: Mapping[str, int]) -> str | None:
    # Persons: the (first) surname, which news and list both keep. Others: the rarest word in the list,
    # the one an analyst would call distinctive ("TAT" in TAT BANK).
    if n.kind == "person":
        return n.first_surname or (n.tokens[-1] if n.tokens else None)
    if not words:
        return None
    if len(words) == 1:
        return words[0]
    get = df.get
    return min(words, key=lambda t: (get("t:" + t, 0) or 10**9, -len(t)))


def _record(
    n: NormalizedName,
    *,
    unique_id: str,
    name_raw: str,
    kind: str | None,
    keys: SnapshotKeys,
    block_keys: Iterable[str],
    countries: Sequence[str] | None,
    program_countries: Sequence[str] | None,
    ent_num: int | None = None,
    name_id: int | None = None,
    query_id: str | None = None,
    generic_words: frozenset[str] | None = None,
) -> tuple[Any, ...]:
    """One STD_SCHEMA row, as a tuple in the schema's column order (see _table).

    One pass over the words builds every per-word column: this runs for every distinct name of a screen.
    """
    # Initials ("Ted S. Yoho") agree by chance with any word's first letter or sound; they stay in
    # full_norm but not in the word-level comparisons, unless the name is nothing but initials.
    pairs = [(t, c) for t, c in zip(n.tokens, n.phonetic, strict=False) if len(t) > 1] or list(
        zip(n.tokens, n.phonetic, strict=False)
    )
    if len(pairs) > 1:
        pairs = list(dict.fromkeys(pairs))  # a repeated word is one piece of evidence
    if kind == "person":
        generic: frozenset[str] = frozenset()
    else:
        generic = _generic_words() if generic_words is None else generic_words
    # Person name parts: which of the words are surnames (list side: before the comma; news side: the
    # last word), each with its sound, so the name comparison can tell a family name that disagrees.
    surname_set = set(n.surnames) if n.kind == "person" or kind == "person" else ()
    words: list[str] = []
    token_codes: list[str] = []
    bits: list[float] = []
    surnames: list[str] = []
    surname_codes: list[str] = []
    # Per sound, the information of the most informative word carrying it (levels sum the shared ones).
    code_bits: dict[str, float] = {}
    word_bits = keys.bits
    for t, c in pairs:
        b = word_bits(t, c)
        if t in generic:
            b = min(b, GENERIC_WORD_BITS)
        words.append(t)
        token_codes.append(c or "")
        bits.append(b)
        if c:
            got = code_bits.get(c)
            if got is None or b > got:
                code_bits[c] = b
        if t in surname_set:
            surnames.append(t)
            surname_codes.append(c or "")
    codes = sorted(code_bits)
    key = _key_token(n, words, keys.df)
    # The key word's information, from its first (and only: pairs are distinct) place among the words.
    key_bits = bits[words.index(key)] if key in words else None
    # A person's own first name (an initial says too little to tell relatives apart).
    first_given = n.first_given if surname_set and n.first_given and len(n.first_given) > 1 else None
    return (
        unique_id,
        query_id,
        ent_num,
        name_id,
        name_raw,
        kind,
        n.full_norm or None,
        n.sorted_key or None,
        words,
        token_codes,
        surnames,
        surname_codes,
        _joined(words),
        codes,
        key,
        key_bits,
        first_given,
        phonetic_key(first_given) if first_given else None,
        round(sum(bits), 3),
        [round(code_bits[c], 3) for c in codes],
        sorted(set(countries)) if countries else None,
        sorted(set(program_countries)) if program_countries else None,
        sorted(block_keys),
    )


def _table(rows: Sequence[tuple[Any, ...]]) -> pa.Table:
    """The STD_SCHEMA table of _record rows: built by column, which costs Arrow less than a list of dicts."""
    if not rows:
        return STD_SCHEMA.empty_table()
    columns = zip(*rows, strict=True)
    return pa.Table.from_arrays(
        [pa.array(col, type=f.type) for col, f in zip(columns, STD_SCHEMA, strict=True)], schema=STD_SCHEMA
    )


def project_sdn_rows(
    names: Sequence[Mapping[str, Any]], countries: Mapping[int, Sequence[str]]
) -> tuple[pa.Table, Counter[str]]:
    """The list side: every name variant in list convention, keys capped by the snapshot's own counts.

    Args:
        names: rows of sql/linkage/snapshot_names.sql.
        countries: ent_num -> ISO-2 codes of the entry's nationality, citizenship and addresses.

    Returns:
        The STD_SCHEMA table and the count of list names carrying each blocking key.
    """
    with gc_paused():
        normed: list[tuple[Mapping[str, Any], NormalizedName, str | None, set[str]]] = []
        df: Counter[str] = Counter()
        for row in names:
            kind = kind_of_sdn_type(row["sdn_type"])
            n = normalize_name(row["name_raw"], kind=kind, convention="list")
            keys = _all_keys(n)
            df.update(keys)
            normed.append((row, n, kind, keys))
        snap_keys = SnapshotKeys(df, len(normed))
        records = []
        for row, n, kind, keys in normed:
            records.append(
                _record(
                    n,
                    unique_id=f"n{row['name_id']}",
                    name_raw=row["name_raw"],
                    kind=kind,
                    keys=snap_keys,
                    block_keys=[k for k in keys if _usable(k, df[k], MAX_FALLBACK_KEY_NAMES)],
                    countries=countries.get(row["ent_num"]),
                    program_countries=program_country_codes(row.get("programs") or ()),
                    ent_num=row["ent_num"],
                    name_id=row["name_id"],
                )
            )
        return _table(records), df


def _query_record(
    q: QueryName, keys: SnapshotKeys, uid: str | None, generic: frozenset[str]
) -> tuple[str, tuple[Any, ...]]:
    kind = q.entity_kind or None
    n = normalize_name(q.query_name, kind=kind, convention="news")
    codes = list(_country_codes(q.country, q.more_countries))
    uid = uid or query_key(n.full_norm, kind, "|".join(sorted(codes)) or None)  # = query_uid(q)
    block = keys.query_keys(_all_keys(n))
    # The mention's country is compared with the entry's own countries and, more weakly, with the
    # countries its programs name: the same code goes in both columns.
    cs = codes or None
    rec = _record(
        n,
        unique_id=uid,
        name_raw=q.query_name,
        kind=kind,
        keys=keys,
        block_keys=block,
        countries=cs,
        program_countries=cs,
        query_id=q.query_id,
        generic_words=generic,
    )
    return uid, rec


def project_queries_with_uids(
    queries: Sequence[QueryName], keys: SnapshotKeys, *, dedupe: bool = True, executor: Executor | None = None
) -> tuple[pa.Table, list[str]]:
    """project_queries, plus the unique_id each query was linked under (aligned with `queries`).

    Screening fans results back out to rows by these ids; returning them saves normalizing every name a
    second time (query_uid) after projection. With an `executor` (a process pool started with `spawn`:
    forking beside DuckDB's threads is unsafe), the distinct names are projected in chunks by its workers,
    which send back Arrow tables; the result is the same table, row for row, as in one process.
    """
    return start_projection(queries, keys, dedupe=dedupe, executor=executor)()


def start_projection(
    queries: Sequence[QueryName], keys: SnapshotKeys, *, dedupe: bool = True, executor: Executor | None = None
) -> Callable[[], tuple[pa.Table, list[str]]]:
    """project_queries_with_uids in two halves: the chunks go to the workers now, the call collects them.

    Screening builds its scorer (seconds of one core: Splink parses its level SQL) between the two, while
    the workers project: started after it, the projection would leave a core idle all that time. Without
    an executor (or with one chunk's worth of names) the work is done here, before returning.
    """
    firsts: list[QueryName] = []  # distinct raw queries, in the order first seen
    slot: list[int] = []  # per query, its index in firsts
    seen_raw: dict[tuple[str, str | None, str | None, tuple[str, ...]], int] = {}
    for q in queries:
        raw_key = (q.query_name, q.entity_kind or None, q.country or None, q.more_countries)
        known = seen_raw.get(raw_key) if dedupe else None
        if known is None:
            known = seen_raw[raw_key] = len(firsts)
            firsts.append(q)
        slot.append(known)
    parallel = executor is not None and len(firsts) > _CHUNK
    chunks = _project_in_workers(firsts, keys, dedupe, executor) if executor is not None and parallel else None
    here = _project_rows(firsts if chunks is None else [], keys, dedupe)

    def result() -> tuple[pa.Table, list[str]]:
        table, first_uids = _collect(chunks) if chunks is not None else here
        # Several raw spellings can normalize to one key: the first one seen is the record linked.
        taken: set[str] = set()
        keep: list[bool] = []
        for u in first_uids:
            keep.append(u not in taken)
            taken.add(u)
        if not all(keep):
            table = table.filter(pa.array(keep, pa.bool_()))
        return table, [first_uids[i] for i in slot]

    return result


#: Distinct names per task sent to a worker process: large enough that sending the snapshot's keys and
#: the Arrow result is small beside the work, small enough that the workers finish close together.
_CHUNK = 4_000


def _project_rows(rows: Sequence[QueryName], keys: SnapshotKeys, dedupe: bool) -> tuple[pa.Table, list[str]]:
    """One record per row (in order) and its unique_id: the work a worker does on one chunk."""
    generic = _generic_words()
    uids: list[str] = []
    records: list[tuple[Any, ...]] = []
    with gc_paused():
        for q in rows:
            uid, rec = _query_record(q, keys, None if dedupe else q.query_id, generic)
            uids.append(uid)
            records.append(rec)
        return _table(records), uids


def _project_in_workers(
    rows: Sequence[QueryName], keys: SnapshotKeys, dedupe: bool, executor: Executor
) -> list[Future[tuple[pa.Table, list[str]]]]:
    # The keys travel once per chunk as one pickled blob; each worker unpickles a given blob once.
    blob = pickle.dumps((dict(keys.df), keys.name_count), protocol=pickle.HIGHEST_PROTOCOL)
    return [
        executor.submit(_project_chunk, list(rows[i : i + _CHUNK]), blob, dedupe) for i in range(0, len(rows), _CHUNK)
    ]


def _collect(chunks: Sequence[Future[tuple[pa.Table, list[str]]]]) -> tuple[pa.Table, list[str]]:
    """The chunks' records and unique_ids, in order, as they come back from the workers."""
    tables: list[pa.Table] = []
    uids: list[str] = []
    for f in chunks:
        t, u = f.result()
        tables.append(t)
        uids.extend(u)
    return pa.concat_tables(tables), uids


def _project_chunk(rows: list[QueryName], keys_blob: bytes, dedupe: bool) -> tuple[pa.Table, list[str]]:
    """Worker side of _project_in_workers (module level, so a spawned process can import it)."""
    return _project_rows(rows, _unpickled_keys(keys_blob), dedupe)


def warm_up_projection() -> None:
    """Import the normalizer and load its lexicons, in a fresh worker process before its first chunk."""
    project_queries([QueryName("", "warm up", "person")], SnapshotKeys({}))


@lru_cache(maxsize=2)
def _unpickled_keys(blob: bytes) -> SnapshotKeys:
    df, name_count = pickle.loads(blob)  # noqa: S301 - our own blob, from the parent process
    return SnapshotKeys(df, name_count)


def project_queries(queries: Sequence[QueryName], keys: SnapshotKeys, *, dedupe: bool = True) -> pa.Table:
    """The news side: one record per distinct (name, kind, country), in news convention.

    The unique_id is the normalized key of the query, so the same name written in many rows is linked
    once (screening work scales with distinct names); `query_id` keeps one of the rows for display.
    With `dedupe=False` (training) every query is its own record and unique_id is its query_id.
    One process here: small batches (compare, explain, training) do not pay back starting workers;
    screening a large batch passes a process pool to project_queries_with_uids.
    """
    return project_queries_with_uids(queries, keys, dedupe=dedupe)[0]


def query_key(full_norm: str, kind: str | None, country: str | None) -> str:
    """The identity of a query for linking: its normalized name with the context that changes scores."""
    return f"{full_norm}\x1f{kind or ''}\x1f{country or ''}"


def query_uid(q: QueryName) -> str:
    """The record id a query is linked under (normalization is cached, so this is cheap to repeat)."""
    n = normalize_name(q.query_name, kind=q.entity_kind or None, convention="news")
    return query_key(n.full_norm, q.entity_kind or None, "|".join(sorted(q.country_codes())) or None)


def prepare_snapshot(store: Store, snapshot_id: str) -> int:
    """Project and store one snapshot's names and blocking keys; returns the name count.

    Runs inside the caller's transaction when there is one (`snapshot add` calls it in its own), so a
    snapshot is never stored half-prepared.
    """
    cols = ("name_id", "ent_num", "name_raw", "name_kind", "surname_raw", "given_raw", "sdn_type", "programs")
    names = [
        dict(zip(cols, r, strict=True))
        for r in store.query(load_sql("linkage/snapshot_names"), {"snapshot_id": snapshot_id})
    ]
    table, df = project_sdn_rows(names, entry_countries(store, snapshot_id))
    keys_tbl = pa.table(
        {"snapshot_id": [snapshot_id] * len(df), "key": list(df), "df": list(df.values())},
        schema=pa.schema([("snapshot_id", pa.string()), ("key", pa.string()), ("df", pa.int32())]),
    )
    std_tbl = table.add_column(0, "snapshot_id", pa.array([snapshot_id] * table.num_rows, pa.string()))
    with store.transaction() as con:
        for target in ("sdn_names_std", "linkage_keys", "linkage_prepared"):
            con.execute(load_sql(f"linkage/delete_{target}"), {"snapshot_id": snapshot_id})
        for target, arrow in (("sdn_names_std", std_tbl), ("linkage_keys", keys_tbl)):
            _insert(con, target, arrow)
        con.execute(
            load_sql("linkage/insert_prepared"),
            {
                "snapshot_id": snapshot_id,
                "version": PREPARE_VERSION,
                "name_count": table.num_rows,
                "at": datetime.now(UTC).replace(tzinfo=None),
            },
        )
    return int(table.num_rows)


def entry_countries(store: Store, snapshot_id: str) -> dict[int, list[str]]:
    """ent_num -> ISO-2 codes of its nationality, citizenship and address countries."""
    countries: dict[int, list[str]] = {}
    for ent_num, raw in store.query(load_sql("linkage/snapshot_countries"), {"snapshot_id": snapshot_id}):
        c = country_code(raw)
        if c:
            countries.setdefault(ent_num, []).append(c)
    return countries


def _insert(con: Any, target: str, arrow: pa.Table) -> None:
    # `target` is one of the three table constants above; the rows come in as a registered relation.
    con.register("stage_linkage_rows", arrow)
    try:
        cols = ", ".join(f'"{c}"' for c in arrow.column_names)
        con.execute(f'INSERT INTO "{target}" ({cols}) SELECT {cols} FROM stage_linkage_rows')  # noqa: S608
    finally:
        con.unregister("stage_linkage_rows")


def ensure_prepared(store: Store, snapshot_id: str) -> None:
    """Prepare a snapshot stored before linkage existed (or by an older projection), once."""
    rows = store.query(load_sql("linkage/prepared_version"), {"snapshot_id": snapshot_id})
    if not rows or rows[0][0] != PREPARE_VERSION:
        prepare_snapshot(store, snapshot_id)


def load_keys(store: Store, snapshot_id: str) -> SnapshotKeys:
    """The blocking-key counts of a prepared snapshot."""
    params = {"snapshot_id": snapshot_id}
    count = store.query(load_sql("linkage/prepared_count"), params)
    return SnapshotKeys(dict(store.query(load_sql("linkage/keys"), params)), int(count[0][0]) if count else 0)
