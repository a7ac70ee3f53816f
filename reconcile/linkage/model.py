"""Load the trained model from reference/ and score with it; never trains.

reference/sdn_model.json holds Splink's saved settings (trained m and u of every level) plus our prior
record. The level SQL is re-rendered from `settings.build_settings()` for the dialect in use and only
the numbers are taken from the file (splink5.md pitfall 8), so the definition stays in one place.

The prior is stored as `listed_share` (the share of screened names that are on the list, see
reference/sdn_model.training.md) and turned into Splink's per-pair prior for the snapshot being
screened: a listed name matches the name rows of one entry among `entry_count`, so
    probability_two_random_records_match = listed_share / entry_count.
A bigger list therefore lowers the prior of each pair, as it should (splink5.md pitfall 10).
"""

from __future__ import annotations

import copy
import hashlib
import json
import logging
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
from splink import DuckDBAPI, Linker

from reconcile.errors import NotFound
from reconcile.linkage.settings import build_settings
from reconcile.resources import reference_dir

__all__ = ["MODEL_FILE", "SdnModel", "Scorer", "load_model"]

MODEL_FILE = "sdn_model.json"
MODEL_FORMAT = "reconcile-sdn-model/1"


@dataclass(frozen=True)
class SdnModel:
    """Trained parameters: Splink's saved settings and the listed share the prior derives from."""

    splink_settings: dict[str, Any]
    listed_share: float
    threshold: float
    version: str
    trained_entry_count: int
    digest: str = ""  # sha256 of the model file: runs record it, so a result names the model that made it

    def settings_for(self, sql_dialect: str, entry_count: int) -> dict[str, Any]:
        """Settings for Splink: level SQL from code, m/u from training, prior for this list size."""
        fresh = build_settings().create_settings_dict(sql_dialect)
        saved = self.splink_settings
        if [c["output_column_name"] for c in fresh["comparisons"]] != [
            c["output_column_name"] for c in saved["comparisons"]
        ]:
            raise NotFound("reference/sdn_model.json does not fit linkage/settings.py; run `reconcile train`")
        for c_new, c_old in zip(fresh["comparisons"], saved["comparisons"], strict=True):
            if len(c_new["comparison_levels"]) != len(c_old["comparison_levels"]):
                raise NotFound(
                    f"comparison {c_new['output_column_name']} has changed shape since training; run `reconcile train`"
                )
            for lv_new, lv_old in zip(c_new["comparison_levels"], c_old["comparison_levels"], strict=True):
                for key in ("m_probability", "u_probability", "tf_minimum_u_value"):
                    if key in lv_old:
                        lv_new[key] = lv_old[key]
        fresh["probability_two_random_records_match"] = min(self.listed_share / max(entry_count, 1), 0.5)
        return fresh


def load_model(path: Path | None = None) -> SdnModel:
    """Read the trained model (default reference/sdn_model.json); cached per path."""
    return _load(str(path or reference_dir() / MODEL_FILE))


@cache
def _load(path: str) -> SdnModel:
    p = Path(path)
    if not p.is_file():
        raise NotFound(f"no trained model at {p}; run `reconcile train`")
    raw = p.read_bytes()
    data = json.loads(raw.decode("utf-8"))
    if data.get("format") != MODEL_FORMAT:
        raise NotFound(f"{p} is not a {MODEL_FORMAT} file; run `reconcile train`")
    return SdnModel(
        splink_settings=data["splink_settings"],
        listed_share=float(data["prior"]["listed_share"]),
        threshold=float(data["threshold"]),
        version=str(data.get("version", "")),
        trained_entry_count=int(data.get("trained_on", {}).get("entry_count", 15000)),
        digest=hashlib.sha256(raw).hexdigest(),
    )


class Scorer:
    """A Splink linker over one snapshot's names, in its own in-memory DuckDB (no state shared).

    One Scorer per snapshot: its connection holds that snapshot's names only, so nothing of one list
    reaches another's scores.
    """

    def __init__(self, model: SdnModel, sdn_std: pa.Table, entry_count: int) -> None:
        self.model = model
        self.con = duckdb.connect()
        self.con.execute("SET threads TO 2")
        self.con.register("stage_sdn_std", sdn_std)
        self.con.execute("CREATE TABLE sdn_std AS SELECT * FROM stage_sdn_std")
        self.con.unregister("stage_sdn_std")
        self.db_api = DuckDBAPI(connection=self.con)
        self.sdn = self.db_api.register("sdn_std", dataset_display_name="ofac_sdn")
        self.settings = model.settings_for("duckdb", entry_count)
        self.linker = Linker(self.sdn, copy.deepcopy(self.settings), log_level=logging.WARNING)
        self._batches = 0

    def predict(self, queries: pa.Table, threshold_match_weight: float) -> pa.Table:
        """Every blocked (query, list name) pair at or above the weight, with the mw_* columns."""
        self._batches += 1
        sdf = self.db_api.register(queries, dataset_display_name="news", table_name=f"news_{self._batches}")
        preds = self.linker.inference.predict_between(
            sdf, self.sdn, threshold_match_weight=threshold_match_weight, warning_mode="never"
        )
        return preds.as_pyarrow_table()

    def score_pairs(self, left: pa.Table, right: pa.Table) -> pa.Table:
        """Score the cartesian product of two small record sets, with no blocking (compare, explain)."""
        self._batches += 1
        a = self.db_api.register(left, dataset_display_name="news", table_name=f"pair_l_{self._batches}")
        b = self.db_api.register(right, dataset_display_name="ofac_sdn", table_name=f"pair_r_{self._batches}")
        return self.linker.inference.score_pairs(a, b).as_pyarrow_table()

    def waterfall(self, record: dict[str, Any]) -> list[dict[str, Any]]:
        """Splink's waterfall rows (prior, each comparison, final) for one scored pair."""
        chart = self.linker.visualisations.waterfall_chart([record], filter_nulls=False)
        return list(chart.chart_data)

    def close(self) -> None:
        """Drop the in-memory database."""
        self.con.close()
