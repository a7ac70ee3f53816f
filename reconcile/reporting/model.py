"""The data of one run's report, as every renderer (Parquet, HTML, CLI tables) receives it.

CONTRACT between the weekly run (reconcile/runs.py) and the renderers. Tables are pyarrow Tables with
these columns (extra columns may appear and must be ignored):

matches     one row per (mention, SDN entry) candidate at or above the reporting floor:
            match_id (str, stable per name_key+ent_num), run_id, found_by ("new mention" | "re-screen"),
            mention_id, article_id, article_source, article_title, surface, canonical_name, name_key, kind,
            role, countries (list<str>), sanction (bool), sentence, ent_num (int), sdn_name, matched_name,
            sdn_type, programs (list<str>), sdn_title, match_probability (float), match_weight (float),
            band ("strong" | "possible" | "weak", see bands.py), is_alert (bool), ofac_score (int 0-100),
            explanation (str, plain words), contributions (list<struct<comparison: str, label: str,
            weight: float>>: the prior first, then one per comparison; weights are log2 Bayes factors that
            sum to match_weight), review_status ("new" | "confirmed earlier" | "dismissed earlier" |
            "entry changed")
unmatched   one row per mention with no alert, sanction-context mentions first:
            mention_id, article_id, article_source, article_title, surface, canonical_name, name_key, kind,
            role, countries, sanction (bool), sanction_cue, delisting (bool), sentence, best_ent_num (int|null),
            best_sdn_name, best_probability (float|null)
mentions    every mention the run looked at (columns of the `mentions` table plus article_title)
diff        the list changes since the previous run's snapshot: ent_num, change, field, old_value,
            new_value, sdn_name (empty table on a first run)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

import pyarrow as pa


@dataclass(frozen=True)
class RunSummary:
    """Who, when, against what: the header of every report."""

    run_id: str
    started_at: datetime
    finished_at: datetime
    snapshot_id: str
    snapshot_as_of: date
    previous_snapshot_as_of: date | None
    model_hash: str
    threshold: float
    counts: dict[str, int] = field(default_factory=dict)  # articles_added, mentions, name_keys, alerts, ...


@dataclass(frozen=True)
class RunReport:
    """Everything a renderer needs for one run."""

    summary: RunSummary
    matches: pa.Table
    unmatched: pa.Table
    mentions: pa.Table
    diff: pa.Table
