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

import copy
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
from reconcile.linkage.countries import program_country_codes
from reconcile.linkage.model import MODEL_FILE, MODEL_FORMAT, SdnModel
from reconcile.linkage.prepare import (
    QueryName,
    ensure_prepared,
    entry_countries,
    kind_of_sdn_type,
    load_keys,
    project_queries,
)
from reconcile.linkage.settings import MID_BITS, RARE_BITS, build_settings
from reconcile.resources import reference_dir
from reconcile.snapshots.catalog import resolve_snapshot
from reconcile.store import Store, load_sql

__all__ = ["DEFAULT_THRESHOLD", "LISTED_SHARE", "TrainResult", "train_model"]

#: Share of screened names assumed to be on the list, the prior before any name evidence. See the
#: training record for why; changing it shifts every probability, not the ranking.
LISTED_SHARE = 0.5

#: The default alert threshold on the calibrated match_probability, stored with the model. Chosen on the
#: dev names with bench/screen.py (2024-05-03): the lowest cut that keeps false alerts on unlisted
#: congress members at about 1 % and unlisted designees of the dev press releases from alerting. The
#: probabilities come in clusters (one per name level); at 0.30 a lone surname agreeing with a listed
#: one-word name ("Curt Weldon" / WELDON, p 0.305) alerts, 1.4 % of congress.
DEFAULT_THRESHOLD = 0.31

#: Half the training mentions carry a country; of those, this share carry one of the entry's countries
#: (the rest a random country): news context often names where a party operates, not its nationality.
COUNTRY_GIVEN_SHARE = 0.5
COUNTRY_AGREES_SHARE = 0.75

#: Floor for a trained m-probability: a level never seen among true pairs (e.g. "different kind of
#: party") is still possible in news (a misread kind); without a floor its weight would be minus infinity.
MIN_M = 0.01

#: The composite name comparison (settings.name_comparison): its levels are counted over blocked pairs.
NAME_COMPARISON = "name"

#: Random pairs drawn for u: enough for the weak and middle levels.
U_MAX_PAIRS = 5e6

#: A counted u is never below this many pairs out of all the non-match pairs: a level seen once or never
#: among 175 million pairs is not shown to be rarer than about 3 in them (the "rule of three", the 95 %
#: upper bound of a rate never observed), and a weight resting on one pair would claim it is.
U_MIN_PAIRS = 3

ProgressFn = Callable[[str], None]


@dataclass(frozen=True)
class Calibration:
    """The prior fitted on labelled screening results, with the evidence for the training record."""

    listed_share: float
    record_lines: list[str]


CalibrateFn = Callable[[SdnModel], Calibration]


@dataclass(frozen=True)
class TrainResult:
    """What training wrote and the figures of its record."""

    model_path: Path
    record_path: Path
    snapshot_id: str
    mentions: int
    label_pairs: int
    levels: list[dict[str, Any]]


