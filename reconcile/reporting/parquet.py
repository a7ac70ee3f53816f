"""Parquet exports of a run, for the analysts' own tools: one file per table of the RunReport."""

from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq

from reconcile.reporting.model import RunReport

#: File names in the run's output folder, by RunReport attribute.
FILES = {
    "matches": "matches.parquet",
    "unmatched": "unmatched.parquet",
    "mentions": "mentions.parquet",
    "diff": "diff.parquet",
}


def write_parquet(report: RunReport, out_dir: Path) -> dict[str, Path]:
    """Write matches, unmatched, mentions and diff; returns the paths written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = {}
    for attr, name in FILES.items():
        path = out_dir / name
        pq.write_table(getattr(report, attr), path)
        written[attr] = path
    return written
