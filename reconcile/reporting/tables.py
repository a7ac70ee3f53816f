"""Rows the CLI prints for `reconcile report ...`: which columns, in which order, under which heading."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reconcile.reporting.model import RunReport


@dataclass(frozen=True)
class TableView:
    """A titled table: column headings and rows of printable values, plus the same rows as dicts for --json."""

    title: str
    columns: tuple[str, ...]
    rows: list[tuple[Any, ...]]
    records: list[dict[str, Any]]


def matches_view(report: RunReport) -> TableView:
    """Candidates of the run, alerts first, one row per mention and entry."""
    recs = report.matches.drop_columns(["contributions"]).to_pylist() if report.matches.num_rows else []
    rows = [
        (
            r["match_id"],
            r["canonical_name"] or r["surface"],
            r["ent_num"],
            r["sdn_name"],
            r["matched_name"],
            f"{r['match_probability']:.3f}",
            r["band"],
            "yes" if r["is_alert"] else "no",
            r["ofac_score"],
            r["review_status"],
            r["found_by"],
            r["article_source"],
            r["explanation"],
        )
        for r in recs
    ]
    alerts = sum(1 for r in recs if r["is_alert"])
    return TableView(
        f"Run {report.summary.run_id}: {alerts} alert row(s), {len(recs) - alerts} below the threshold for review",
        (
            "match id",
            "mention",
            "ent_num",
            "SDN name",
            "matched variant",
            "probability",
            "band",
            "alert",
            "OFAC score",
            "review",
            "found by",
            "article",
            "explanation",
        ),
        rows,
        recs,
    )


def unmatched_view(report: RunReport) -> TableView:
    """Mentions with no alert; sanction-context first ("announced in the news but not on the list")."""
    recs = report.unmatched.to_pylist()
    rows = [
        (
            r["canonical_name"] or f"(unnamed) {r['role'] or r['surface']}",
            r["kind"],
            r["role"],
            ", ".join(r["countries"] or []),
            ("delisting: " if r["delisting"] else "") + (r["sanction_cue"] or "") if r["sanction"] else "",
            r["best_sdn_name"] and f"{r['best_sdn_name']} ({r['best_probability']:.2f})",
            r["article_source"],
        )
        for r in recs
    ]
    flagged = sum(1 for r in recs if r["sanction"])
    return TableView(
        f"Run {report.summary.run_id}: {len(recs)} unmatched mention(s), {flagged} in a sanctions context "
        "(announced in the news but not on the list)",
        ("mention", "kind", "role", "countries", "sanction cue", "closest entry (p)", "article"),
        rows,
        recs,
    )


def diff_view(report: RunReport) -> TableView:
    """The list changes since the previous run's snapshot."""
    recs = report.diff.to_pylist()
    rows = diff_rows(recs)
    prev = report.summary.previous_snapshot_as_of
    title = (
        f"List changes {prev} → {report.summary.snapshot_as_of}: {len(recs)} change(s)"
        if prev
        else f"Run {report.summary.run_id} is the first run: no earlier list to compare with"
    )
    return TableView(title, DIFF_COLUMNS, rows, recs)


DIFF_COLUMNS = ("ent_num", "change", "name", "field", "old", "new")


def diff_rows(records: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    """Printable rows of list changes (sql/snapshots/diff.sql columns), as `snapshot diff` and reports show them."""
    return [
        (
            r["ent_num"],
            r["change"],
            r["sdn_name"],
            r["field"] or "",
            r["old_value"] if r["field"] else "",
            r["new_value"] if r["field"] else "",
        )
        for r in records
    ]
