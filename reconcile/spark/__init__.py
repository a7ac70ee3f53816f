"""Scale-out: the same linkage and extraction on Spark, for when one machine is outgrown.

Nothing here is a second implementation: scoring runs Splink's Spark backend with the comparison SQL
rendered from `reconcile.linkage.settings` for the spark dialect and the trained numbers of
reference/sdn_model.json (`reconcile.linkage.model`), and extraction runs the same `Extractor` inside
Spark tasks. Parquet is the interchange format (`reconcile.spark.io`), so inputs and outputs can live
in a folder on shared storage while the DuckDB file stays the default store.

pyspark is an optional dependency: this package's `__init__` imports nothing from it, and
`import reconcile` never imports this package. The modules that need pyspark import it at the top, so
import them only on the Spark path (`reconcile.spark.engine` does so lazily).
"""

from __future__ import annotations

__all__ = ["ENGINES"]

#: The engines `--engine` accepts; duckdb is the default everywhere.
ENGINES = ("duckdb", "spark")
