"""Throughput of the two engines (DuckDB, Spark local mode) screening generated names against 2024-05-03.

For each size (10k and 100k names by default; 1M with --with-1m, about half an hour on 2 cores) it
prints, per engine, the seconds and names/s of scoring: Splink's blocking and comparisons with the same
trained model, writing every candidate at or above the model's alert threshold to Parquet (the scale-out
output; nothing is collected to the driver on Spark). Shared steps are timed once and printed apart:
generating the names, and projecting them into the standard record (the normalizer, plain Python on the
driver for both engines). Spark's session start is printed apart too: it is paid once per process.

The names are those of bench/screen.py (`make_names`: perturbed list names and crossed non-listed ones).

Usage: python bench/scale.py [--sizes 10000,100000] [--with-1m] [--master local[2]] [--store PATH]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

import pyarrow.parquet as pq

sys.path.insert(0, str(Path(__file__).resolve().parent))
from screen import SNAPSHOT, make_names  # noqa: E402  (the generator of bench/screen.py, not a copy)

from reconcile.config import shared_dir  # noqa: E402
from reconcile.linkage.model import load_model  # noqa: E402
from reconcile.linkage.prepare import QueryName, ensure_prepared, load_keys, project_queries  # noqa: E402
from reconcile.screening import open_scorer, probability_to_weight  # noqa: E402
from reconcile.snapshots.catalog import resolve_snapshot  # noqa: E402
from reconcile.snapshots.ingest import add_snapshot  # noqa: E402
from reconcile.store import open_store  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="10000,100000")
    ap.add_argument("--with-1m", action="store_true", help="also run 1,000,000 names")
    ap.add_argument("--master", default="local[2]")
    ap.add_argument(
        "--store", type=Path, default=None, help="a store holding 2024-05-03 (default: build one)"
    )
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")] + ([1_000_000] if args.with_1m else [])
    work = Path(tempfile.mkdtemp(prefix="reconcile-scale-"))
    store_path = args.store or work / "store.duckdb"
    store = open_store(store_path)
    if args.store is None:
        add_snapshot(store, str(shared_dir() / "ofac" / "snapshots" / SNAPSHOT))
    snap = resolve_snapshot(store, SNAPSHOT)
    ensure_prepared(store, snap.snapshot_id)
    model = load_model()
    floor = probability_to_weight(model.threshold)
    keys = load_keys(store, snap.snapshot_id)
    print(f"machine: {os.cpu_count()} cores; snapshot {SNAPSHOT}: {snap.entry_count} entries")
    print(
        f"model threshold p>={model.threshold} (match weight >= {floor:.2f}); sizes {sizes}; spark {args.master}"
    )

    from reconcile.spark.scoring import open_spark_scorer
    from reconcile.spark.session import SparkOptions, open_spark

    t0 = time.perf_counter()
    spark = open_spark(SparkOptions(master=args.master))
    print(f"spark session start: {time.perf_counter() - t0:.1f}s (once per process)")
    t0 = time.perf_counter()
    duck_scorer = open_scorer(store, snap, model)
    t_duck_setup = time.perf_counter() - t0
    t0 = time.perf_counter()
    spark_scorer = open_spark_scorer(spark.session, store, snap, model)
    t_spark_setup = time.perf_counter() - t0
    print(f"scorer setup: duckdb {t_duck_setup:.1f}s, spark {t_spark_setup:.1f}s")
    # Warm-up on a few names, so the first size does not carry one-off JIT and planning costs.
    warm = project_queries([QueryName("w", "Nicolas Maduro", "person")], keys)
    duck_scorer.predict(warm, floor)
    spark_scorer.predict(warm, floor)

    rows = []
    for n in sizes:
        t0 = time.perf_counter()
        gen = make_names(store, snap.snapshot_id, n, args.seed)
        t_gen = time.perf_counter() - t0
        t0 = time.perf_counter()
        records = project_queries([QueryName(q, name, kind) for q, name, kind, _ in gen], keys)
        t_proj = time.perf_counter() - t0
        out = work / f"cand_{n}"
        t0 = time.perf_counter()
        preds = duck_scorer.predict(records, floor)
        pq.write_table(preds, str(out) + "_duckdb.parquet")
        t_duck = time.perf_counter() - t0
        t0 = time.perf_counter()
        frame = spark_scorer.predict_frame(records, floor).as_spark_dataframe()
        frame.write.mode("overwrite").parquet(str(out) + "_spark")
        t_spark = time.perf_counter() - t0
        n_spark = spark.session.read.parquet(str(out) + "_spark").count()
        print(
            f"\n{n:>9,} names ({records.num_rows:,} distinct): generate {t_gen:.1f}s, project {t_proj:.1f}s "
            f"({records.num_rows / t_proj:,.0f}/s)\n"
            f"   duckdb  score {t_duck:7.1f}s  {records.num_rows / t_duck:>9,.0f} names/s  "
            f"{preds.num_rows:,} candidates\n"
            f"   spark   score {t_spark:7.1f}s  {records.num_rows / t_spark:>9,.0f} names/s  {n_spark:,} candidates"
        )
        rows.append((n, records.num_rows, t_proj, t_duck, t_spark))
    duck_scorer.close()
    spark_scorer.close()
    spark.close()
    store.close()
    shutil.rmtree(work, ignore_errors=True)
    print("\ngrowth (time ratio against the previous size; 10x more names each step):")
    for prev, cur in zip(rows, rows[1:], strict=False):
        print(
            f"  {prev[0]:,} -> {cur[0]:,}: project x{cur[2] / prev[2]:.1f}, duckdb x{cur[3] / prev[3]:.1f}, "
            f"spark x{cur[4] / prev[4]:.1f}"
        )


if __name__ == "__main__":
    main()
