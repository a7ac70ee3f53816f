from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest

from reconcile.errors import NotFound
from reconcile.news import add_articles, list_mentions
from reconcile.news.dates import parse_date
from reconcile.news.ingest import MAX_ARTICLE_BYTES, sketch_similarity, text_sketch

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_776c11d15392e161.txt"


def _count(store, table: str) -> int:
    return store.query(f"SELECT count(*) FROM {table}")[0][0]  # noqa: S608 - constant table names


def test_add_text_file_stores_article_and_mentions(store):
    report = add_articles(store, [SEED], extractor="rules")
    [outcome] = report.outcomes
    assert outcome.status == "added" and outcome.mention_count > 20
    rows = list_mentions(store, outcome.article_id)
    assert len(rows) == outcome.mention_count
    mnuchin = next(r for r in rows if r["canonical_name"] == "Steven Mnuchin")
    assert mnuchin["role"] == "Treasury Secretary"
    assert mnuchin["article_source"] == str(SEED)
    assert mnuchin["mention_id"] == f"{outcome.article_id}:{mnuchin['span_start']}-{mnuchin['span_end']}"
    assert mnuchin["name_key"] == "steven mnuchin"
    body = store.query("SELECT body FROM articles")[0][0]
    assert body[mnuchin["span_start"] : mnuchin["span_end"]] == mnuchin["surface"]


def test_identical_and_near_identical_copies_are_linked_not_stored(store, tmp_path):
    text = SEED.read_text(encoding="utf-8")
    first = add_articles(store, [SEED], extractor="rules").outcomes[0]
    copy = tmp_path / "copy.txt"
    copy.write_text(text.replace("\n\n", "\n\n\n"), encoding="utf-8")  # same text, other layout
    syndicated = tmp_path / "syndicated.md"
    syndicated.write_text("# Trump sanctions Maduro’s top generals\n\n" + text + "\n\nReporting by a wire service.\n")
    report = add_articles(store, [copy, syndicated], extractor="rules")
    assert [o.status for o in report.outcomes] == ["duplicate", "duplicate"]
    assert {o.duplicate_of for o in report.outcomes} == {first.article_id}
    assert _count(store, "articles") == 1
    assert _count(store, "article_duplicates") == 2
    assert _count(store, "mentions") == first.mention_count


def test_different_story_is_not_a_near_duplicate():
    a = text_sketch(SEED.read_text(encoding="utf-8"))
    b = text_sketch("Steven Mnuchin visited a factory in Ohio and spoke about trade with reporters for an hour.")
    assert sketch_similarity(a, b) < 0.2
    assert sketch_similarity(a, a) == 1.0


def test_bad_files_are_refused_and_the_batch_goes_on(store, tmp_path):
    add_articles(store, [SEED], extractor="rules")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\x00\x00\x00" * 100)
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Nicolás Maduro habló hoy.".encode("latin-1"))
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n")
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * (MAX_ARTICLE_BYTES // 5 + 1))
    good = tmp_path / "good.txt"
    good.write_text("Treasury designated Tan Wee Beng, a Singapore businessman, on Thursday.\n")
    missing = tmp_path / "missing.txt"
    report = add_articles(store, [binary, latin, empty, big, missing, good], extractor="rules")
    status = {Path(o.source).name: (o.status, o.reason or "") for o in report.outcomes}
    assert status["photo.txt"][0] == "refused" and "binary" in status["photo.txt"][1]
    assert status["latin.txt"][0] == "refused" and "UTF-8" in status["latin.txt"][1]
    assert status["empty.txt"][0] == "refused" and "empty" in status["empty.txt"][1]
    assert status["big.txt"][0] == "refused" and "MB" in status["big.txt"][1]
    assert status["missing.txt"][0] == "refused"
    assert status["good.txt"][0] == "added"
    assert _count(store, "articles") == 2  # the earlier article survived, the good one was added


def test_jsonl_records_folders_and_dates(store, tmp_path):
    folder = tmp_path / "feed" / "nested"
    folder.mkdir(parents=True)
    records = [
        {
            "id": "r1",
            "title": "Maduro's son sanctioned",
            "text": "OFAC designated Nicolas Ernesto Maduro Guerra.",
            "published": "2019-06-28",
            "url": "http://example.test/1",
            "source": "Wire",
        },
        {"id": "r2", "text": ""},
        "not an object",
    ]
    (folder / "feed.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n{broken\n")
    (folder / "release.txt").write_text("June 27, 2019\n\nTreasury sanctioned Luis Alfredo Motta Dominguez.\n")
    (folder / "notes.csv").write_text("a,b\n")
    (tmp_path / "feed" / ".hidden.txt").write_text("ignored")
    report = add_articles(store, [tmp_path / "feed"], extractor="rules")
    by_status = sorted(o.status for o in report.outcomes)
    assert by_status == ["added", "added", "refused", "refused", "refused", "skipped"]
    rows = dict(store.query("SELECT source, published_on FROM articles"))
    assert rows["r1"] == date(2019, 6, 28)
    assert rows[str(folder / "release.txt")] == date(2019, 6, 27)
    meta = store.query("SELECT title, url, outlet, published_from FROM articles WHERE source = 'r1'")[0]
    assert meta == ("Maduro's son sanctioned", "http://example.test/1", "Wire", "record")
    names = {r["canonical_name"] for r in list_mentions(store)}
    assert "Nicolas Ernesto Maduro Guerra" in names and "Luis Alfredo Motta Dominguez" in names


def test_stdin_and_file_time_date(store):
    report = add_articles(store, ["-"], extractor="rules", stdin=lambda: b"Treasury designated Tan Wee Beng today.")
    assert report.outcomes[0].status == "added" and report.outcomes[0].source == "-"
    assert store.query("SELECT published_from FROM articles")[0][0] == "ingested"


def test_unknown_article_id(store):
    with pytest.raises(NotFound):
        list_mentions(store, "nope")


def test_date_formats():
    assert parse_date("June 28, 2019") == date(2019, 6, 28)
    assert parse_date("28 June 2019") == date(2019, 6, 28)
    assert parse_date("2019-06-28T10:00:00+02:00") == date(2019, 6, 28)
    assert parse_date("06/07/2019") is None
    assert parse_date("February 30, 2019") is None


def test_press_release_first_line_date(store, shared_dir):
    add_articles(store, [shared_dir / "eval" / "press_releases" / "sm719.txt"], extractor="rules")
    assert store.query("SELECT published_on, published_from FROM articles")[0] == (date(2019, 6, 28), "first_line")


def test_stdin_default_reader_is_not_touched_without_dash(store, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"")))
    report = add_articles(store, [SEED], extractor="rules")
    assert report.outcomes[0].status == "added"
