"""Train the SDN model from labelled variant pairs the list itself provides; writes reference/.

Data (nothing hand-labelled, nothing copied into the repo):
- m-probabilities: every name variant of an entry (ALT.CSV aliases, remarks a.k.a./f.k.a., and the
  primary name) written the way news writes it (`Given Surname`), paired with every *other* name
  variant of the same ent_num in the training snapshot (2021-07-07, the one set with ALT.CSV). Persons
  with a double surname also give the short form news uses (first given name + first surname).
  Splink's `estimate_m_from_pairwise_labels` counts how often each level occurs among these true pairs.
- u-probabilities: `estimate_u_using_random_sampling` over (news-written variant, list name) pairs,
  which are almost all non-matches.
- prior: not estimated from these pairs (they are all matches by construction). It is the documented
  `listed_share` (see `LISTED_SHARE`), turned into a per-pair prior for each screened snapshot by
  model.py.

Countries: the list does not say how often a news article's country context agrees with an entry's
countries, so the training mentions carry one under a stated assumption (`COUNTRY_*` below); the
resulting weights are recorded in the training record.
"""

from __future__ import annotations

import json
import logging
import random
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
from splink import DuckDBAPI, Linker

from reconcile.errors import NotFound
from reconcile.linkage.model import MODEL_FILE, MODEL_FORMAT
from reconcile.linkage.prepare import (
    QueryName,
    ensure_prepared,
    kind_of_sdn_type,
    load_keys,
    project_queries,
)
from reconcile.linkage.settings import TF_COLUMN, build_settings
from reconcile.resources import reference_dir
from reconcile.snapshots.catalog import resolve_snapshot
from reconcile.store import Store, load_sql

__all__ = ["DEFAULT_THRESHOLD", "LISTED_SHARE", "TrainResult", "train_model"]

#: Share of screened names assumed to be on the list, the prior before any name evidence. See the
#: training record for why; changing it shifts every probability, not the ranking.
LISTED_SHARE = 0.5

#: The default alert threshold on match_probability, stored with the model. Chosen on the dev set with
#: bench/screen.py (2024-05-03): the highest recall point before congress false alerts pass 2 %; the
#: model is under-confident there (most alerts at p ~ 0.05-0.3 are right), see the training record.
DEFAULT_THRESHOLD = 0.05

#: Half the training mentions carry a country; of those, this share carry one of the entry's countries
#: (the rest a random country): news context often names where a party operates, not its nationality.
COUNTRY_GIVEN_SHARE = 0.5
COUNTRY_AGREES_SHARE = 0.75

#: Floor for a trained m-probability: a level never seen among true pairs (e.g. "different kind of
#: party") is still possible in news (a misread kind); without a floor its weight would be minus infinity.
MIN_M = 0.01

#: Random pairs drawn for u; enough for the rarest name levels to be seen a few hundred times.
U_MAX_PAIRS = 5e6

ProgressFn = Callable[[str], None]


@dataclass(frozen=True)
class TrainResult:
    """What training wrote and the figures of its record."""

    model_path: Path
    record_path: Path
    snapshot_id: str
    mentions: int
    label_pairs: int
    levels: list[dict[str, Any]]


def _training_mentions(store: Store, snapshot_id: str, seed: int) -> tuple[list[QueryName], dict[str, tuple[int, int]]]:
    """Variants written news-style; query_id -> (ent_num, name_id it was written from)."""
    rng = random.Random(seed)
    names = store.query(load_sql("linkage/snapshot_names"), {"snapshot_id": snapshot_id})
    countries: dict[int, list[str]] = {}
    for ent_num, raw in store.query(load_sql("linkage/snapshot_countries"), {"snapshot_id": snapshot_id}):
        countries.setdefault(ent_num, []).append(raw)
    all_countries = sorted({c for cs in countries.values() for c in cs})
    queries: list[QueryName] = []
    origin: dict[str, tuple[int, int]] = {}
    for name_id, ent_num, raw, _kind, surname, given, sdn_type in names:
        kind = kind_of_sdn_type(sdn_type)
        qkind = "person" if kind == "person" else "organization"
        forms = [raw]
        if kind == "person" and surname and given:
            forms = [f"{given} {surname}"]
            sur_words, giv_words = surname.split(), given.split()
            if len(sur_words) >= 2:
                forms.append(f"{giv_words[0]} {sur_words[0]}")
        for i, text in enumerate(forms):
            country = None
            if countries.get(ent_num) and rng.random() < COUNTRY_GIVEN_SHARE:
                agree = rng.random() < COUNTRY_AGREES_SHARE
                country = rng.choice(countries[ent_num] if agree else all_countries)
            qid = f"t{name_id}_{i}"
            queries.append(QueryName(qid, text, qkind, country))
            origin[qid] = (ent_num, name_id)
    return queries, origin


