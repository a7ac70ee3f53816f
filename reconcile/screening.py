"""Batch screening: names against the SDN snapshot in force on a date, with the trained model.

Work scales with distinct normalized names, not rows: the same name in many rows is projected and linked
once (prepare.project_queries keys records on normalized name, kind and country), then fanned back out
to every row that gave it. Candidates are collapsed to one row per (query, entry): the entry's best
scoring name variant, which is also the one the explanation talks about. A large batch spreads the pure
Python stages (normalization, explanations, OFAC scores) over a process pool; DuckDB scores in between.
"""

from __future__ import annotations

import csv
import math
import multiprocessing
import os
from collections.abc import Callable, Collection, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from reconcile.errors import NotFound
from reconcile.linkage.explain import Step, explain, level_labels, waterfall
from reconcile.linkage.model import Scorer, SdnModel, load_model
from reconcile.linkage.ofac_score import ofac_score
from reconcile.linkage.prepare import (
    QueryName,
    ensure_prepared,
    load_keys,
    project_queries,
    start_projection,
    warm_up_projection,
)
from reconcile.linkage.train import Calibration
from reconcile.runtime import gc_paused, init_worker
from reconcile.snapshots.catalog import SnapshotRef, resolve_snapshot, snapshot_in_force
from reconcile.store import Store, load_sql

__all__ = [
    "OUTPUT_COLUMNS",
    "LabelledName",
    "calibrate_prior",
    "calibrator",
    "read_labelled_names",
    "reliability_table",
    "PairScore",
    "ScreenResult",
    "compare_names",
    "explain_pair",
    "iter_queries",
    "open_scorer",
    "screen_names",
]

#: Columns of every screening row, in order (CLI output, Parquet, JSON keys).
OUTPUT_COLUMNS = (
    "query_id",
    "query_name",
    "ent_num",
    "sdn_name",
    "matched_name",
    "sdn_type",
    "programs",
    "match_probability",
    "match_weight",
    "is_alert",
    "ofac_score",
    "explanation",
)

#: With --top, candidates down to this match weight are kept for review (below: not worth showing).
REVIEW_FLOOR_WEIGHT = -10.0

ProgressFn = Callable[[int, int], None]

#: Builds a scorer over one stored snapshot with open_scorer's arguments; returns anything with `predict`,
#: `settings`, `con` (DuckDB, to post-process predictions) and `close`: a Scorer, or spark's SparkScorer.
ScorerFactory = Callable[[Store, SnapshotRef, SdnModel, Collection[int] | None], Any]


@dataclass(frozen=True)
class ScreenResult:
    """Rows (dicts with OUTPUT_COLUMNS) and what they were screened against."""

    rows: list[dict[str, Any]]
    snapshot: SnapshotRef
    threshold: float
    distinct_names: int


def probability_to_weight(p: float) -> float:
    """Splink's match weight for a probability (log2 odds)."""
    p = min(max(p, 1e-12), 1 - 1e-12)
    return math.log2(p / (1 - p))


def scorer_inputs(
    store: Store, snapshot: SnapshotRef, ent_nums: Collection[int] | None = None
) -> pa.Table:
    """A stored snapshot's prepared names, as every engine's scorer takes them.

    Prepares the snapshot first if it never was. With `ent_nums`, only those entries' names are
    candidates (the weekly re-screen of changed entries); word information (prepared with the whole
    snapshot) and the prior still come from the whole snapshot, so scores equal a full screen's.
    """
    ensure_prepared(store, snapshot.snapshot_id)
    params = {"snapshot_id": snapshot.snapshot_id}
    sdn = store.con.sql(load_sql("linkage/sdn_std"), params=params).to_arrow_table()
    if ent_nums is not None:
        sdn = sdn.filter(pc.is_in(sdn["ent_num"], value_set=pa.array(sorted(ent_nums), pa.int32())))
    return sdn


