"""Add one snapshot to the store: read, parse, validate, then write every table in one transaction.

The snapshot's identity is its content (sha256 over the canonical file names and bytes), so re-adding
the same download is a no-op that names the stored twin, whatever date the analyst gives it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

import pyarrow as pa

from reconcile.snapshots import catalog, fetch, parse, remarks, validate
from reconcile.snapshots.fetch import ProgressFn, SourceFiles
from reconcile.snapshots.records import Address, AltName, SdnEntry
from reconcile.store import Store, load_sql

#: Called with the stage being worked on ("download", "parse", "store") for progress display.
StageFn = Callable[[str], None]


@dataclass(frozen=True)
class ParsedSnapshot:
    """Everything one legacy CSV set holds, parsed; not yet stored."""

    entries: list[SdnEntry]
    alt_names: list[AltName]
    addresses: list[Address]
    row_counts: dict[str, int]


@dataclass(frozen=True)
class AddResult:
    """What `add_snapshot` did: added a new snapshot, or found the same content already stored."""

    status: str  # "added" | "unchanged"
    snapshot_id: str
    as_of: date
    source: str
    entry_count: int
    name_count: int
    previous: catalog.SnapshotRef | None


def content_id(files: dict[str, bytes]) -> str:
    """sha256 over (name, sha256 of bytes) of every file, sorted by name: the snapshot's identity."""
    h = hashlib.sha256()
    for name in sorted(files):
        h.update(name.encode())
        h.update(b"\0")
        h.update(hashlib.sha256(files[name]).hexdigest().encode())
        h.update(b"\n")
    return h.hexdigest()


def parse_files(src: SourceFiles) -> ParsedSnapshot:
    """Parse every file of the set; any refusal aborts the whole snapshot."""
    files = src.files
    entries = parse.parse_sdn(files[fetch.SDN_FILE], f"{src.source}/SDN.CSV")
    row_counts = {"SDN.CSV": len(entries)}
    alt_names: list[AltName] = []
    addresses: list[Address] = []
    if "ALT.CSV" in files:
        alt_names = parse.parse_alt(files["ALT.CSV"], f"{src.source}/ALT.CSV")
        row_counts["ALT.CSV"] = len(alt_names)
    if "ADD.CSV" in files:
        addresses = parse.parse_add(files["ADD.CSV"], f"{src.source}/ADD.CSV")
        row_counts["ADD.CSV"] = len(addresses)
    if "SDN_COMMENTS.CSV" in files:
        comments = parse.parse_comments(files["SDN_COMMENTS.CSV"], f"{src.source}/SDN_COMMENTS.CSV")
        row_counts["SDN_COMMENTS.CSV"] = len(comments)
        entries = parse.merge_comments(entries, comments)
    return ParsedSnapshot(entries, alt_names, addresses, row_counts)


def add_snapshot(
    store: Store,
    source: str,
    *,
    as_of: date | None = None,
    force: bool = False,
    progress: ProgressFn | None = None,
    stage: StageFn | None = None,
) -> AddResult:
    """Add the snapshot at `source` (folder, SDN.CSV, .zip or URL) unless its content is already stored.

    Args:
        store: an open store.
        source: where the legacy CSV set is.
        as_of: the list's date; default the folder name when it is a date, else today (UTC).
        force: accept a list that shrank by more than 10 % (never an empty or truncated one).
        progress: download progress callback.
        stage: told each stage as it starts.

    Raises:
        RefusedSnapshot: empty, truncated, not an OFAC list, or shrinking too much; nothing is written.
        InputError: the source does not exist or cannot be read.
    """
    if stage:
        stage("read")
    src = fetch.read_source(source, progress=progress)
    if stage:
        stage("parse")
    parsed = parse_files(src)
    snapshot_id = content_id(src.files)
    day = as_of or src.as_of_hint or datetime.now(UTC).date()
    baseline = catalog.snapshot_in_force(store, day)
    twin = store.query(load_sql("snapshots/find_by_id"), {"snapshot_id": snapshot_id})
    if twin:
        sid, twin_as_of, twin_source, count = twin[0]
        names = store.query("SELECT count(*) FROM sdn_names WHERE snapshot_id = $s", {"s": sid})[0][0]
        return AddResult("unchanged", sid, twin_as_of, twin_source, count, names, baseline)
    validate.check_shrinkage(baseline, len(parsed.entries), force=force)
    if stage:
        stage("store")
    tables = build_tables(snapshot_id, parsed)
    with store.transaction() as con:
        con.execute(
            "INSERT INTO snapshots VALUES ($id, $as_of, $source, $at, $entries, $names, $forced)",
            {
                "id": snapshot_id,
                "as_of": day,
                "source": src.source,
                "at": datetime.now(UTC).replace(tzinfo=None),
                "entries": len(parsed.entries),
                "names": tables["sdn_names"].num_rows,
                "forced": bool(force and baseline is not None and len(parsed.entries) < baseline.entry_count * 0.9),
            },
        )
        for name, data in sorted(src.files.items()):
            con.execute(
                "INSERT INTO snapshot_files VALUES ($id, $name, $sha, $size, $rows)",
                {
                    "id": snapshot_id,
                    "name": name,
                    "sha": hashlib.sha256(data).hexdigest(),
                    "size": len(data),
                    "rows": parsed.row_counts[name],
                },
            )
        for table, arrow in tables.items():
            store.insert_arrow(table, arrow)
    return AddResult(
        "added", snapshot_id, day, src.source, len(parsed.entries), tables["sdn_names"].num_rows, baseline
    )


