"""Look up stored snapshots: by date (the one in force), by id prefix, the latest, or all of them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from reconcile.errors import NotFound
from reconcile.store import Store, load_sql


@dataclass(frozen=True)
class SnapshotRef:
    """A stored snapshot: its content id, as-of date and entry count."""

    snapshot_id: str
    as_of: date
    entry_count: int


@dataclass(frozen=True)
class SnapshotInfo:
    """One row of `snapshot list`: a snapshot with its provenance and files."""

    snapshot_id: str
    as_of: date
    source: str
    ingested_at: datetime
    entry_count: int
    name_count: int
    forced: bool
    files: list[dict[str, Any]]


def snapshot_in_force(store: Store, as_of: date | None) -> SnapshotRef | None:
    """The snapshot in force on `as_of` (None: the latest), or None when the store has none then."""
    rows = store.query(load_sql("snapshots/in_force"), {"as_of": as_of})
    return SnapshotRef(*rows[0]) if rows else None


def resolve_snapshot(store: Store, ref: str) -> SnapshotRef:
    """A snapshot named by a date (YYYY-MM-DD: the one in force that day) or by 6+ characters of its id."""
    try:
        day: date | None = date.fromisoformat(ref)
    except ValueError:
        day = None
    if day is not None:
        found = snapshot_in_force(store, day)
        if found is None:
            raise NotFound(f"no snapshot is in force on {ref}; see `reconcile snapshot list`")
        return found
    rows = store.query(load_sql("snapshots/by_id_prefix"), {"prefix": ref.lower()})
    if len(ref) < 6 or len(rows) != 1:
        raise NotFound(f"{ref!r} names no single snapshot; give an as-of date or 6+ characters of an id")
    return SnapshotRef(*rows[0])


def latest_two(store: Store) -> tuple[SnapshotRef, SnapshotRef]:
    """The two most recent snapshots by as-of date, older first (the default diff)."""
    rows = store.query(load_sql("snapshots/latest"), {"n": 2})
    if len(rows) < 2:
        raise NotFound(f"a diff needs two snapshots; the store has {len(rows)}")
    return SnapshotRef(*rows[1]), SnapshotRef(*rows[0])


def list_snapshots(store: Store) -> list[SnapshotInfo]:
    """Every stored snapshot, oldest first, with per-file sha256, size and row count."""
    return [SnapshotInfo(*row) for row in store.query(load_sql("snapshots/list"))]