def _training_mentions(
    store: Store, snapshot_id: str, seed: int
) -> tuple[list[QueryName], dict[str, tuple[int, int, bool]]]:
    """Variants written news-style; query_id -> (ent_num, name_id written from, may pair with itself).

    Three ways news names a listed party, each a population of true pairs:
    - the primary name as listed (it may pair with itself: news often copies the list);
    - each alias, a.k.a. or f.k.a. written news-style, paired only with the entry's OTHER variants
      (leave-one-out: how a spelling the list does not carry meets the ones it does);
    - short forms of persons: first given name + first surname ("Nicolas Maduro" for MADURO MOROS,
      Nicolas; "Aleksandr Kuzin" for KUZIN, Aleksandr Yuryevich), paired with every variant.
    """
    rng = random.Random(seed)
    names = store.query(load_sql("linkage/snapshot_names"), {"snapshot_id": snapshot_id})
    own = entry_countries(store, snapshot_id)
    pools: dict[int, list[str]] = {}
    for row in names:
        ent_num, programs = row[1], row[7]
        pools.setdefault(ent_num, sorted(set(own.get(ent_num, [])) | set(program_country_codes(programs or ()))))
    all_countries = sorted({c for cs in pools.values() for c in cs})
    queries: list[QueryName] = []
    origin: dict[str, tuple[int, int, bool]] = {}
    for name_id, ent_num, raw, name_kind, surname, given, sdn_type, _programs in names:
        kind = kind_of_sdn_type(sdn_type)
        qkind = "person" if kind == "person" else "organization"
        primary = name_kind == "primary"
        forms: list[tuple[str, bool]] = [(raw, primary)]
        if kind == "person" and surname and given:
            forms = [(f"{given} {surname}", primary)]
            sur_words, giv_words = surname.split(), given.split()
            if len(sur_words) >= 2 or len(giv_words) >= 2:
                forms.append((f"{giv_words[0]} {sur_words[0]}", True))
        for i, (text, self_ok) in enumerate(forms):
            country = None
            pool = pools.get(ent_num)
            if pool and rng.random() < COUNTRY_GIVEN_SHARE:
                agree = rng.random() < COUNTRY_AGREES_SHARE
                country = rng.choice(pool if agree else all_countries)
            qid = f"t{name_id}_{i}"
            queries.append(QueryName(qid, text, qkind, country))
            origin[qid] = (ent_num, name_id, self_ok)
    return queries, origin