def open_scorer(
    store: Store, snapshot: SnapshotRef, model: SdnModel | None = None, ent_nums: Collection[int] | None = None
) -> Scorer:
    """A DuckDB Scorer over one stored snapshot (see `scorer_inputs`)."""
    return Scorer(model or load_model(), scorer_inputs(store, snapshot, ent_nums), snapshot.entry_count)


def resolve(store: Store, as_of: date | None) -> SnapshotRef:
    """The snapshot in force on `as_of` (default the latest), or NotFound naming the date."""
    snap = snapshot_in_force(store, as_of)
    if snap is None:
        when = f"on {as_of}" if as_of else "at all"
        raise NotFound(f"no snapshot is stored {when}; add one with `reconcile snapshot add`")
    return snap


def screen_names(
    store: Store,
    queries: Sequence[QueryName],
    as_of: date | None = None,
    threshold: float | None = None,
    top: int | None = None,
    progress: ProgressFn | None = None,
    *,
    model: SdnModel | None = None,
    explain_rows: bool = True,
    snapshot: SnapshotRef | None = None,
    ent_nums: Collection[int] | None = None,
    with_contributions: bool = False,
    scorer_factory: ScorerFactory | None = None,
) -> ScreenResult:
    """Screen names against the snapshot in force on `as_of`.

    Args:
        store: the store (writable: a snapshot stored before linkage existed is prepared on first use).
        queries: the names, with optional kind and country.
        as_of: date of the list to screen against; default the latest stored.
        threshold: alert when match_probability is at or above it; default the model's documented one.
        top: also list up to this many best candidates per query below the threshold (for review).
        progress: called with (done, total) distinct names.
        model: a loaded model (default reference/sdn_model.json).
        explain_rows: write the plain-words explanation (the benchmark turns it off).
        snapshot: screen against this stored snapshot instead of the one in force on `as_of`.
        ent_nums: only these entries are candidates (re-screening entries added or amended).
        with_contributions: add `contributions`, the waterfall as (comparison, label, weight) dicts.
        scorer_factory: builds the scorer instead of `open_scorer` (same arguments); the spark engine
            passes one that scores on Spark (reconcile.spark.engine.scorer_factory_for).

    Returns:
        One row per (query row, candidate entry): every alert, plus up to `top` others per query.

    A batch of PARALLEL_MIN_QUERIES rows or more is normalized, explained and OFAC-scored in worker
    processes (one per core, started with `spawn`); the rows are the same as in one process. As with any
    `spawn` pool, a script calling this at import time needs the `if __name__ == "__main__":` guard.
    """
    snap = snapshot or resolve(store, as_of)
    mdl = model or load_model()
    cut = mdl.threshold if threshold is None else threshold
    pool = _Workers.start(len(queries))
    try:
        return _screen(
            store,
            queries,
            snap,
            mdl,
            cut,
            top,
            progress,
            explain_rows,
            ent_nums,
            with_contributions,
            scorer_factory,
            pool,
        )
    finally:
        if pool is not None:
            pool.close()


#: Below this many query rows, screening stays in one process: starting workers (~0.5 s each, importing
#: the normalizer) would cost more than they save.
PARALLEL_MIN_QUERIES = 20_000


