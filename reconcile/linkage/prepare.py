"""Project SDN name variants and query names into the one standard record schema Splink compares.

Both sides go through the same normalizer (reconcile.normalize) and the same projection; only the naming
convention differs ("list": `SURNAME(S), Given`; "news": `Given Surname(s)`). The SDN side of a snapshot
is projected once and stored (`sdn_names_std`, with its blocking-key counts and term-frequency table),
at `snapshot add` or lazily the first time a snapshot stored earlier is screened. Everything here that
depends on names is computed from the snapshot itself: nothing comes from reference/.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import pyarrow as pa

from reconcile.normalize import NormalizedName, normalize_name
from reconcile.store import Store, load_sql

__all__ = [
    "MAX_KEY_NAMES",
    "PREPARE_VERSION",
    "STD_SCHEMA",
    "QueryName",
    "SnapshotKeys",
    "ensure_prepared",
    "kind_of_sdn_type",
    "load_keys",
    "prepare_snapshot",
    "project_queries",
]

#: Bump when the projection changes: stored snapshots are then re-prepared lazily on next use.
PREPARE_VERSION = 2

#: A blocking key carried by more list names than this is too common to find candidates by itself
#: ("t:ali", "t:company"); word pairs then do the work ("tt:ali|hassan"). 40 keeps blocking recall on
#: the dev set while bounding the pairs per query (bench/screen.py prints both).
MAX_KEY_NAMES = 40

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
        ("phonetic", pa.list_(pa.string())),
        ("key_token", pa.string()),
        ("countries", pa.list_(pa.string())),
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


@dataclass(frozen=True)
class SnapshotKeys:
    """What query projection needs from a prepared snapshot: how many list names carry each key."""

    df: Mapping[str, int]

    def token_df(self, token: str) -> int:
        """How many list names contain this word (0: unseen)."""
        return self.df.get("t:" + token, 0)

    def usable(self, key: str) -> bool:
        """A key that exists in the list and is rare enough to block on."""
        return 0 < self.df.get(key, 0) <= MAX_KEY_NAMES


def normalize_country(value: str | None) -> str | None:
    """One spelling for a country on both sides: the normalizer's Latin casefolded form."""
    if not value or not value.strip():
        return None
    return normalize_name(value, kind="organization").full_norm or None


def _all_keys(n: NormalizedName) -> set[str]:
    tokens = [t for t in dict.fromkeys(n.tokens) if len(t) > 1]
    codes = [c for c in dict.fromkeys(n.phonetic) if c]
    keys = {"t:" + t for t in tokens} | {"p:" + c for c in codes}
    for a, b in itertools.combinations(sorted(tokens[:_MAX_PAIR_TOKENS]), 2):
        keys.add(f"tt:{a}|{b}")
    for a, b in itertools.combinations(sorted(set(codes[:_MAX_PAIR_TOKENS])), 2):
        keys.add(f"pp:{a}|{b}")
    return keys


def _key_token(n: NormalizedName, token_df: Any) -> str | None:
    # Persons: the (first) surname, which news and list both keep. Others: the rarest word in the list,
    # the one an analyst would call distinctive ("TAT" in TAT BANK).
    if n.kind == "person":
        return n.first_surname or (n.tokens[-1] if n.tokens else None)
    words = [t for t in n.tokens if len(t) > 1] or list(n.tokens)
    if not words:
        return None
    return min(words, key=lambda t: (token_df(t) or 10**9, -len(t)))


def _record(
    n: NormalizedName,
    *,
    unique_id: str,
    name_raw: str,
    kind: str | None,
    key_token: str | None,
    block_keys: Iterable[str],
    countries: Sequence[str] | None,
    ent_num: int | None = None,
    name_id: int | None = None,
    query_id: str | None = None,
) -> dict[str, Any]:
    # Initials ("Ted S. Yoho") agree by chance with any word's first letter or sound; they stay in
    # full_norm but not in the word-level comparisons, unless the name is nothing but initials.
    pairs = [(t, c) for t, c in zip(n.tokens, n.phonetic, strict=False) if len(t) > 1] or list(
        zip(n.tokens, n.phonetic, strict=False)
    )
    return {
        "unique_id": unique_id,
        "query_id": query_id,
        "ent_num": ent_num,
        "name_id": name_id,
        "name_raw": name_raw,
        "entity_kind": kind,
        "full_norm": n.full_norm or None,
        "sorted_key": n.sorted_key or None,
        "tokens": [t for t, _ in pairs],
        "phonetic": sorted({c for _, c in pairs if c}),
        "key_token": key_token,
        "countries": sorted(set(countries)) if countries else None,
        "block_keys": sorted(block_keys),
    }


