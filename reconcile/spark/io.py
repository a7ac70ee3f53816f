"""Parquet interchange between stages, so the store can be a folder of Parquet files on shared storage.

Layout under one root (a local folder, a mounted share, or any URI pyarrow and Spark both read, such as
`s3://bucket/reconcile` or `hdfs:///reconcile`):

    <root>/sdn_names_std/snapshot_id=<id>/part-0.parquet   one snapshot's names, prepare.STD_SCHEMA
    <root>/linkage_keys/snapshot_id=<id>/part-0.parquet    key, df (blocking keys, for projecting queries)
    <root>/articles/part-0.parquet                         article_id, source, body
    <root>/mentions/...                                    the mentions table's columns
    <root>/candidates/<name>/...                           scored pairs (Splink's predict columns)

Snapshot folders are Hive-style partitions (`snapshot_id=<id>`), which both Spark and DuckDB read as a
column. The DuckDB store stays the system of record: these files are exports of it (and results to load
back), written whole, never edited in place.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyarrow as pa
import pyarrow.fs as pafs
import pyarrow.parquet as pq

from reconcile.errors import NotFound
from reconcile.linkage.prepare import ensure_prepared
from reconcile.store import Store, load_sql

__all__ = [
    "ParquetRoot",
    "SnapshotFiles",
    "export_articles",
    "export_mentions",
    "export_snapshot",
    "read_table",
    "write_table",
]


@dataclass(frozen=True)
class SnapshotFiles:
    """Where one snapshot's Splink inputs are, as paths Spark and pyarrow both open."""

    snapshot_id: str
    sdn_names_std: str
    linkage_keys: str


@dataclass(frozen=True)
class ParquetRoot:
    """A folder (or URI) holding the Parquet files of one store (see the module docstring)."""

    root: str

    def path(self, *parts: str) -> str:
        """A path under the root, joined with '/' (valid for local paths and URIs alike)."""
        return "/".join([self.root.rstrip("/"), *parts])

    def snapshot(self, snapshot_id: str) -> SnapshotFiles:
        """The two files of one snapshot (they exist once `export_snapshot` wrote them)."""
        part = f"snapshot_id={snapshot_id}"
        return SnapshotFiles(
            snapshot_id,
            self.path("sdn_names_std", part),
            self.path("linkage_keys", part),
        )


def _filesystem(path: str) -> tuple[pafs.FileSystem, str]:
    if "://" in path:
        fs, inner = pafs.FileSystem.from_uri(path)
        return fs, str(inner)
    return pafs.LocalFileSystem(), path


def write_table(table: pa.Table, folder: str) -> str:
    """Write one Arrow table as `<folder>/part-0.parquet`, replacing what the folder held."""
    fs, base = _filesystem(folder)
    fs.create_dir(base, recursive=True)
    fs.delete_dir_contents(base, missing_dir_ok=True)
    target = f"{base.rstrip('/')}/part-0.parquet"
    pq.write_table(table, target, filesystem=fs)
    return folder


def read_table(folder: str) -> pa.Table:
    """Read every Parquet file of a folder written by `write_table` or by Spark, as one Arrow table.

    Raises:
        NotFound: the folder holds no Parquet files.
    """
    fs, base = _filesystem(folder)
    info = fs.get_file_info(base)
    if info.type == pafs.FileType.NotFound:
        raise NotFound(f"no Parquet data at {folder}")
    return pq.read_table(base, filesystem=fs, partitioning=None)


def export_snapshot(store: Store, snapshot_id: str, root: ParquetRoot) -> SnapshotFiles:
    """Write one snapshot's prepared names and blocking-key counts under the root.

    The snapshot is prepared first if it never was (the same `ensure_prepared` screening uses), so the
    files hold exactly what a DuckDB screen of that snapshot reads.
    """
    ensure_prepared(store, snapshot_id)
    params = {"snapshot_id": snapshot_id}
    files = root.snapshot(snapshot_id)
    write_table(
        store.con.sql(load_sql("linkage/sdn_std"), params=params).to_arrow_table(), files.sdn_names_std
    )
    write_table(store.con.sql(load_sql("linkage/keys"), params=params).to_arrow_table(), files.linkage_keys)
    return files


def export_articles(store: Store, root: ParquetRoot) -> str:
    """Write the stored articles (id, source, body) for extraction on Spark; returns the folder."""
    return write_table(store.con.sql(load_sql("spark/articles")).to_arrow_table(), root.path("articles"))


def export_mentions(store: Store, root: ParquetRoot) -> str:
    """Write the stored mentions (the mentions table's columns); returns the folder."""
    return write_table(store.con.sql(load_sql("spark/mentions")).to_arrow_table(), root.path("mentions"))