class _Workers(ProcessPoolExecutor):
    """The process pool of one large screen: one worker per core, started once, joined before returning.

    `spawn`, never `fork`: the parent has DuckDB threads running, and a forked child can inherit a lock
    held by one of them. Started before the scorer is built, so that the workers import while the parent
    loads the snapshot, and then project the names while it builds the scorer. Each worker runs without
    the cyclic collector and skips interpreter teardown at exit (runtime.init_worker).
    """

    _exiting: list[multiprocessing.Process]

    @classmethod
    def start(cls, n_queries: int) -> _Workers | None:
        """A pool for a batch this large on a machine with several cores, or None."""
        workers = os.cpu_count() or 1
        if n_queries < PARALLEL_MIN_QUERIES or workers < 2:
            return None
        pool = cls(max_workers=workers, mp_context=multiprocessing.get_context("spawn"), initializer=init_worker)
        pool._exiting = []
        for _ in range(workers):
            pool.submit(warm_up_projection)  # in prepare, not here: a worker never imports splink
        return pool

    def release(self) -> None:
        """No more tasks: the workers exit once the queued ones are done, while the parent carries on.

        Their exit (quick: see runtime.init_worker) overlaps with writing the rows.
        """
        self._exiting = list((self._processes or {}).values())
        self.shutdown(wait=False)

    def close(self) -> None:
        """Stop (cancelling what has not started) and wait for every worker to have exited."""
        self.shutdown(cancel_futures=True)
        for p in self._exiting:
            p.join()


def _screen(
    store: Store,
    queries: Sequence[QueryName],
    snap: SnapshotRef,
    mdl: SdnModel,
    cut: float,
    top: int | None,
    progress: ProgressFn | None,
    explain_rows: bool,
    ent_nums: Collection[int] | None,
    with_contributions: bool,
    scorer_factory: ScorerFactory | None,
    pool: _Workers | None,
) -> ScreenResult:
    # The workers project the names while this process builds the scorer (Splink parsing its SQL).
    ensure_prepared(store, snap.snapshot_id)
    projected = start_projection(queries, load_keys(store, snap.snapshot_id), executor=pool)
    scorer = (scorer_factory or open_scorer)(store, snap, mdl, ent_nums)
    try:
        records, uids = projected()
        total = records.num_rows
        if progress:
            progress(0, total)
        floor = REVIEW_FLOOR_WEIGHT if top else probability_to_weight(cut)
        preds = scorer.predict(records, floor) if total else None
        if progress:
            progress(total, total)
        best = _best_per_entry(scorer, preds, top, cut) if preds is not None else []
        labels = level_labels(scorer.settings)
        entries = {r[0]: r[1:] for r in store.query(load_sql("linkage/entries"), {"snapshot_id": snap.snapshot_id})}
    finally:
        scorer.close()
    with gc_paused():  # tens of thousands of row dicts, no cycles (see reconcile.runtime)
        return _rows(queries, uids, best, entries, labels, snap, cut, total, explain_rows, with_contributions, pool)


def _rows(
    queries: Sequence[QueryName],
    uids: Sequence[str],
    best: list[dict[str, Any]],
    entries: dict[int, tuple[Any, ...]],
    labels: dict[tuple[str, int], str],
    snap: SnapshotRef,
    cut: float,
    total: int,
    explain_rows: bool,
    with_contributions: bool,
    pool: _Workers | None,
) -> ScreenResult:
    """The output rows: every query row, fanned out to its record's kept candidates."""
    by_uid: dict[str, list[dict[str, Any]]] = {}
    for row in best:
        by_uid.setdefault(row["unique_id_l"], []).append(row)
    out: list[dict[str, Any]] = []
    explain_row = _explainer(labels)
    # With workers, OFAC's scores and the explanations are computed there while this process writes the
    # rows; they are filled in afterwards.
    fill = _explain_and_score_in_workers(queries, uids, by_uid, labels, pool) if explain_rows and pool else None
    if pool is not None:
        pool.release()
    here = explain_rows and fill is None
    for q, uid in zip(queries, uids, strict=True):
        for row in by_uid.get(uid, []):
            sdn_name, sdn_type, programs = entries[row["ent_num_r"]]
            out.append(
                {
                    "query_id": q.query_id,
                    "query_name": q.query_name,
                    "ent_num": row["ent_num_r"],
                    "sdn_name": sdn_name,
                    "matched_name": row["name_raw_r"],
                    "sdn_type": sdn_type,
                    "programs": list(programs),
                    "match_probability": row["match_probability"],
                    "match_weight": row["match_weight"],
                    "is_alert": row["match_probability"] >= cut,
                    "ofac_score": ofac_score(q.query_name, row["name_raw_r"]) if here else None,
                    "explanation": explain_row(row) if here else None,
                }
            )
            if with_contributions:
                out[-1]["contributions"] = [
                    {"comparison": st.component, "label": st.finding, "weight": float(st.weight)}
                    for st in waterfall(row, labels)[:-1]
                ]
    if fill is not None:
        fill(out)
    return ScreenResult(out, snap, cut, total)


