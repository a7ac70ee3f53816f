"""Benchmark: ingest time and rows/s for the 2024-05-03 snapshot and for the whole history.

Run: .venv/bin/python bench/ingest.py   (reads ../shared in place, or $RECONCILE_SHARED)
Baseline measured in the same run: DuckDB's own read_csv of the same SDN.CSV into a table (no quirks
handled, no remarks parsed): the floor a parser in Python is compared with. Target: < 5 s for 2024-05-03.
"""

from __future__ import annotations

import resource
import tempfile
import time
from pathlib import Path

import duckdb

from reconcile.config import shared_dir
from reconcile.snapshots.ingest import add_snapshot
from reconcile.store import open_store

TARGET_S = 5.0


def _baseline(sdn: Path) -> float:
    con = duckdb.connect()
    t = time.perf_counter()
    con.execute(
        "CREATE TABLE t AS SELECT * FROM read_csv($p, header=false, all_varchar=true, quote='\"', "
        "ignore_errors=true)",
        {"p": str(sdn)},
    )
    return time.perf_counter() - t


def main() -> None:
    snaps = shared_dir() / "ofac" / "snapshots"
    latest = snaps / "2024-05-03"
    with tempfile.TemporaryDirectory() as tmp:
        with open_store(Path(tmp) / "one.duckdb") as store:
            t = time.perf_counter()
            result = add_snapshot(store, str(latest))
            one = time.perf_counter() - t
        base = _baseline(latest / "SDN.CSV")
        print(f"2024-05-03: {result.entry_count:,} entries, {result.name_count:,} names in {one:.2f} s "
              f"= {result.entry_count / one:,.0f} entries/s  (target < {TARGET_S:.0f} s: "
              f"{'met' if one < TARGET_S else 'NOT met'})")
        print(f"baseline duckdb read_csv of the same file (no parsing of quirks or remarks): {base:.3f} s")
        folders = sorted(p for p in snaps.iterdir() if p.is_dir())
        with open_store(Path(tmp) / "all.duckdb") as store:
            t = time.perf_counter()
            total = 0
            for folder in folders:
                total += add_snapshot(store, str(folder)).entry_count
            whole = time.perf_counter() - t
        print(f"history: {len(folders)} snapshots, {total:,} entries in {whole:.2f} s = {total / whole:,.0f} entries/s")
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS: {rss_mb:,.0f} MB")


if __name__ == "__main__":
    main()
