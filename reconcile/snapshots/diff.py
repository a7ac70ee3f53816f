"""What changed on the list between two snapshots: added, removed, and amended entries field by field."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from reconcile.snapshots.catalog import SnapshotRef
from reconcile.store import Store, load_sql


@dataclass(frozen=True)
class SnapshotDiff:
    """The changes from `old` to `new`, one row per change (see sql/snapshots/diff.sql for columns)."""

    old: SnapshotRef
    new: SnapshotRef
    changes: pa.Table

    def counts(self) -> dict[str, int]:
        """Entries added, removed and amended (an amended entry counts once, however many fields changed)."""
        out = {"added": 0, "removed": 0, "amended": 0}
        kinds = self.changes.column("change").to_pylist()
        nums = self.changes.column("ent_num").to_pylist()
        for kind in ("added", "removed"):
            out[kind] = sum(1 for k in kinds if k == kind)
        out["amended"] = len({n for n, k in zip(nums, kinds, strict=True) if k == "amended"})
        return out

    def write_parquet(self, path: Path) -> None:
        """One row per change, for the analyst's own tools."""
        pq.write_table(self.changes, path)


def diff_snapshots(store: Store, old: SnapshotRef, new: SnapshotRef) -> SnapshotDiff:
    """Every change from `old` to `new`."""
    rel = store.con.sql(load_sql("snapshots/diff"), params={"from_id": old.snapshot_id, "to_id": new.snapshot_id})
    return SnapshotDiff(old, new, rel.to_arrow_table())
