"""Mention extraction over many articles as a Spark job: the same extractor, run inside Spark tasks.

Each task loads ONE extractor (`load_extractor(spec)`: for spaCy, one pipeline per partition, loaded
once and reused for every article of the partition) and turns its articles into the same rows the local
path stores (`reconcile.news.ingest`), column for column. Nothing about extraction is re-implemented here.

`mapInArrow` rather than `mapInPandas`: the rows carry a list of structs (`identifiers`) and string
lists, which Arrow record batches hold as they are, while pandas would turn them into object columns
and back. It is the same partition-wise API otherwise.

On a cluster every executor needs the project installed in its Python (with the spaCy model for the
spacy backend): see the README section on Spark.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pyarrow as pa
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql.pandas.types import from_arrow_schema

from reconcile.extraction import DEFAULT_EXTRACTOR, Document, load_extractor
from reconcile.news.storage import MENTION_SCHEMA, mention_table

__all__ = ["ARTICLE_COLUMNS", "MENTION_SCHEMA", "extract_mentions", "mention_rows"]

#: What extraction reads of an article.
ARTICLE_COLUMNS = ("article_id", "source", "body")

def mention_rows(
    articles: pa.RecordBatch | pa.Table, extractor_spec: str, _cache: dict[str, object]
) -> pa.Table:
    """Extract the mentions of a batch of articles, as rows of the mentions table.

    `_cache` keeps the extractor of the calling task, so it is loaded once per partition, not per batch.
    """
    ex = _cache.get(extractor_spec)
    if ex is None:
        ex = _cache[extractor_spec] = load_extractor(extractor_spec)
    mentions = []
    cols = articles.to_pydict()
    for article_id, source, body in zip(*(cols[c] for c in ARTICLE_COLUMNS), strict=True):
        doc = Document.from_text(body)
        for m in ex.extract(doc):  # type: ignore[attr-defined]
            stamped = replace(m, article_id=article_id, article_source=source, extractor=ex.name)  # type: ignore[attr-defined]
            mentions.append(stamped)
    return mention_table(mentions)


def extract_mentions(
    spark: SparkSession,
    articles: DataFrame | pa.Table,
    extractor_spec: str = DEFAULT_EXTRACTOR,
    partitions: int | None = None,
) -> DataFrame:
    """Mentions of every article, extracted on the executors; returns a DataFrame of MENTION_SCHEMA.

    Args:
        spark: the session (see `reconcile.spark.session.open_spark`).
        articles: article_id, source, body, as a Spark DataFrame (e.g. read from Parquet) or Arrow table.
        extractor_spec: as for `load_extractor` ("spacy", "spacy:<model>", "rules").
        partitions: how many tasks to split the articles into (default: Spark's parallelism). Each task
            loads the extractor once, so fewer, larger partitions amortise spaCy's load time.
    """
    df = articles if isinstance(articles, DataFrame) else spark.createDataFrame(articles)
    df = df.select(*ARTICLE_COLUMNS).repartition(partitions or spark.sparkContext.defaultParallelism)
    spec = extractor_spec

    def run(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        cache: dict[str, object] = {}
        for batch in batches:
            yield from mention_rows(batch, spec, cache).to_batches()

    return df.mapInArrow(run, from_arrow_schema(MENTION_SCHEMA))
