"""The engine switch behind `--engine duckdb|spark`: one screening code path, two places to score.

`screen_with_engine` calls `reconcile.screening.screen_names` either way; with spark it hands screening a
factory that builds a `SparkScorer` instead of the DuckDB `Scorer`, so query projection, the collapse to
the best name per entry, alerts and explanations are the very same code. pyspark is imported only when
the spark engine is asked for.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from reconcile.errors import InputError
from reconcile.linkage.model import SdnModel
from reconcile.linkage.prepare import QueryName
from reconcile.screening import ScreenResult, screen_names
from reconcile.snapshots.catalog import SnapshotRef
from reconcile.spark import ENGINES
from reconcile.store import Store

__all__ = ["ENGINES", "scorer_factory_for", "screen_with_engine", "spark_scorer_factory"]


def spark_scorer_factory(handle: Any) -> Any:
    """A `scorer_factory` for screening that scores on the given SparkHandle's session."""
    from reconcile.spark.scoring import open_spark_scorer

    def factory(
        store: Store,
        snapshot: SnapshotRef,
        model: SdnModel | None = None,
        ent_nums: Collection[int] | None = None,
    ) -> Any:
        return open_spark_scorer(handle.session, store, snapshot, model, ent_nums)

    return factory


@contextmanager
def scorer_factory_for(engine: str = "duckdb", spark_master: str | None = None) -> Iterator[Any]:
    """The `scorer_factory` to hand screening for an engine, with Spark started and stopped around it.

    Yields None for duckdb (screening's own default), or a factory of SparkScorers on one session that
    stays up for every screen inside the block (a weekly run screens twice: new names, then re-screen).

    Raises:
        InputError: unknown engine, or pyspark is not installed.
    """
    if engine not in ENGINES:
        raise InputError(f"unknown engine {engine!r}; use one of {', '.join(ENGINES)}")
    if engine == "duckdb":
        yield None
        return
    try:
        from reconcile.spark.session import SparkOptions, open_spark
    except ImportError as exc:
        raise InputError(
            "the spark engine needs pyspark (and Java 17): pip install 'pyspark>=4.0,<5'"
        ) from exc
    with open_spark(SparkOptions(master=spark_master)) as handle:
        yield spark_scorer_factory(handle)


def screen_with_engine(
    store: Store,
    queries: Sequence[QueryName],
    *,
    engine: str = "duckdb",
    spark_master: str | None = None,
    spark: Any = None,
    **screen_kwargs: Any,
) -> ScreenResult:
    """Screen names with DuckDB (default) or Spark; same arguments and result as `screen_names`.

    Args:
        store: the store the snapshot and model inputs are read from (DuckDB either way).
        queries: the names to screen.
        engine: "duckdb" or "spark".
        spark_master: for spark, the master URL (`local[4]`, `spark://host:7077`, ...); None: the
            spark-submit master if there is one, else every local core.
        spark: an open `SparkHandle` to reuse (tests, benchmarks); it is left open.
        **screen_kwargs: passed to `screen_names` (as_of, threshold, top, model, ...).

    Raises:
        InputError: unknown engine, or pyspark is not installed.
    """
    if engine == "duckdb" or engine not in ENGINES:
        with scorer_factory_for(engine):  # raises on an unknown engine
            return screen_names(store, queries, **screen_kwargs)
    if spark is not None:
        return screen_names(store, queries, scorer_factory=spark_scorer_factory(spark), **screen_kwargs)
    with scorer_factory_for(engine, spark_master) as factory:
        return screen_names(store, queries, scorer_factory=factory, **screen_kwargs)
