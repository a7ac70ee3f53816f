"""Review memory: an analyst's confirm/dismiss decisions, kept append-only and applied to later runs.

A decision is keyed on the mention's normalized name (name_key) and the ent_num, not on one article, so
a dismissed false positive stays quiet whichever article names that person next week. It remembers the
entry version it was made on: if OFAC amends the entry afterwards, the match alerts again, marked
"entry changed", because the analyst's reason may no longer hold.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from reconcile.errors import InputError, NotFound
from reconcile.store import Store, load_sql

DECISIONS = ("confirm", "dismiss")

#: review_status values a match can carry in a run.
NEW = "new"
CONFIRMED = "confirmed earlier"
DISMISSED = "dismissed earlier"
ENTRY_CHANGED = "entry changed"


@dataclass(frozen=True)
class Decision:
    """One review decision as stored."""

    decision_id: int
    match_id: str
    name_key: str
    ent_num: int
    decision: str
    note: str | None
    decided_by: str
    decided_at: datetime
    run_id: int
    snapshot_id: str
    entry_hash: str


def record_decision(store: Store, match_id: str, decision: str, *, by: str, note: str | None = None) -> Decision:
    """Append a decision about the match `match_id` (as shown in the latest run that found it)."""
    if decision not in DECISIONS:
        raise InputError(f"decision must be one of {', '.join(DECISIONS)}, not {decision!r}")
    if not by.strip():
        raise InputError("a decision needs a reviewer name (--by)")
    rows = store.query(load_sql("review/latest_match"), {"match_id": match_id})
    if not rows:
        raise NotFound(f"no match {match_id!r} in any run; see `reconcile report matches`")
    run_id, mid, name_key, _query, ent_num, snapshot_id, entry_hash, _matched, _p = rows[0]
    with store.transaction() as con:
        next_id = con.execute("SELECT coalesce(max(decision_id), 0) + 1 FROM review_decisions").fetchall()[0][0]
        values: dict[str, Any] = {
            "decision_id": next_id, "match_id": mid, "name_key": name_key, "ent_num": ent_num,
            "decision": decision, "note": note, "decided_by": by.strip(),
            "decided_at": datetime.now(UTC).replace(tzinfo=None), "run_id": run_id,
            "snapshot_id": snapshot_id, "entry_hash": entry_hash,
        }
        con.execute(
            "INSERT INTO review_decisions VALUES ($decision_id, $match_id, $name_key, $ent_num, $decision, $note, "
            "$decided_by, $decided_at, $run_id, $snapshot_id, $entry_hash)",
            values,
        )
    return Decision(**values)


def decisions_in_force(store: Store) -> list[Decision]:
    """The latest decision per (name_key, ent_num), newest first."""
    return [Decision(*r) for r in store.query(load_sql("review/decisions_in_force"))]


def review_status(decision: Decision | None, current_entry_hash: str) -> tuple[str, bool]:
    """(review_status, still alerts?) for a candidate, given the decision in force on its pair.

    A dismissal silences the alert only while the entry is the version it was made on.
    """
    if decision is None:
        return NEW, True
    if decision.entry_hash != current_entry_hash:
        return ENTRY_CHANGED, True
    if decision.decision == "dismiss":
        return DISMISSED, False
    return CONFIRMED, True


def export_audit(store: Store, path: Path) -> int:
    """Write every decision ever made to Parquet; returns the row count."""
    table: pa.Table = store.con.sql(load_sql("review/audit")).to_arrow_table()
    pq.write_table(table, path)
    return int(table.num_rows)