def _explain_and_score_in_workers(
    queries: Sequence[QueryName],
    uids: Sequence[str],
    by_uid: dict[str, list[dict[str, Any]]],
    labels: dict[tuple[str, int], str],
    pool: ProcessPoolExecutor,
) -> Callable[[list[dict[str, Any]]], None]:
    """Start the explanations and OFAC scores of the rows in the workers; call the result to fill them in.

    As in one process, each distinct evidence is explained once (see _explainer) and each distinct
    (query name, matched name) pair scored once. Each goes out in eight batches: few enough that sending
    them costs little, enough that the workers finish close together. Which explanation and score each
    output row takes is settled here, by position, so filling them in hashes nothing.
    """
    evidence = _evidence_key()
    evidence_at: dict[tuple[Any, ...], int] = {}
    firsts: list[dict[str, Any]] = []  # one prediction row per distinct evidence
    evidence_of: dict[int, int] = {}  # id(prediction row) -> its evidence's index in firsts
    for rows in by_uid.values():
        for row in rows:
            key = evidence(row)
            at = evidence_at.get(key)
            if at is None:
                at = evidence_at[key] = len(firsts)
                firsts.append(row)
            evidence_of[id(row)] = at
    texts = pool.map(explain, firsts, [labels] * len(firsts), chunksize=max(len(firsts) // 8, 1))
    pair_at: dict[tuple[str, str], int] = {}
    taken: list[tuple[int, int]] = []  # per output row, in output order: (pair index, evidence index)
    for q, uid in zip(queries, uids, strict=True):
        for r in by_uid.get(uid, []):
            pair = (q.query_name, r["name_raw_r"])
            at = pair_at.get(pair)
            if at is None:
                at = pair_at[pair] = len(pair_at)
            taken.append((at, evidence_of[id(r)]))
    pairs = list(pair_at)
    scores = pool.map(ofac_score, [a for a, _ in pairs], [b for _, b in pairs], chunksize=max(len(pairs) // 8, 1))

    def fill(out: list[dict[str, Any]]) -> None:
        text_list, score_list = list(texts), list(scores)
        for r, (p, e) in zip(out, taken, strict=True):
            r["ofac_score"] = score_list[p]
            r["explanation"] = text_list[e]

    return fill


#: Prediction columns a screening row reads besides every mw_* and gamma_* (explain.waterfall's inputs).
_ROW_COLUMNS = frozenset(
    {
        "unique_id_l",
        "unique_id_r",
        "ent_num_r",
        "name_raw_l",
        "name_raw_r",
        "entity_kind_l",
        "entity_kind_r",
        "countries_l",
        "countries_r",
        "match_probability",
        "match_weight",
    }
)


def _evidence_key() -> Callable[[dict[str, Any]], tuple[Any, ...]]:
    """What an explanation depends on: the level and weight of every comparison.

    Every row of one screen has the same columns, so the evidence columns are found once per column set.
    """
    evidence: dict[tuple[str, ...], tuple[str, ...]] = {}

    def key(row: dict[str, Any]) -> tuple[Any, ...]:
        names = tuple(row)
        cols = evidence.get(names)
        if cols is None:
            cols = evidence[names] = tuple(c for c in names if c.startswith(("mw_", "gamma_")))
        return (cols, tuple(row[c] for c in cols))

    return key


def _explainer(labels: dict[tuple[str, int], str]) -> Callable[[dict[str, Any]], str]:
    """explain(row, labels), computed once per distinct evidence.

    Pairs falling in the same levels read the same: the prior and the final weight
    are not part of the line, so a large screen formats each distinct line once, not once per row.
    """
    done: dict[tuple[Any, ...], str] = {}
    evidence = _evidence_key()

    def run(row: dict[str, Any]) -> str:
        key = evidence(row)
        text = done.get(key)
        if text is None:
            text = done[key] = explain(row, labels)
        return text

    return run


def _best_per_entry(scorer: Scorer, preds: pa.Table, top: int | None, cut: float) -> list[dict[str, Any]]:
    """Best name variant per (query, entry); alerts always, plus the `top` best others per query."""
    # Only what rows, explanations and waterfalls read: carrying the matching and intermediate list
    # columns of every pair through the window sorts cost 5x the rest of this step, and converting them
    # to Python objects more again.
    keep = [c for c in preds.column_names if c in _ROW_COLUMNS or c.startswith(("mw_", "gamma_"))]
    scorer.con.register("stage_preds", preds.select(keep))
    try:
        rel = scorer.con.sql(load_sql("linkage/best_per_entry"), params={"top": top or 0, "cut": cut})
        with gc_paused():
            rows: list[dict[str, Any]] = rel.to_arrow_table().to_pylist()
        return rows
    finally:
        scorer.con.unregister("stage_preds")


def iter_queries(rows: Iterable[dict[str, str]]) -> list[QueryName]:
    """QueryName records from CSV-like dicts (query_id, query_name, optional entity_kind, country)."""
    return [
        QueryName(
            query_id=str(r["query_id"]),
            query_name=str(r["query_name"]),
            entity_kind=(r.get("entity_kind") or None),
            country=(r.get("country") or None),
        )
        for r in rows
    ]


@dataclass(frozen=True)
class PairScore:
    """One scored pair: the numbers, the plain-words line and the full waterfall."""

    name_a: str
    name_b: str
    match_probability: float
    match_weight: float
    is_alert: bool
    ofac_score: int
    explanation: str
    steps: list[Step]
    ent_num: int | None = None
    matched_name: str | None = None


def _pair_from_row(
    row: dict[str, Any], labels: dict[tuple[str, int], str], name_a: str, name_b: str, cut: float
) -> PairScore:
    return PairScore(
        name_a=name_a,
        name_b=name_b,
        match_probability=row["match_probability"],
        match_weight=row["match_weight"],
        is_alert=row["match_probability"] >= cut,
        ofac_score=ofac_score(name_a, name_b),
        explanation=explain(row, labels),
        steps=waterfall(row, labels),
        ent_num=row.get("ent_num_r"),
        matched_name=row.get("name_raw_r"),
    )


def explain_pair(
    store: Store,
    query_name: str,
    ent_num: int,
    as_of: date | None = None,
    *,
    entity_kind: str | None = None,
    country: str | None = None,
    threshold: float | None = None,
    model: SdnModel | None = None,
) -> PairScore:
    """The full waterfall for one query name against one entry (its best-scoring name variant).

    Scores every variant of the entry with no blocking, so it explains pairs screening never blocked too.
    """
    snap = resolve(store, as_of)
    mdl = model or load_model()
    cut = mdl.threshold if threshold is None else threshold
    scorer = open_scorer(store, snap, mdl)
    try:
        right = scorer.con.sql("SELECT * FROM sdn_std WHERE ent_num = $e", params={"e": ent_num}).to_arrow_table()
        if right.num_rows == 0:
            raise NotFound(f"entry {ent_num} is not in the snapshot of {snap.as_of}")
        keys = load_keys(store, snap.snapshot_id)
        left = project_queries([QueryName("q", query_name, entity_kind, country)], keys)
        rows = scorer.score_pairs(left, right).to_pylist()
        labels = level_labels(scorer.settings)
    finally:
        scorer.close()
    best = max(rows, key=lambda r: r["match_weight"])
    return _pair_from_row(best, labels, query_name, best["name_raw_r"], cut)


def compare_names(
    pairs: Sequence[tuple[str, str, str | None]],
    store: Store | None = None,
    *,
    threshold: float | None = None,
    model: SdnModel | None = None,
) -> list[PairScore]:
    """Score free name pairs (name_a, name_b, kind) with the screening model (is this the same party?).

    Both names are read news-style. Word frequencies and the prior come from the latest stored snapshot
    when a store holding one is given; otherwise the pair is scored without frequency adjustment and with
    the prior of the list the model was trained on.
    """
    mdl = model or load_model()
    cut = mdl.threshold if threshold is None else threshold
    snap = snapshot_in_force(store, None) if store is not None else None
    if snap is not None:
        scorer = open_scorer(store, snap, mdl)  # type: ignore[arg-type]
        keys = load_keys(store, snap.snapshot_id)  # type: ignore[arg-type]
    else:
        from reconcile.linkage.prepare import STD_SCHEMA, SnapshotKeys

        scorer = Scorer(mdl, STD_SCHEMA.empty_table(), mdl.trained_entry_count)
        keys = SnapshotKeys({})
    out = []
    try:
        labels = level_labels(scorer.settings)
        for i, (a, b, kind) in enumerate(pairs):
            left = project_queries([QueryName(f"a{i}", a, kind)], keys, dedupe=False)
            right = project_queries([QueryName(f"b{i}", b, kind)], keys, dedupe=False)
            row = scorer.score_pairs(left, right).to_pylist()[0]
            out.append(_pair_from_row(row, labels, a, b, cut))
    finally:
        scorer.close()
    return out


#: Probability bins of the reliability table (predicted p vs observed precision).
RELIABILITY_BINS = (0.0, 0.1, 0.3, 0.5, 0.7, 0.9, 1.0001)


@dataclass(frozen=True)
class LabelledName:
    """A screened name with the entry it should alert on (None: it is on no entry of the list)."""

    query: QueryName
    expected_ent_num: int | None


def reliability_table(scored: Sequence[tuple[float, bool]]) -> list[tuple[str, int, float, float]]:
    """(bin, candidates, mean predicted p, observed share right) for candidates scored p, right or not."""
    out = []
    for lo, hi in zip(RELIABILITY_BINS, RELIABILITY_BINS[1:], strict=False):
        ps = [(p, y) for p, y in scored if lo <= p < hi]
        if ps:
            out.append(
                (
                    f"[{lo:.1f}, {min(hi, 1.0):.1f})",
                    len(ps),
                    sum(p for p, _ in ps) / len(ps),
                    sum(y for _, y in ps) / len(ps),
                )
            )
    return out


def scored_candidates(
    store: Store, labelled: Sequence[LabelledName], snapshot: SnapshotRef, model: SdnModel, shift: float = 0.0
) -> list[tuple[float, float, bool]]:
    """(match_weight + shift, probability, right) for every candidate above the review floor of each name."""
    queries = [x.query for x in labelled]
    res = screen_names(store, queries, threshold=1.0, top=10, model=model, explain_rows=False, snapshot=snapshot)
    expected = {x.query.query_id: x.expected_ent_num for x in labelled}
    out = []
    for r in res.rows:
        w = float(r["match_weight"]) + shift
        out.append((w, 1.0 / (1.0 + 2.0 ** (-w)), r["ent_num"] == expected[r["query_id"]]))
    return out


def calibrate_prior(
    store: Store, labelled: Sequence[LabelledName], snapshot: SnapshotRef, model: SdnModel
) -> tuple[float, float, list[tuple[float, float, bool]]]:
    """Fit the prior on labelled names: the shift (bits) of every match weight that best fits right/wrong.

    One parameter, fitted by maximum likelihood over every candidate screening returns (the right entry
    and every wrong one, for listed and unlisted names alike), so "p" means the share right among
    candidates scored p on these sets. Returns (listed_share, shift in bits, shifted candidates).
    """
    cands = scored_candidates(store, labelled, snapshot, model)

    def nll(shift: float) -> float:
        total = 0.0
        for w, _p, y in cands:
            z = (w + shift) * math.log(2)
            # log(1 + e^-z) for a right candidate, log(1 + e^z) for a wrong one; stable for large |z|
            v = -z if y else z
            total += v + math.log1p(math.exp(-v)) if v > 0 else math.log1p(math.exp(v))
        return total

    grid = [x / 20 for x in range(-200, 201)]
    shift = min(grid, key=nll)
    share = model.listed_share * 2.0**shift
    shifted = [(w + shift, 1.0 / (1.0 + 2.0 ** (-(w + shift))), y) for w, _p, y in cands]
    return share, shift, shifted


def read_labelled_names(path: Path) -> list[LabelledName]:
    """Labelled names from a CSV: query_id, query_name, expected_ent_num (empty: unlisted), entity_kind."""
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    if not rows or "expected_ent_num" not in rows[0]:
        raise NotFound(f"{path} has no expected_ent_num column")
    return [
        LabelledName(
            QueryName(r["query_id"], r["query_name"], r.get("entity_kind") or None, r.get("country") or None),
            int(r["expected_ent_num"]) if r["expected_ent_num"] else None,
        )
        for r in rows
    ]


def calibrator(store: Store, names_csv: Path, snapshot_ref: str) -> Callable[[SdnModel], Calibration]:
    """The calibration step `reconcile train` runs with the freshly trained m and u (see calibrate_prior)."""
    labelled = read_labelled_names(names_csv)
    snap = resolve_snapshot(store, snapshot_ref)

    def run(model: SdnModel) -> Calibration:
        share, shift, shifted = calibrate_prior(store, labelled, snap, model)
        n_listed = sum(x.expected_ent_num is not None for x in labelled)
        lines = [
            f"- `listed_share` = {share:.4g}, FITTED: the one prior parameter, chosen by maximum likelihood so that",
            f"  probabilities agree with outcomes on {len(labelled)} labelled names ({names_csv.name}: {n_listed}",
            f"  listed, {len(labelled) - n_listed} unlisted) screened against {snap.as_of}; every candidate",
            "  screening returns counts (the right entry as right, every other entry as wrong). The trained m/u",
            f"  with the neutral 0.5 would be off by {shift:+.2f} bits. The share of these names that are listed",
            f"  is {n_listed / max(len(labelled), 1):.3f}; the fitted value differs from it by "
            f"{math.log2(max(share, 1e-9) * len(labelled) / max(n_listed, 1)):+.2f} bits,",
            "  what the trained weights are off by on average on this list (they are learned from the 2021 list's",
            "  own aliases; the labelled names screen another list): read the fitted value as a calibration",
            "  constant, not as a share.",
            "  Sanctions news names listed parties often; on news with far fewer listed names the same p would",
            "  be over-confident, so read p as `P(same party)` on names like these.",
            "- Reliability after fitting (predicted p vs observed share right, same candidates):",
            "",
            "| predicted p | candidates | mean p | observed right |",
            "|---|---|---|---|",
        ]
        for b, n, mp, obs in reliability_table([(p, y) for _w, p, y in shifted]):
            lines.append(f"| {b} | {n} | {mp:.3f} | {obs:.3f} |")
        lines += [
            "",
            f"- Default alert threshold: p >= {model.threshold} (train.DEFAULT_THRESHOLD), chosen on the dev",
            "  names with bench/screen.py; bands (reporting/bands.py) cut at 0.5 and 0.9 on this calibrated p.",
        ]
        return Calibration(share, lines)

    return run
