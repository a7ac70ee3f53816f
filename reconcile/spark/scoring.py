"""Score query names against one snapshot's names on Spark, with the same trained model as DuckDB.

The model is ported, not re-trained and not loaded as saved: Splink's saved JSON holds DuckDB SQL
(`l."col"`, `jaro_winkler_similarity`, list lambdas) that Spark cannot parse (splink5.md pitfall 8).
`SdnModel.settings_for("spark", ...)` renders every level's SQL from `linkage/settings.py` for the spark
dialect and copies only the trained numbers (m, u, the prior for this list's size) from the JSON, which is
exactly what the DuckDB `Scorer` does for the duckdb dialect. Both engines therefore score one model.

`SparkScorer` mirrors `reconcile.linkage.model.Scorer` (`predict`, `settings`, `close`) so screening can
take either; `predict_frame` keeps the result distributed for jobs that write candidates to Parquet
instead of collecting them on the driver.
"""

from __future__ import annotations

import copy
import logging
import uuid
from collections.abc import Collection
from typing import Any

import duckdb
import pyarrow as pa
from pyspark.sql import DataFrame, SparkSession
from splink import Linker, SparkAPI
from splink.internals.splink_dataframe import SplinkDataFrame

from reconcile.linkage.model import SdnModel, load_model
from reconcile.screening import scorer_inputs
from reconcile.snapshots.catalog import SnapshotRef
from reconcile.spark.similarity import register_jaro_winkler
from reconcile.store import Store

__all__ = ["SparkScorer", "open_spark_scorer", "to_spark"]


def to_spark(spark: SparkSession, table: pa.Table | DataFrame) -> DataFrame:
    """A Spark DataFrame from an Arrow table (typed by its schema, so all-NULL columns keep their type)."""
    if isinstance(table, DataFrame):
        return table
    return spark.createDataFrame(table)


class SparkScorer:
    """A Splink linker over one snapshot's names on Spark; one per snapshot, like the DuckDB Scorer.

    Each scorer has its own SparkAPI (Splink caches TF tables per database API, splink5.md pitfall 4) and
    registers its tables under names unique to it, because Spark temp views are session-wide and two
    scorers may share a session (two snapshots in one run).
    """

    def __init__(
        self,
        spark: SparkSession,
        model: SdnModel,
        sdn_std: pa.Table | DataFrame,
        entry_count: int,
    ) -> None:
        self.spark = spark
        self.model = model
        self._tag = uuid.uuid4().hex[:8]
        self.db_api = SparkAPI(spark_session=spark)
        register_jaro_winkler(spark)  # after SparkAPI, which registers the jar's differing jaro_winkler
        self.sdn = self.db_api.register(
            to_spark(spark, sdn_std), dataset_display_name="ofac_sdn", table_name=f"sdn_std_{self._tag}"
        )
        self.settings = model.settings_for("spark", entry_count)
        self.linker = Linker(self.sdn, copy.deepcopy(self.settings), log_level=logging.WARNING)
        self._batches = 0
        #: Driver-side DuckDB for post-processing collected predictions (screening's best-per-entry
        #: query reads `scorer.con`); it never holds the list or does any scoring.
        self.con = duckdb.connect()

    def predict_frame(self, queries: pa.Table | DataFrame, threshold_match_weight: float) -> SplinkDataFrame:
        """Every blocked (query, list name) pair at or above the weight, left on Spark."""
        self._batches += 1
        sdf = self.db_api.register(
            to_spark(self.spark, queries),
            dataset_display_name="news",
            table_name=f"news_{self._tag}_{self._batches}",
        )
        return self.linker.inference.predict_between(
            sdf, self.sdn, threshold_match_weight=threshold_match_weight, warning_mode="never"
        )

    def predict(self, queries: pa.Table | DataFrame, threshold_match_weight: float) -> pa.Table:
        """As `Scorer.predict`: the pairs with their mw_* columns, collected to the driver as Arrow."""
        return self.predict_frame(queries, threshold_match_weight).as_pyarrow_table()

    def score_pairs(self, left: pa.Table, right: pa.Table) -> pa.Table:
        """Score the cartesian product of two small record sets, with no blocking (as `Scorer.score_pairs`)."""
        self._batches += 1
        a = self.db_api.register(
            to_spark(self.spark, left),
            dataset_display_name="news",
            table_name=f"pair_l_{self._tag}_{self._batches}",
        )
        b = self.db_api.register(
            to_spark(self.spark, right),
            dataset_display_name="ofac_sdn",
            table_name=f"pair_r_{self._tag}_{self._batches}",
        )
        return self.linker.inference.score_pairs(a, b).as_pyarrow_table()

    def close(self) -> None:
        """Drop this scorer's temp views and Splink's cached tables; the session stays up for others."""
        self.linker.table_management.invalidate_cache()
        self.con.close()
        for view in self.spark.catalog.listTables():
            if view.isTemporary and self._tag in view.name:
                self.spark.catalog.dropTempView(view.name)

    def describe(self) -> dict[str, Any]:
        """What this scorer runs on, for logs and bench output."""
        return {"master": self.spark.sparkContext.master, "sql_dialect": "spark"}


def open_spark_scorer(
    spark: SparkSession,
    store: Store,
    snapshot: SnapshotRef,
    model: SdnModel | None = None,
    ent_nums: Collection[int] | None = None,
) -> SparkScorer:
    """As `screening.open_scorer`, on Spark: the same stored inputs, handed to a SparkScorer.

    The inputs come from the one reader both engines use (`screening.scorer_inputs`), so the two engines
    score identical records.
    """
    return SparkScorer(spark, model or load_model(), scorer_inputs(store, snapshot, ent_nums), snapshot.entry_count)
