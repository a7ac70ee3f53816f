"""The weekly reconciliation: one atomic run from new list and news to matches, re-screen and reports.

A run (1) adds the snapshot and the news it is given, (2) screens the names of mentions no earlier run
covered against the latest snapshot, (3) re-screens the names of earlier mentions against only the
entries added or amended since the previous run's snapshot (a name in last month's news designated this
week surfaces now), (4) applies review memory, and (5) records the run. All of it is one transaction:
a failure or Ctrl-C leaves the store as it was. Screening work is per distinct name key, not per mention.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pyarrow as pa

from reconcile.errors import NotFound
from reconcile.linkage.model import load_model
from reconcile.linkage.prepare import QueryName
from reconcile.news.ingest import AddReport, add_articles
from reconcile.reporting.bands import band_for
from reconcile.reporting.model import RunReport, RunSummary
from reconcile.review import decisions_in_force, review_status
from reconcile.screening import ScorerFactory, screen_names
from reconcile.snapshots import catalog
from reconcile.snapshots.diff import diff_snapshots
from reconcile.snapshots.ingest import AddResult, add_snapshot
from reconcile.store import Store, load_sql

#: Candidates below the alert threshold kept per name for review: enough to show "Hugo Chavez resembles
#: CHAVEZ FRIAS, Adan" without flooding the report.
TOP_BELOW = 3

NEW_MENTION = "new mention"
RESCREEN = "re-screen"


@dataclass(frozen=True)
class RunOutcome:
    """What `run_weekly` did; `status` is "completed", or "unchanged" when nothing was new since the last run."""

    status: str
    run_id: int
    summary: RunSummary
    snapshot: AddResult | None
    news: AddReport | None


def match_id(name_key: str, ent_num: int) -> str:
    """Stable id of a (name, entry) pair: the same pair has the same id in every run, for review commands."""
    return hashlib.sha256(f"{name_key}\x1f{ent_num}".encode()).hexdigest()[:12]


def run_weekly(
    store: Store,
    *,
    snapshot: str | None = None,
    news: Iterable[str | Path] = (),
    threshold: float | None = None,
    as_of: date | None = None,
    force: bool = False,
    extractor: str | None = None,
    stage: Callable[[str], None] | None = None,
    scorer_factory: ScorerFactory | None = None,
) -> RunOutcome:
    """Run one weekly reconciliation (see module docstring); returns the run recorded, or the identical last one.

    Args:
        store: the open store.
        snapshot: a snapshot source to add first (folder, SDN.CSV, .zip, URL); None screens the latest stored.
        news: article files or folders to add first.
        threshold: alert threshold on match_probability (default: the screening default).
        as_of: the snapshot's as-of date when it cannot be told from its source.
        force: accept a snapshot that shrank by more than 10 %.
        extractor: news extraction backend spec ("spacy", "rules", ...).
        stage: told each stage as it starts, for progress display.
        scorer_factory: where to score (default DuckDB); see reconcile.spark.engine.scorer_factory_for.

    Raises:
        RefusedSnapshot, InputError, NotFound: nothing is written.
    """
    model = load_model()
    threshold = model.threshold if threshold is None else threshold
    started = _now()
    tell = stage or (lambda _s: None)
    with store.transaction():
        added = None
        if snapshot is not None:
            tell("snapshot")
            added = add_snapshot(store, snapshot, as_of=as_of, force=force)
        news_report = None
        news = list(news)
        if news:
            tell("news")
            news_report = add_articles(store, news, extractor) if extractor else add_articles(store, news)
        current = catalog.snapshot_in_force(store, None)
        if current is None:
            raise NotFound("the store holds no snapshot; give one with --snapshot (or add one with `snapshot add`)")
        previous = _last_run(store)
        prev_snapshot_id = previous["snapshot_id"] if previous else None
        new_articles = [r[0] for r in store.query(load_sql("runs/uncovered_articles"))]
        if (
            previous is not None
            and not new_articles
            and previous["snapshot_id"] == current.snapshot_id
            and previous["model_hash"] == model.digest
            and previous["threshold"] == threshold
        ):
            return RunOutcome("unchanged", previous["run_id"], load_summary(store, previous["run_id"]), added,
                              news_report)
        run_id = (previous["run_id"] if previous else 0) + 1
        tell("screen")
        new_queries = _queries(store, covered=False)
        rows = _screen(store, current, new_queries, threshold, None, NEW_MENTION, scorer_factory)
        changed = _changed_entries(store, prev_snapshot_id, current.snapshot_id)
        if changed:
            old_queries = _queries(store, covered=True)
            rows += _screen(store, current, old_queries, threshold, changed, RESCREEN, scorer_factory)
        rows = _apply_review(store, _dedupe(rows), current.snapshot_id)
        con = store.con
        for article_id in new_articles:
            con.execute("INSERT INTO run_articles VALUES ($r, $a)", {"r": run_id, "a": article_id})
        _insert_matches(store, run_id, current.snapshot_id, rows)
        counts = {
            "articles_added": len(new_articles),
            "mentions_screened": store.query(load_sql("runs/count_mentions"), {"run_id": run_id})[0][0],
            "name_keys_screened": len(new_queries),
            "entries_rescreened": len(changed),
            "alerts": sum(1 for r in rows if r["is_alert"]),
            "unmatched": store.query(load_sql("runs/count_unmatched"), {"run_id": run_id})[0][0],
        }
        con.execute(
            load_sql("runs/insert_run"),
            {
                "run_id": run_id, "started_at": started, "finished_at": _now(),
                "snapshot_id": current.snapshot_id, "previous_snapshot_id": prev_snapshot_id,
                "model_hash": model.digest, "threshold": threshold,
                "inputs_key": _inputs_key(current.snapshot_id, model.digest, threshold, new_articles),
                **counts,
            },
        )
    return RunOutcome("completed", run_id, load_summary(store, run_id), added, news_report)


def _inputs_key(snapshot_id: str, model: str, threshold: float, articles: list[str]) -> str:
    h = hashlib.sha256(f"{snapshot_id}|{model}|{threshold!r}".encode())
    for article_id in sorted(articles):
        h.update(article_id.encode())
    return h.hexdigest()


def _last_run(store: Store) -> dict[str, Any] | None:
    cur = store.con.execute(load_sql("runs/last_run"))
    cols = [d[0] for d in cur.description]
    rows = cur.fetchall()
    return dict(zip(cols, rows[0], strict=True)) if rows else None


def _changed_entries(store: Store, old_id: str | None, new_id: str) -> list[int]:
    """Entries added or amended from the previous run's list to this one (none on a first run)."""
    if old_id is None or old_id == new_id:
        return []
    old = catalog.SnapshotRef(old_id, date.min, 0)
    new = catalog.SnapshotRef(new_id, date.min, 0)
    changes = diff_snapshots(store, old, new).changes
    kinds = changes.column("change").to_pylist()
    nums = changes.column("ent_num").to_pylist()
    return sorted({n for n, k in zip(nums, kinds, strict=True) if k in ("added", "amended")})


