"""Fixtures of the Spark tests: one local[2] session per run, a store holding 2024-05-03, dev names.

Kept small so the whole Spark suite fits CI's budget: one session (starting the JVM costs seconds), one
prepared snapshot, and a stratified slice of the dev names (every category, a few hundred names).
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from reconcile.store import open_store

#: Every n-th dev name: ~300 names spread over all categories of dev_names.csv.
DEV_STRIDE = 25


@pytest.fixture(scope="session")
def spark_handle() -> Iterator[Any]:
    pytest.importorskip("pyspark")
    from reconcile.spark.session import SparkOptions, open_spark

    handle = open_spark(SparkOptions(master="local[2]", shuffle_partitions=4))
    yield handle
    handle.close()


@pytest.fixture(scope="session")
def store_0503_path(tmp_path_factory: pytest.TempPathFactory, snapshots_dir: Path) -> Path:
    """A store holding the 2024-05-03 snapshot, prepared for linkage (built once per run; read-only use)."""
    from reconcile.linkage.prepare import ensure_prepared
    from reconcile.snapshots.ingest import add_snapshot

    path = tmp_path_factory.mktemp("spark") / "s0503.duckdb"
    with open_store(path) as s:
        added = add_snapshot(s, str(snapshots_dir / "2024-05-03"))
        ensure_prepared(s, added.snapshot_id)
    return path


@pytest.fixture(scope="session")
def dev_rows(shared_dir: Path) -> list[dict[str, str]]:
    with (shared_dir / "eval" / "dev_names.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    return rows[::DEV_STRIDE]
