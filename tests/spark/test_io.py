"""Parquet interchange: a snapshot exported to files holds exactly what the store screens."""

from __future__ import annotations

from pathlib import Path

import pytest

from reconcile.errors import NotFound
from reconcile.screening import resolve
from reconcile.spark.io import ParquetRoot, export_snapshot, read_table
from reconcile.store import load_sql, open_store


def test_export_snapshot_round_trip(store_0503_path: Path, tmp_path: Path) -> None:
    root = ParquetRoot(str(tmp_path / "pq"))
    with open_store(store_0503_path) as store:
        snap = resolve(store, None)
        files = export_snapshot(store, snap.snapshot_id, root)
        params = {"snapshot_id": snap.snapshot_id}
        want = store.con.sql(load_sql("linkage/sdn_std"), params=params).to_arrow_table()
        keys = store.con.sql(load_sql("linkage/keys"), params=params).to_arrow_table()
    got = read_table(files.sdn_names_std)
    assert got.num_rows == want.num_rows > 10000
    assert got.schema == want.schema
    assert got.sort_by("unique_id").equals(want.sort_by("unique_id"))
    assert read_table(files.linkage_keys).num_rows == keys.num_rows
    assert files.sdn_names_std.endswith(f"sdn_names_std/snapshot_id={snap.snapshot_id}")


def test_read_missing_folder_is_not_found(tmp_path: Path) -> None:
    with pytest.raises(NotFound, match="no Parquet data"):
        read_table(str(tmp_path / "nothing"))