def _queries(store: Store, *, covered: bool) -> list[QueryName]:
    """Distinct names to screen, one per name key: of new mentions, or of those earlier runs covered."""
    return [QueryName(query_id=r[0], query_name=r[1], entity_kind=r[2], more_countries=tuple(r[3]))
            for r in store.query(load_sql("runs/names_to_screen"), {"covered": covered})]


def _screen(store: Store, snapshot: catalog.SnapshotRef, queries: list[QueryName], threshold: float,
            ent_nums: list[int] | None, found_by: str,
            scorer_factory: ScorerFactory | None = None) -> list[dict[str, Any]]:
    if not queries:
        return []
    found = screen_names(store, queries, threshold=threshold, top=TOP_BELOW, snapshot=snapshot,
                         ent_nums=ent_nums, with_contributions=True,
                         scorer_factory=scorer_factory).rows
    for row in found:
        row["found_by"] = found_by
    return found


def _dedupe(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per (name_key, ent_num): a name both new and re-screened keeps its new-mention row."""
    best: dict[tuple[str, int], dict[str, Any]] = {}
    for row in rows:
        key = (row["query_id"], row["ent_num"])
        if key not in best:
            best[key] = row
    return list(best.values())


def _apply_review(store: Store, rows: list[dict[str, Any]], snapshot_id: str) -> list[dict[str, Any]]:
    """Set band, review_status and the final is_alert from the decisions in force."""
    decisions = {(d.name_key, d.ent_num): d for d in decisions_in_force(store)}
    hashes = dict(store.query(load_sql("runs/entry_hashes"), {"snapshot_id": snapshot_id}))
    for row in rows:
        row["entry_hash"] = hashes[row["ent_num"]]
        row["band"] = band_for(row["match_probability"])
        status, may_alert = review_status(decisions.get((row["query_id"], row["ent_num"])), row["entry_hash"])
        row["review_status"] = status
        row["is_alert"] = bool(row["is_alert"] and may_alert)
    return rows


def _insert_matches(store: Store, run_id: int, snapshot_id: str, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    table = pa.Table.from_pylist(
        [
            {
                "run_id": run_id, "match_id": match_id(r["query_id"], r["ent_num"]), "found_by": r["found_by"],
                "name_key": r["query_id"], "query_name": r["query_name"], "ent_num": r["ent_num"],
                "snapshot_id": snapshot_id, "entry_hash": r["entry_hash"], "matched_name": r["matched_name"],
                "match_probability": float(r["match_probability"]), "match_weight": float(r["match_weight"]),
                "band": r["band"], "is_alert": r["is_alert"], "ofac_score": r["ofac_score"],
                "explanation": r["explanation"], "contributions": r["contributions"],
                "review_status": r["review_status"],
            }
            for r in rows
        ],
        schema=_MATCH_SCHEMA,
    )
    store.insert_arrow("matches", table)


_MATCH_SCHEMA = pa.schema([
    ("run_id", pa.int32()), ("match_id", pa.string()), ("found_by", pa.string()), ("name_key", pa.string()),
    ("query_name", pa.string()), ("ent_num", pa.int32()), ("snapshot_id", pa.string()),
    ("entry_hash", pa.string()), ("matched_name", pa.string()), ("match_probability", pa.float64()),
    ("match_weight", pa.float64()), ("band", pa.string()), ("is_alert", pa.bool_()), ("ofac_score", pa.int32()),
    ("explanation", pa.string()),
    ("contributions", pa.list_(pa.struct([("comparison", pa.string()), ("label", pa.string()),
                                          ("weight", pa.float64())]))),
    ("review_status", pa.string()),
])


def list_runs(store: Store) -> list[dict[str, Any]]:
    """Every run, newest first, with its counts."""
    cur = store.con.execute(load_sql("runs/list_runs"))
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]


def resolve_run(store: Store, run_id: int | None) -> int:
    """The run named, or the latest; NotFound when there is none."""
    runs = list_runs(store)
    if not runs:
        raise NotFound("no run yet; start one with `reconcile run`")
    if run_id is None:
        return int(runs[0]["run_id"])
    if not any(r["run_id"] == run_id for r in runs):
        raise NotFound(f"no run {run_id}; the runs are 1 to {runs[0]['run_id']}")
    return run_id


def load_summary(store: Store, run_id: int) -> RunSummary:
    """The header of a run's report."""
    run = next(r for r in list_runs(store) if r["run_id"] == run_id)
    count_keys = ("articles_added", "mentions_screened", "name_keys_screened", "entries_rescreened", "alerts",
                  "unmatched")
    return RunSummary(
        run_id=str(run_id), started_at=run["started_at"], finished_at=run["finished_at"],
        snapshot_id=run["snapshot_id"], snapshot_as_of=run["snapshot_as_of"],
        previous_snapshot_as_of=run["previous_snapshot_as_of"], model_hash=run["model_hash"],
        threshold=run["threshold"], counts={k: int(run[k]) for k in count_keys},
    )


def load_report(store: Store, run_id: int) -> RunReport:
    """Everything the reports of run `run_id` show, rebuilt from the store."""
    summary = load_summary(store, run_id)
    run = next(r for r in list_runs(store) if r["run_id"] == run_id)

    def table(name: str) -> pa.Table:
        return store.con.sql(load_sql(name), params={"run_id": run_id}).to_arrow_table()

    prev = run["previous_snapshot_id"]
    if prev and prev != run["snapshot_id"]:
        refs = (catalog.SnapshotRef(prev, date.min, 0), catalog.SnapshotRef(run["snapshot_id"], date.min, 0))
        diff = diff_snapshots(store, *refs).changes
    else:
        diff = store.con.sql(load_sql("snapshots/diff"), params={"from_id": "", "to_id": ""}).to_arrow_table()
    return RunReport(summary, table("runs/report_matches"), table("runs/report_unmatched"),
                     table("runs/report_mentions"), diff)


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)
