"""Mentions are stored as one Arrow insert per article: same rows and column types as one INSERT per row."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from reconcile.extraction import Document, load_extractor
from reconcile.news import add_articles
from reconcile.news.formats import read_articles
from reconcile.news.storage import MENTION_SCHEMA, mention_row
from reconcile.store import open_store

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_776c11d15392e161.txt"

#: The statement the store used before the Arrow insert: one bound INSERT per mention (the reference).
ROW_BY_ROW = (
    "INSERT INTO mentions (mention_id, article_id, article_source, span_start, span_end, surface, canonical_name,"
    " name_key, kind, role, countries, sanction, sanction_cue, delisting, identifiers, aliases, sentence, label,"
    " extractor) VALUES ($mention_id, $article_id, $article_source, $span_start, $span_end, $surface,"
    " $canonical_name, $name_key, $kind, $role, $countries, $sanction, $sanction_cue, $delisting, $identifiers,"
    " $aliases, $sentence, $label, $extractor)"
)
TYPED_ROWS = (
    "SELECT *, typeof(countries), typeof(identifiers), typeof(aliases), typeof(span_start) FROM mentions"
    " ORDER BY mention_id"
)


@pytest.fixture(scope="module")
def rules():
    return load_extractor("rules")


def test_arrow_insert_stores_the_rows_a_row_by_row_insert_stores(store, tmp_path, shared_dir, rules):
    # the seed, a release with IMO numbers and one with quoted nicknames (aliases)
    releases = shared_dir / "eval" / "press_releases"
    paths = [SEED, releases / "jy1365.txt", releases / "sm719.txt"]
    outcomes = add_articles(store, paths, extractor=rules).outcomes
    assert [o.status for o in outcomes] == ["added"] * 3

    with open_store(tmp_path / "reference.duckdb") as reference:
        for path, outcome in zip(paths, outcomes, strict=True):
            [raw] = read_articles(str(path), path.read_bytes())
            for m in rules.extract(Document.from_paragraphs(list(raw.paragraphs))):
                stamped = replace(m, article_id=outcome.article_id, article_source=str(path), extractor=rules.name)
                reference.con.execute(ROW_BY_ROW, mention_row(stamped))
        expected = reference.query(TYPED_ROWS)
    stored = store.query(TYPED_ROWS)
    assert len(stored) == sum(o.mention_count for o in outcomes)
    assert stored == expected
    # the awkward values went through the Arrow types: NULL names (role-only), identifier structs, aliases
    assert any(row[6] is None for row in stored)
    assert any(row[14] for row in stored)
    assert any(row[15] for row in stored)


def test_mention_schema_is_the_mentions_table(store):
    columns = store.query(
        "SELECT column_name FROM information_schema.columns WHERE table_name = 'mentions' ORDER BY ordinal_position"
    )
    assert [c for (c,) in columns] == MENTION_SCHEMA.names


def test_an_article_without_mentions_is_stored_without_any(store, tmp_path, rules):
    quiet = tmp_path / "quiet.txt"
    quiet.write_text("it rained all day and nobody came.\n", encoding="utf-8")
    [outcome] = add_articles(store, [quiet], extractor=rules).outcomes
    assert (outcome.status, outcome.mention_count) == ("added", 0)
    assert store.query("SELECT count(*) FROM mentions")[0][0] == 0