def project_sdn_rows(
    names: Sequence[Mapping[str, Any]], countries: Mapping[int, Sequence[str]]
) -> tuple[pa.Table, Counter[str]]:
    """The list side: every name variant in list convention, keys capped by the snapshot's own counts.

    Args:
        names: rows of sql/linkage/snapshot_names.sql.
        countries: ent_num -> normalized countries of the entry.

    Returns:
        The STD_SCHEMA table and the count of list names carrying each blocking key.
    """
    normed: list[tuple[Mapping[str, Any], NormalizedName, str | None, set[str]]] = []
    df: Counter[str] = Counter()
    for row in names:
        kind = kind_of_sdn_type(row["sdn_type"])
        n = normalize_name(row["name_raw"], kind=kind, convention="list")
        keys = _all_keys(n)
        df.update(keys)
        normed.append((row, n, kind, keys))
    records = []
    for row, n, kind, keys in normed:
        records.append(
            _record(
                n,
                unique_id=f"n{row['name_id']}",
                name_raw=row["name_raw"],
                kind=kind,
                key_token=_key_token(n, lambda t: df.get("t:" + t, 0)),
                block_keys=[k for k in keys if df[k] <= MAX_KEY_NAMES],
                countries=countries.get(row["ent_num"]),
                ent_num=row["ent_num"],
                name_id=row["name_id"],
            )
        )
    return pa.Table.from_pylist(records, schema=STD_SCHEMA), df


def project_queries(queries: Sequence[QueryName], keys: SnapshotKeys, *, dedupe: bool = True) -> pa.Table:
    """The news side: one record per distinct (name, kind, country), in news convention.

    The unique_id is the normalized key of the query, so the same name written in many rows is linked
    once (screening work scales with distinct names); `query_id` keeps one of the rows for display.
    With `dedupe=False` (training) every query is its own record and unique_id is its query_id.
    """
    records: dict[str, dict[str, Any]] = {}
    for q in queries:
        kind = q.entity_kind or None
        n = normalize_name(q.query_name, kind=kind, convention="news")
        country = normalize_country(q.country)
        uid = query_key(n.full_norm, kind, country) if dedupe else q.query_id
        if uid in records:
            continue
        block = [k for k in _all_keys(n) if keys.usable(k)]
        records[uid] = _record(
            n,
            unique_id=uid,
            name_raw=q.query_name,
            kind=kind,
            key_token=_key_token(n, keys.token_df),
            block_keys=block,
            countries=[country] if country else None,
            query_id=q.query_id,
        )
    return pa.Table.from_pylist(list(records.values()), schema=STD_SCHEMA)


def query_key(full_norm: str, kind: str | None, country: str | None) -> str:
    """The identity of a query for linking: its normalized name with the context that changes scores."""
    return f"{full_norm}\x1f{kind or ''}\x1f{country or ''}"


def prepare_snapshot(store: Store, snapshot_id: str) -> int:
    """Project and store one snapshot's names, blocking keys and TF table; returns the name count.

    Runs inside the caller's transaction when there is one (`snapshot add` calls it in its own), so a
    snapshot is never stored half-prepared.
    """
    names = [
        dict(
            zip(("name_id", "ent_num", "name_raw", "name_kind", "surname_raw", "given_raw", "sdn_type"), r, strict=True)
        )
        for r in store.query(load_sql("linkage/snapshot_names"), {"snapshot_id": snapshot_id})
    ]
    countries: dict[int, list[str]] = {}
    for ent_num, raw in store.query(load_sql("linkage/snapshot_countries"), {"snapshot_id": snapshot_id}):
        c = normalize_country(raw)
        if c:
            countries.setdefault(ent_num, []).append(c)
    table, df = project_sdn_rows(names, countries)
    tf = Counter(k for k in table.column("key_token").to_pylist() if k)
    total = sum(tf.values()) or 1
    keys_tbl = pa.table(
        {"snapshot_id": [snapshot_id] * len(df), "key": list(df), "df": list(df.values())},
        schema=pa.schema([("snapshot_id", pa.string()), ("key", pa.string()), ("df", pa.int32())]),
    )
    tf_tbl = pa.table(
        {
            "snapshot_id": [snapshot_id] * len(tf),
            "key_token": list(tf),
            "tf_key_token": [c / total for c in tf.values()],
        }
    )
    std_tbl = table.add_column(0, "snapshot_id", pa.array([snapshot_id] * table.num_rows, pa.string()))
    with store.transaction() as con:
        for target in ("sdn_names_std", "linkage_keys", "linkage_tf", "linkage_prepared"):
            con.execute(load_sql(f"linkage/delete_{target}"), {"snapshot_id": snapshot_id})
        for target, arrow in (("sdn_names_std", std_tbl), ("linkage_keys", keys_tbl), ("linkage_tf", tf_tbl)):
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
    return table.num_rows


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
    return SnapshotKeys(dict(store.query(load_sql("linkage/keys"), {"snapshot_id": snapshot_id})))
