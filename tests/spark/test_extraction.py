"""Extraction on Spark gives the mentions the local path stores, row for row."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from reconcile.news.ingest import add_articles
from reconcile.store import Store

pytestmark = pytest.mark.spark


def _mentions_both_ways(
    store: Store, tmp_path: Path, spark_handle: Any, spec: str, files: list[Path]
) -> tuple:
    from reconcile.spark.extraction import extract_mentions
    from reconcile.spark.io import ParquetRoot, export_articles, export_mentions, read_table

    add_articles(store, files, extractor=spec)
    root = ParquetRoot(str(tmp_path / "pq"))
    export_articles(store, root)
    local = read_table(export_mentions(store, root))
    articles = spark_handle.session.read.parquet(root.path("articles"))
    spark = extract_mentions(spark_handle.session, articles, spec).toArrow()

    def rows(t: Any) -> list[dict[str, Any]]:
        return sorted(t.to_pylist(), key=lambda r: r["mention_id"])

    return rows(local), rows(spark)


def test_rules_mentions_equal(store: Store, tmp_path: Path, spark_handle: Any, shared_dir: Path) -> None:
    files = sorted((shared_dir / "eval" / "press_releases").glob("*.txt"))
    local, spark = _mentions_both_ways(store, tmp_path, spark_handle, "rules", files)
    assert len(local) > 100
    assert spark == local


@pytest.mark.spacy
def test_spacy_mentions_equal(store: Store, tmp_path: Path, spark_handle: Any, shared_dir: Path) -> None:
    files = sorted((shared_dir / "eval" / "press_releases").glob("*.txt"))[:4]
    local, spark = _mentions_both_ways(store, tmp_path, spark_handle, "spacy", files)
    assert len(local) > 20
    assert spark == local