def train_model(
    store: Store,
    snapshot_ref: str = "2021-07-07",
    *,
    out_dir: Path | None = None,
    seed: int = 1,
    command: str = "reconcile train",
    progress: ProgressFn | None = None,
    calibrate: CalibrateFn | None = None,
) -> TrainResult:
    """Train m and u on a stored snapshot's own variants and write the model and its record.

    Args:
        store: a store holding the training snapshot (one with ALT.CSV aliases).
        snapshot_ref: as-of date or id prefix of the training snapshot.
        out_dir: where to write sdn_model.json and sdn_model.training.md (default reference/).
        seed: seed of the random choices (country assignment, u sampling).
        command: the command line to record.
        progress: told each step as it starts.
        calibrate: fits the prior on labelled screening results with the trained m and u (the screening
            layer provides it; see screening.calibrate_prior). Without it the prior is LISTED_SHARE.

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
    ents = [origin[q][0] for q in mentions.column("unique_id").to_pylist()]
    mentions = mentions.set_column(mentions.schema.get_field_index("ent_num"), "ent_num", pa.array(ents, pa.int32()))
    sdn = store.con.sql(load_sql("linkage/sdn_std"), params={"snapshot_id": snap.snapshot_id}).to_arrow_table()

    say("estimating u by random sampling and by counting blocked non-matches")
    u_settings, u_notes = _estimate_u(mentions, sdn, origin, snap.entry_count, seed)
    say("finding each training mention's best variant of its own entry")
    con, db_api = _database({"mentions_std": mentions, "sdn_std": sdn})
    men_sdf = db_api.register("mentions_std", dataset_display_name="news")
    sdn_sdf = db_api.register("sdn_std", dataset_display_name="ofac_sdn")
    labels = _best_variant_labels(db_api, men_sdf, sdn_sdf, u_settings, origin)
    if not labels:
        raise NotFound(f"snapshot {snap.as_of} has no aliases to learn from; train on 2021-07-07")
    say("estimating m from the labelled best-variant pairs")
    linker = Linker([men_sdf, sdn_sdf], copy.deepcopy(u_settings), log_level=logging.WARNING)
    linker.training.estimate_m_from_pairwise_labels(
        db_api.register(pa.Table.from_pylist(labels), table_name="variant_labels")
    )
    saved = linker.misc.save_model_to_json()
    blocked_share = len(labels) / max(mentions.num_rows, 1)
    _joint_m(saved, blocked_share)
    _floor_m(saved, mentions.num_rows)
    levels = _level_table(saved)
    con.close()

    out = out_dir or reference_dir()
    out.mkdir(parents=True, exist_ok=True)
    model_path = out / MODEL_FILE
    record_path = out / "sdn_model.training.md"
    version = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    listed_share, cal_lines = LISTED_SHARE, [f"Not calibrated: `listed_share` is the default {LISTED_SHARE}."]
    if calibrate is not None:
        say("calibrating the prior on labelled screening results")
        provisional = SdnModel(saved, LISTED_SHARE, DEFAULT_THRESHOLD, version, snap.entry_count)
        cal = calibrate(provisional)
        listed_share, cal_lines = cal.listed_share, cal.record_lines
    payload = {
        "format": MODEL_FORMAT,
        "version": version,
        "trained_on": {
            "snapshot_id": snap.snapshot_id,
            "as_of": snap.as_of.isoformat(),
            "entry_count": snap.entry_count,
        },
        "prior": {"listed_share": listed_share, "per_pair": "listed_share / entry_count of the screened snapshot"},
        "threshold": DEFAULT_THRESHOLD,
        "splink_settings": saved,
    }
    model_path.write_text(json.dumps(payload, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    record_path.write_text(
        _record_text(snap, len(mentions), len(labels), levels, command, version, seed, u_notes, cal_lines),
        encoding="utf-8",
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
    mentions: pa.Table,
    sdn: pa.Table,
    origin: dict[str, tuple[int, int, bool]],
    entry_count: int,
    seed: int,
) -> tuple[dict[str, Any], list[str]]:
    """U from pairs that are certainly non-matches: mentions of even entries x names of odd ones.

    Sampling the full product would include each mention's own variant and its siblings, true pairs
    that make "identical name" look common among non-matches. Random sampling sees the strong name
    levels too rarely to measure them (a few in 5 million pairs), so for those levels u is COUNTED:
    every non-match pair at a strong level shares a rare word and is found by the blocking rules, and
    the count over all mention x name pairs is the u. Returns the settings and notes for the record.

    The name levels' u is counted over blocked pairs at every level, not only the strong ones: a pair
    screening scores is blocked, and a blocked pair at "two words agree" shares a RARE word or word pair
    while random pairs at that level mostly share common ones. Random-sampling u for those levels was up
    to ten times too high, the weights too low, and the fitted prior had to make up for it (a listed
    share of 2, round 1).
    """
    even = pa.array([origin[q][0] % 2 == 0 for q in mentions.column("unique_id").to_pylist()])
    odd = pa.array([e % 2 == 1 for e in sdn.column("ent_num").to_pylist()])
    men_even, sdn_odd = mentions.filter(even), sdn.filter(odd)
    con, db_api = _database({"mentions_std": men_even, "sdn_std": sdn_odd})
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
    linker.training.estimate_u_using_random_sampling(max_pairs=U_MAX_PAIRS, seed=seed)
    saved: dict[str, Any] = linker.misc.save_model_to_json()
    preds = linker.inference.predict()
    total = men_even.num_rows * sdn_odd.num_rows
    notes = [f"{total:,} non-match pairs (mentions of even x names of odd entries)"]
    for comp in saved["comparisons"]:
        col = f"gamma_{comp['output_column_name']}"
        # col is built from our own comparison names (settings.py), not from input.
        sql = f"SELECT {col} AS g, count(*) AS n FROM {{this}} GROUP BY 1"  # noqa: S608
        rows = preds.query_sql(sql).as_record_list()
        blocked = {int(r["g"]): int(r["n"]) for r in rows}
        levels = [lv for lv in comp["comparison_levels"] if not lv.get("is_null_level")]
        if comp["output_column_name"] != NAME_COMPARISON:
            # Kind and country: u among the pairs screening scores (blocked: they share a rare word or
            # sound), not among random pairs. A namesake shares the mention's country far more often than
            # a random entry does (a Persian surname and an Iranian address), so random pairs made country
            # agreement look three times rarer among non-matches than it is where it is used.
            known = sum(n for g, n in blocked.items() if g >= 0)
            for i, lv in enumerate(levels):
                gamma = len(levels) - 1 - i
                lv["u_probability"] = max(blocked.get(gamma, 0), U_MIN_PAIRS) / max(known, 1)
            notes.append(
                f"{comp['output_column_name']}: u over the {known:,} blocked non-match pairs where both sides are known"
            )
            continue
        for i, lv in enumerate(levels):
            if lv["sql_condition"] == "ELSE":
                continue
            gamma = len(levels) - 1 - i
            u_block = blocked.get(gamma, 0) / total
            # Screening only ever scores blocked pairs: the name levels' u is the share of non-match pairs
            # that are blocked AND at the level (the m side is made joint the same way).
            lv["u_probability"] = max(u_block, U_MIN_PAIRS / total)
    con.close()
    return saved, notes


def _best_variant_labels(
    db_api: DuckDBAPI,
    men_sdf: Any,
    sdn_sdf: Any,
    settings: dict[str, Any],
    origin: dict[str, tuple[int, int, bool]],
) -> list[dict[str, str]]:
    """One labelled pair per training mention: its best-agreeing variant of its own entry.

    Screening keeps an entry's best name variant (best_per_entry.sql), so the true pairs whose level
    frequencies make the m-probabilities are those best pairs, not every variant (a mention does not
    resemble an entry's former name, and need not). The level order decides "best".
    """
    s = copy.deepcopy(settings)
    # The screening blocking rules, restricted to the mention's own entry: an own-entry pair screening
    # would never block is not a labelled pair (it counts as unblocked, see _joint_m).
    rules = copy.deepcopy(s["blocking_rules_to_generate_predictions"])
    for rule in rules:
        rule["blocking_rule"] = f"({rule['blocking_rule']}) AND l.ent_num = r.ent_num"
    s["blocking_rules_to_generate_predictions"] = rules
    linker = Linker([men_sdf, sdn_sdf], s, log_level=logging.WARNING)
    rows = (
        linker.inference.predict()
        .query_sql("SELECT unique_id_l, unique_id_r, gamma_name, match_weight FROM {this}")
        .as_record_list()
    )
    best: dict[str, tuple[int, float, str]] = {}
    for r in rows:
        qid = r["unique_id_l"]
        _ent, name_id, self_ok = origin[qid]
        if not self_ok and r["unique_id_r"] == f"n{name_id}":
            continue
        key = (int(r["gamma_name"]), float(r["match_weight"]), r["unique_id_r"])
        if qid not in best or key[:2] > best[qid][:2]:
            best[qid] = key
    return [
        {"source_dataset_l": "news", "unique_id_l": q, "source_dataset_r": "ofac_sdn", "unique_id_r": b[2]}
        for q, b in sorted(best.items())
    ]


def _joint_m(saved: dict[str, Any], blocked_share: float) -> None:
    """Make the name levels' m joint with blocking, like their u: P(blocked and level | match).

    The labels are the true pairs screening blocks; the share it does not block goes to the last level
    ("no word agrees"), where an unblocked pair would have to be. m stays a distribution over the levels.
    """
    for comp in saved["comparisons"]:
        if comp["output_column_name"] != NAME_COMPARISON:
            continue
        levels = [lv for lv in comp["comparison_levels"] if not lv.get("is_null_level")]
        for lv in levels:
            lv["m_probability"] = (lv.get("m_probability") or 0.0) * blocked_share
        levels[-1]["m_probability"] += 1.0 - blocked_share


def _floor_m(saved: dict[str, Any], mentions: int) -> None:
    """Floor every trained m: MIN_M for kind and country, the rule of three for the name levels.

    A name level seen among a handful of the training mentions keeps what was counted; one seen fewer
    than U_MIN_PAIRS times is not shown to be rarer than that, the same rule as for a counted u. (A flat
    floor of 0.001, i.e. 30 of 30,000 mentions, lifted levels seen 8 times above levels seen 25 times.)
    """
    for comp in saved["comparisons"]:
        floor = U_MIN_PAIRS / max(mentions, 1) if comp["output_column_name"] == NAME_COMPARISON else MIN_M
        for lv in comp["comparison_levels"]:
            if lv.get("is_null_level"):
                continue
            m = lv.get("m_probability")
            if m is None or m < floor:
                lv["m_probability"] = floor


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
    snap: Any,
    n_mentions: int,
    n_labels: int,
    levels: list[dict[str, Any]],
    command: str,
    version: str,
    seed: int,
    u_notes: list[str],
    cal_lines: list[str],
) -> str:
    lines = [
        "# Training record: reference/sdn_model.json",
        "",
        f"Written by `{command}` (model version {version}, code {_git_head()}, seed {seed}). Never edit by hand:",
        "re-run the command.",
        "",
        "## Data",
        f"- Snapshot {snap.as_of} (`{snap.snapshot_id[:12]}`), {snap.entry_count} entries: the one set with ALT.CSV.",
        f"- {n_mentions} training mentions, written news-style (`Given Surname`): each entry's primary name as",
        "  listed; each alias, a.k.a. and f.k.a.; short forms of persons (first given name + first surname).",
        f"- {n_labels} labelled true pairs: each mention with its BEST-agreeing variant of its own entry among",
        "  the pairs the screening blocking rules find (screening keeps an entry's best variant, and scores",
        "  only blocked pairs). Aliases are paired only with the entry's other variants",
        "  (leave-one-out: a spelling the screened list may not carry); primary names and short forms may",
        "  pair with the variant they came from. m = level frequencies over these pairs",
        "  (`estimate_m_from_pairwise_labels`). The name levels' m is then made joint with blocking:",
        '  P(blocked and level | match); the unblocked share of mentions goes to "no word agrees".',
        f"- u: `estimate_u_using_random_sampling(max_pairs={U_MAX_PAIRS:.0e})` over certain non-matches",
        "  (mentions of even ent_nums x names of odd ones). The NAME levels' u is counted exhaustively over",
        "  the blocked pairs: P(blocked and level | non-match), because screening only scores blocked pairs",
        "  and a blocked pair at a partial level shares a rare word, unlike a random pair at that level",
        "  (round 1 used random-sampling u there, too high by up to 10x, which is why its prior fit gave a",
        "  listed share of 2). Kind and country: u is their levels' share among the blocked non-match pairs",
        "  (random pairs rarely share a country; namesakes, which screening scores, often do):",
        *[f"  - {n}" for n in u_notes],
        f"- Countries (ISO-2 on both sides): {COUNTRY_GIVEN_SHARE:.0%} of mentions carry one;",
        f"  {COUNTRY_AGREES_SHARE:.0%} of those one of the entry's own or program countries, the rest a random",
        "  one (an assumption: the list cannot tell how often news context agrees).",
        f"- m below {MIN_M} is floored to {MIN_M} for kind and country; a name level's m is at least",
        f"  {U_MIN_PAIRS} of the training mentions (rule of three, as for u): a level never seen among true",
        "  pairs is still possible, and one seen a few times keeps what was counted.",
        f"- Counted u is at least {U_MIN_PAIRS} pairs of all the non-match pairs (rule of three: a level seen",
        "  once or never is not shown to be rarer than that).",
        "- Word information: log2(N / names holding the word) in the screened snapshot; levels split at",
        f"  {RARE_BITS} and {MID_BITS} bits of the shorter name (settings.py).",
        "",
        "## Prior, calibration and threshold",
        "- The per-pair prior is `listed_share / entry_count` of the snapshot screened (model.py): a listed name",
        "  matches one entry among entry_count, so a larger list lowers it. `listed_share` is the share of",
        "  screened names that are on the list; on the labelled dev names it is 0.917 (7,069 of 7,712), and the",
        "  fit below should land near it when m and u are right (it is no free correction factor).",
        *cal_lines,
        "",
        "## Trained levels (log2 Bayes factor = match weight)",
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
        "Measured by `python bench/screen.py` on ../shared/eval/dev_names.csv against 2024-05-03 (it prints",
        "the per-category table, blocking recall and the reliability table); see the benchmark output.",
        "",
    ]
    return "\n".join(lines)
