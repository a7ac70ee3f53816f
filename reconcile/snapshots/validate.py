"""Checks that decide whether a parsed snapshot may enter the store.

Parsing already refuses empty, truncated and non-OFAC files (no flag can override that). What is left is
the one plausible-but-dangerous case: a complete file with far fewer entries than last week, which is
far more often a broken export than a mass delisting; it needs `--force`.
"""

from __future__ import annotations

from reconcile.config import MAX_SHRINK_FRACTION
from reconcile.errors import RefusedSnapshot
from reconcile.snapshots.catalog import SnapshotRef


def check_shrinkage(baseline: SnapshotRef | None, entry_count: int, *, force: bool) -> None:
    """Refuse a snapshot that lost more than MAX_SHRINK_FRACTION of the entries, unless forced."""
    if baseline is None or force:
        return
    floor = baseline.entry_count * (1 - MAX_SHRINK_FRACTION)
    if entry_count < floor:
        drop = 1 - entry_count / baseline.entry_count
        raise RefusedSnapshot(
            f"the new list has {entry_count:,} entries against {baseline.entry_count:,} on {baseline.as_of} "
            f"(-{drop:.0%}, more than the {MAX_SHRINK_FRACTION:.0%} allowed); this looks like a broken download. "
            "If OFAC really removed them, add it again with --force"
        )
