"""Benchmark: time to render the HTML report of a large run (1,000 matches, 1,000 unmatched, 2,000 changes).

Run: .venv/bin/python bench/report_html.py
The rows are synthetic but shaped like a real run's (four contributions a match, sentences, programs).
Baseline measured in the same run: the same rows through pyarrow `to_pylist` alone, the floor any renderer
pays to read them. Target: well under 1 s (the weekly run renders one report).
"""

from __future__ import annotations

import statistics
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path

import pyarrow as pa

from reconcile.reporting.bands import band_for
from reconcile.reporting.html import render_html
from reconcile.reporting.model import RunReport, RunSummary

TARGET_S = 1.0
N_MATCHES, N_UNMATCHED, N_DIFF = 1000, 1000, 2000


def _report() -> RunReport:
    matches = []
    for i in range(N_MATCHES):
        p = ((i * 37) % 1000) / 1000
        matches.append(
            {
                "match_id": f"m{i}", "found_by": "new mention", "article_source": f"news/a{i % 50}.html",
                "article_title": f"Article {i % 50} about sanctions", "surface": f"Given{i} Family{i}",
                "canonical_name": f"Given{i} Family{i}", "kind": "person", "role": "minister",
                "sentence": f"The minister Given{i} Family{i} was named in the order on Friday.",
                "ent_num": 10000 + i, "sdn_name": f"FAMILY{i}, Given{i}", "matched_name": f"Given{i} FAMILY",
                "sdn_type": "individual", "programs": ["SDGT", "IRGC"], "sdn_title": "Minister of Finance",
                "match_probability": p, "match_weight": -13.9 + 16.1 * p + 2, "band": band_for(p),
                "is_alert": p >= 0.9, "ofac_score": 90, "explanation": "Names agree; the country agrees.",
                "contributions": [
                    {"comparison": "prior", "label": "one entry among 15,000", "weight": -13.9},
                    {"comparison": "name", "label": "given name and first surname exact", "weight": 16.1 * p},
                    {"comparison": "entity_kind", "label": "person vs individual", "weight": 0.6},
                    {"comparison": "country", "label": "agree", "weight": 1.4},
                ],
                "review_status": "new",
            }
        )  # fmt: skip
    unmatched = [
        {
            "article_source": f"news/a{i % 50}.html", "article_title": "Art", "surface": f"Other{i} Person",
            "canonical_name": f"Other{i} Person", "kind": "person", "role": None, "sanction": i % 3 == 0,
            "sanction_cue": "sanctioned" if i % 3 == 0 else None, "delisting": False,
            "sentence": f"Other{i} Person said the sanctions would hurt.", "best_ent_num": None,
            "best_sdn_name": None, "best_probability": None,
        }
        for i in range(N_UNMATCHED)
    ]  # fmt: skip
    diff = [
        {"ent_num": 30000 + i, "change": ("added", "removed", "amended")[i % 3], "field": "programs",
         "old_value": "SDGT", "new_value": "SDGT; IRGC", "sdn_name": f"ENTRY {i}"}
        for i in range(N_DIFF)
    ]  # fmt: skip
    summary = RunSummary(
        run_id="bench",
        started_at=datetime(2024, 5, 3, 9, tzinfo=UTC),
        finished_at=datetime(2024, 5, 3, 9, 2, tzinfo=UTC),
        snapshot_id="bench",
        snapshot_as_of=date(2024, 5, 3),
        previous_snapshot_as_of=date(2022, 1, 5),
        model_hash="bench",
        threshold=0.9,
        counts={"mentions": N_MATCHES + N_UNMATCHED},
    )
    return RunReport(
        summary, pa.Table.from_pylist(matches), pa.Table.from_pylist(unmatched), pa.table({}),
        pa.Table.from_pylist(diff),
    )  # fmt: skip


def main() -> None:
    report = _report()
    t = time.perf_counter()
    for table in (report.matches, report.unmatched, report.diff):
        table.to_pylist()
    baseline = time.perf_counter() - t
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.html"
        t = time.perf_counter()
        render_html(report, out)  # first call also compiles the template
        first = time.perf_counter() - t
        times = []
        for _ in range(5):
            t = time.perf_counter()
            render_html(report, out)
            times.append(time.perf_counter() - t)
        size = out.stat().st_size
    median = statistics.median(times)
    print(f"rows: {N_MATCHES} matches, {N_UNMATCHED} unmatched, {N_DIFF} list changes")
    print(f"baseline to_pylist: {baseline:.3f} s")
    print(f"render_html first call (template compile): {first:.3f} s")
    print(f"render_html median of 5: {median:.3f} s (min {min(times):.3f}, max {max(times):.3f})")
    print(f"report size: {size / 1e6:.1f} MB")
    print(f"target < {TARGET_S:.1f} s: {'met' if median < TARGET_S else 'MISSED'}")


if __name__ == "__main__":
    main()