def build_tables(snapshot_id: str, parsed: ParsedSnapshot) -> dict[str, pa.Table]:
    """Rows for sdn_entries, sdn_names, sdn_facts and sdn_addresses, as Arrow tables."""
    entries: dict[str, list[Any]] = {k: [] for k in _ENTRY_COLUMNS}
    names: dict[str, list[Any]] = {k: [] for k in _NAME_COLUMNS}
    facts: dict[str, list[Any]] = {k: [] for k in _FACT_COLUMNS}
    kinds = {e.ent_num: e.sdn_type for e in parsed.entries}
    seen: set[tuple[int, str]] = set()

    def add_name(ent_num: int, raw: str, kind: str, quality: str | None, source: str) -> None:
        key = (ent_num, " ".join(raw.upper().split()))
        if key in seen:
            return
        seen.add(key)
        surname, given = (None, None)
        if kinds.get(ent_num) == "individual":
            surname, given = parse.split_individual_name(raw)
        names["name_id"].append(len(names["name_id"]) + 1)
        for col, val in (
            ("ent_num", ent_num),
            ("name_raw", raw),
            ("name_kind", kind),
            ("name_quality", quality),
            ("name_source", source),
            ("surname_raw", surname),
            ("given_raw", given),
        ):
            names[col].append(val)

    parsed_remarks = {}
    for e in parsed.entries:
        for col in _ENTRY_COLUMNS:
            entries[col].append(list(e.programs) if col == "programs" else getattr(e, col))
        add_name(e.ent_num, e.sdn_name, "primary", None, "sdn")
        parsed_remarks[e.ent_num] = remarks.parse_remarks(e.remarks)
    for a in parsed.alt_names:
        if a.ent_num in kinds:
            add_name(a.ent_num, a.alt_name, a.alt_type, None, "alt")
    for ent_num, pr in parsed_remarks.items():
        for alias in pr.aliases:
            add_name(ent_num, alias.name, alias.kind, alias.quality, "remarks")
        for seq, fact in enumerate(pr.facts, start=1):
            facts["ent_num"].append(ent_num)
            facts["seq"].append(seq)
            facts["fact_kind"].append(fact.kind)
            facts["value"].append(fact.value)
            facts["detail"].append(fact.detail)
            facts["country"].append(fact.country)
            facts["date_from"].append(fact.date_from)
            facts["date_to"].append(fact.date_to)
            facts["is_alt"].append(fact.is_alt)
    addresses: dict[str, list[Any]] = {k: [] for k in _ADDRESS_COLUMNS}
    for ad in parsed.addresses:
        if ad.ent_num in kinds:
            for col in _ADDRESS_COLUMNS:
                addresses[col].append(getattr(ad, col))

    def table(cols: dict[str, list[Any]], schema: pa.Schema) -> pa.Table:
        n = len(next(iter(cols.values())))
        return pa.table({"snapshot_id": [snapshot_id] * n, **cols}, schema=schema)

    return {
        "sdn_entries": table(entries, _ENTRY_SCHEMA),
        "sdn_names": table(names, _NAME_SCHEMA),
        "sdn_facts": table(facts, _FACT_SCHEMA),
        "sdn_addresses": table(addresses, _ADDRESS_SCHEMA),
    }


_S = pa.string()
_ENTRY_SCHEMA = pa.schema(
    [("snapshot_id", _S), ("ent_num", pa.int32()), ("sdn_name", _S), ("sdn_type", _S), ("programs", pa.list_(_S))]
    + [(c, _S) for c in ("title", "call_sign", "vess_type", "tonnage", "grt", "vess_flag", "vess_owner", "remarks")]
)
_NAME_SCHEMA = pa.schema(
    [("snapshot_id", _S), ("name_id", pa.int32()), ("ent_num", pa.int32())]
    + [(c, _S) for c in ("name_raw", "name_kind", "name_quality", "name_source", "surname_raw", "given_raw")]
)
_FACT_SCHEMA = pa.schema(
    [("snapshot_id", _S), ("ent_num", pa.int32()), ("seq", pa.int32())]
    + [(c, _S) for c in ("fact_kind", "value", "detail", "country")]
    + [("date_from", pa.date32()), ("date_to", pa.date32()), ("is_alt", pa.bool_())]
)
_ADDRESS_SCHEMA = pa.schema(
    [("snapshot_id", _S), ("ent_num", pa.int32()), ("add_num", pa.int32())]
    + [(c, _S) for c in ("address", "city_state_postal", "country", "add_remarks")]
)
_ENTRY_COLUMNS = [f.name for f in _ENTRY_SCHEMA][1:]
_NAME_COLUMNS = [f.name for f in _NAME_SCHEMA][1:]
_FACT_COLUMNS = [f.name for f in _FACT_SCHEMA][1:]
_ADDRESS_COLUMNS = [f.name for f in _ADDRESS_SCHEMA][1:]
