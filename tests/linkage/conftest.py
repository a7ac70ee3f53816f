"""A store holding 2024-05-03, added and prepared once per test session for the linkage tests.

(The lead's tests/conftest.py may later offer one store for every package; until then this one is ours.)
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reconcile.linkage.prepare import ensure_prepared
from reconcile.snapshots.ingest import add_snapshot
from reconcile.store import Store, open_store


@pytest.fixture(scope="session")
def linkage_store(tmp_path_factory: pytest.TempPathFactory, snapshots_dir: Path) -> Iterator[tuple[Store, str]]:
    """(store, snapshot_id) of 2024-05-03, prepared for linkage; read it, do not write to it."""
    path = tmp_path_factory.mktemp("linkage") / "s.duckdb"
    with open_store(path) as s:
        res = add_snapshot(s, str(snapshots_dir / "2024-05-03"))
        ensure_prepared(s, res.snapshot_id)
    s = open_store(path)
    yield s, res.snapshot_id
    s.close()