def train_model(
    store: Store,
    snapshot_ref: str = "2021-07-07",
    *,
    out_dir: Path | None = None,
    seed: int = 1,
    command: str = "reconcile train",
    progress: ProgressFn | None = None,
) -> TrainResult:
    """Train m and u on a stored snapshot's own variants and write the model and its record.

    Args:
        store: a store holding the training snapshot (one with ALT.CSV aliases).
        snapshot_ref: as-of date or id prefix of the training snapshot.
        out_dir: where to write sdn_model.json and sdn_model.training.md (default reference/).
        seed: seed of the random choices (country assignment, u sampling).
        command: the command line to record.
        progress: told each step as it starts.

    Raises:
        NotFound: the snapshot is not stored, or holds no aliases to learn from.
    """
    say = progress or (lambda _msg: None)
    snap = resolve_snapshot(store, snapshot_ref)
    ensure_prepared(store, snap.snapshot_id)
    say("projecting the training variants")
    queries, origin = _training_mentions(store, snap.snapshot_id, seed)
    keys = load_keys(store, snap.snapshot_id)
    mentions = project_queries(queries, keys, dedupe=False)
    sdn = store.con.sql(load_sql("linkage/sdn_std"), params={"snapshot_id": snap.snapshot_id}).to_arrow_table()
    tf = store.con.sql(load_sql("linkage/tf"), params={"snapshot_id": snap.snapshot_id}).to_arrow_table()
    by_ent: dict[int, list[int]] = {}
    for ent_num, name_id in zip(sdn.column("ent_num").to_pylist(), sdn.column("name_id").to_pylist(), strict=True):
        by_ent.setdefault(ent_num, []).append(name_id)
    labels = [
        {"source_dataset_l": "news", "unique_id_l": qid, "source_dataset_r": "ofac_sdn", "unique_id_r": f"n{other}"}
        for qid, (ent_num, _name_id) in origin.items()
        for other in by_ent.get(ent_num, [])
    ]
    if not labels:
        raise NotFound(f"snapshot {snap.as_of} has no aliases to learn from; train on 2021-07-07")

    say("estimating u by random sampling")
    u_settings = _estimate_u(mentions, sdn, tf, origin, snap.entry_count, seed)
    say("estimating m from labelled variant pairs")
    con, db_api = _database({"mentions_std": mentions, "sdn_std": sdn, f"tf_{TF_COLUMN}": tf})
    men_sdf = db_api.register("mentions_std", dataset_display_name="news")
    sdn_sdf = db_api.register("sdn_std", dataset_display_name="ofac_sdn")
    linker = Linker([men_sdf, sdn_sdf], u_settings, log_level=logging.WARNING)
    linker.table_management.register_term_frequency_lookup(db_api.register(f"tf_{TF_COLUMN}"), TF_COLUMN)
    linker.training.estimate_m_from_pairwise_labels(
        db_api.register(pa.Table.from_pylist(labels), table_name="variant_labels")
    )
    saved = linker.misc.save_model_to_json()
    _floor_m(saved)
    levels = _level_table(saved)
    con.close()

    out = out_dir or reference_dir()
    out.mkdir(parents=True, exist_ok=True)
    model_path = out / MODEL_FILE
    record_path = out / "sdn_model.training.md"
    version = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    payload = {
        "format": MODEL_FORMAT,
        "version": version,
        "trained_on": {
            "snapshot_id": snap.snapshot_id,
            "as_of": snap.as_of.isoformat(),
            "entry_count": snap.entry_count,
        },
        "prior": {"listed_share": LISTED_SHARE, "per_pair": "listed_share / entry_count of the screened snapshot"},
        "threshold": DEFAULT_THRESHOLD,
        "splink_settings": saved,
    }
    model_path.write_text(json.dumps(payload, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    record_path.write_text(
        _record_text(snap, len(mentions), len(labels), levels, command, version, seed), encoding="utf-8"
    )
    return TrainResult(model_path, record_path, snap.snapshot_id, mentions.num_rows, len(labels), levels)


def _database(tables: dict[str, pa.Table]) -> tuple[duckdb.DuckDBPyConnection, DuckDBAPI]:
    con = duckdb.connect()
    con.execute("SET threads TO 2")
    for name, tbl in tables.items():
        con.register("stage_train", tbl)
        con.execute(f"CREATE TABLE {name} AS SELECT * FROM stage_train")  # noqa: S608 - constants
        con.unregister("stage_train")
    return con, DuckDBAPI(connection=con)


def _estimate_u(
    mentions: pa.Table, sdn: pa.Table, tf: pa.Table, origin: dict[str, tuple[int, int]], entry_count: int, seed: int
) -> dict[str, Any]:
    """U from random pairs that are certainly non-matches: mentions of even entries x names of odd ones.

    Sampling the full product would include each mention's own variant and its siblings, true pairs
    that make "identical name" look common among non-matches (u inflated ~100-fold on strong levels).
    """
    even = pa.array([origin[q][0] % 2 == 0 for q in mentions.column("unique_id").to_pylist()])
    odd = pa.array([e % 2 == 1 for e in sdn.column("ent_num").to_pylist()])
    con, db_api = _database({"mentions_std": mentions.filter(even), "sdn_std": sdn.filter(odd), f"tf_{TF_COLUMN}": tf})
    settings = build_settings()
    # Splink needs a prior to run; the one used at screening is set per snapshot (model.py).
    settings.probability_two_random_records_match = LISTED_SHARE / max(entry_count, 1)
    linker = Linker(
        [
            db_api.register("mentions_std", dataset_display_name="news"),
            db_api.register("sdn_std", dataset_display_name="ofac_sdn"),
        ],
        settings,
        log_level=logging.WARNING,
    )
    linker.table_management.register_term_frequency_lookup(db_api.register(f"tf_{TF_COLUMN}"), TF_COLUMN)
    linker.training.estimate_u_using_random_sampling(max_pairs=U_MAX_PAIRS, seed=seed)
    saved: dict[str, Any] = linker.misc.save_model_to_json()
    con.close()
    return saved


def _floor_m(saved: dict[str, Any]) -> None:
    for comp in saved["comparisons"]:
        for lv in comp["comparison_levels"]:
            if lv.get("is_null_level"):
                continue
            m = lv.get("m_probability")
            if m is None or m < MIN_M:
                lv["m_probability"] = MIN_M


def _level_table(saved: dict[str, Any]) -> list[dict[str, Any]]:
    import math

    rows = []
    for comp in saved["comparisons"]:
        for lv in comp["comparison_levels"]:
            if lv.get("is_null_level"):
                continue
            m, u = lv.get("m_probability"), lv.get("u_probability")
            rows.append(
                {
                    "comparison": comp["output_column_name"],
                    "level": lv.get("label_for_charts", lv["sql_condition"][:40]),
                    "m": m,
                    "u": u,
                    "weight": math.log2(m / u) if m and u else None,
                }
            )
    return rows


def _git_head() -> str:
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=False)
    except OSError:
        return "unknown"
    return out.stdout.strip() or "uncommitted"


def _record_text(
    snap: Any, n_mentions: int, n_labels: int, levels: list[dict[str, Any]], command: str, version: str, seed: int
) -> str:
    lines = [
        "# Training record: reference/sdn_model.json",
        "",
        f"Written by `{command}` (model version {version}, code {_git_head()}, seed {seed}). Never edit by hand:",
        "re-run the command.",
        "",
        "## Data",
        f"- Snapshot {snap.as_of} (`{snap.snapshot_id[:12]}`), {snap.entry_count} entries: the one set with ALT.CSV.",
        f"- {n_mentions} training mentions: every name variant (primary, ALT.CSV alias, remarks a.k.a.) written",
        "  news-style (`Given Surname`), plus first-given + first-surname short forms of double surnames.",
        f"- {n_labels} labelled true pairs: each mention with every variant of its ent_num, its own included",
        "  (`estimate_m_from_pairwise_labels`): news most often writes a listed name as listed, so the",
        "  verbatim pair belongs in the population of true pairs beside the alias and short-form ones.",
        f"- u: `estimate_u_using_random_sampling(max_pairs={U_MAX_PAIRS:.0e})` over mention x list-name pairs.",
        f"- Countries: {COUNTRY_GIVEN_SHARE:.0%} of mentions carry one; {COUNTRY_AGREES_SHARE:.0%} of those one of",
        "  the entry's own (an assumption: the list cannot tell how often news context agrees).",
        f"- m below {MIN_M} is floored to {MIN_M} (a level never seen among true pairs is still possible).",
        "",
        "## Prior and why",
        f"- `listed_share` = {LISTED_SHARE}: before any name evidence, a screened name is taken to be as likely",
        "  listed as not. Names reach screening because they appear in sanctions-related news; the labelled",
        "  evaluation sets hold mostly listed names, ordinary news far fewer. 0.5 is the neutral choice",
        "  between them: it neither presumes guilt nor buries a real hit, and it is stated here so the",
        "  probability can be read as `P(same party | name evidence, 1:1 prior odds of being listed)`.",
        "- Per (query, list name) pair: `listed_share / entry_count` of the snapshot screened (model.py),",
        "  because a listed name matches one entry among entry_count. A larger list lowers it.",
        "",
        "## Trained levels (log2 Bayes factor = match weight before TF adjustment)",
        "| comparison | level | m | u | weight |",
        "|---|---|---|---|---|",
    ]
    for r in levels:
        w = f"{r['weight']:+.2f}" if r["weight"] is not None else "n/a"
        m = f"{r['m']:.4g}" if r["m"] is not None else "n/a"
        u = f"{r['u']:.3g}" if r["u"] is not None else "n/a"
        lines.append(f"| {r['comparison']} | {r['level']} | {m} | {u} | {w} |")
    lines += [
        "",
        "## Metrics",
        "Measured by `python bench/screen.py` on ../shared/eval/dev_names.csv against 2024-05-03; see the",
        "benchmark output (the figures depend on the screened snapshot, not on this training run).",
        "",
    ]
    return "\n".join(lines)
