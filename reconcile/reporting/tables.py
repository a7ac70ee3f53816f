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
    """Candidates of the run, alerts first: one row per (name, entry), with how many mentions carry the name."""
    recs = report.matches.drop_columns(["contributions"]).to_pylist() if report.matches.num_rows else []
    grouped: dict[tuple[str, int], list[dict[str, Any]]] = {}
    for r in recs:
        grouped.setdefault((r["match_id"], r["ent_num"]), []).append(r)
    rows = []
    for group in grouped.values():
        r = group[0]
        entry = r["sdn_name"]
        if r["matched_name"] not in (None, r["sdn_name"]):
            entry += f" (as {r['matched_name']})"
        rows.append((r["match_id"], r["canonical_name"] or r["surface"], len(group), r["ent_num"], entry,
                     f"{r['match_probability']:.3f}", r["band"], "yes" if r["is_alert"] else "no", r["ofac_score"],
                     r["review_status"], r["found_by"], r["explanation"]))
    alerts = sum(1 for g in grouped.values() if g[0]["is_alert"])
    return TableView(
        f"Run {report.summary.run_id}: {alerts} alert(s), {len(grouped) - alerts} candidate(s) below the threshold "
        "kept for review",
        ("match id", "name in the news", "mentions", "ent_num", "SDN entry", "probability", "band", "alert",
         "OFAC score", "review", "found by", "why"),
        rows, recs,
    )


def unmatched_view(report: RunReport) -> TableView:
    """Names with no alert, one row per name and article; sanction-context first ("announced but not listed")."""
    recs = report.unmatched.to_pylist()
    grouped: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for r in recs:
        name = r["canonical_name"] or f"(unnamed) {r['role'] or r['surface']}"
        grouped.setdefault((r["article_id"], name), []).append(r)
    rows = []
    for (_article, name), group in grouped.items():
        flagged = [g for g in group if g["sanction"]]
        cue = ""
        if flagged:
            f = flagged[0]
            cue = ("delisting: " if f["delisting"] else "") + (f["sanction_cue"] or "")
        roles = sorted({g["role"] for g in group if g["role"]})
        countries = sorted({c for g in group for c in (g["countries"] or [])})
        r = group[0]
        closest = f"{r['best_sdn_name']} ({r['best_probability']:.2f})" if r["best_sdn_name"] else ""
        rows.append((name, r["kind"], len(group), "; ".join(roles), ", ".join(countries), cue, closest,
                     r["article_title"] or r["article_source"]))
    flagged_names = sum(1 for g in grouped.values() if any(m["sanction"] for m in g))
    return TableView(
        f"Run {report.summary.run_id}: {len(grouped)} unmatched name(s) in {len(recs)} mention(s); "
        f"{flagged_names} in a sanctions context (announced in the news but not on the list)",
        ("name in the news", "kind", "mentions", "role", "countries", "sanction cue", "closest entry (p)", "article"),
        rows, recs,
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
