from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from reconcile.cli import cli
from reconcile.store import open_store

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_776c11d15392e161.txt"


def test_news_add_then_mentions_json(db_path):
    runner = CliRunner()
    result = runner.invoke(cli, ["--db", str(db_path), "news", "add", str(SEED), "--extractor", "rules"])
    assert result.exit_code == 0, result.output
    assert "1 added" in result.stderr
    result = runner.invoke(cli, ["--db", str(db_path), "mentions", "--json"])
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert {"Steven Mnuchin", "Juan Guaido"} <= {r["canonical_name"] for r in rows}
    article = rows[0]["article_id"]
    result = runner.invoke(cli, ["--db", str(db_path), "mentions", "--article", article])
    assert result.exit_code == 0 and "Treasury Secretary" in result.stdout


def test_news_add_exits_1_when_a_file_is_refused_but_keeps_the_others(db_path, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02")
    result = CliRunner().invoke(cli, ["--db", str(db_path), "news", "add", str(bad), str(SEED), "--extractor", "rules"])
    assert result.exit_code == 1
    assert "binary" in result.stderr
    with open_store(db_path) as store:
        assert store.query("SELECT count(*) FROM articles")[0][0] == 1


def test_unknown_article_and_unknown_extractor_are_one_line_errors(db_path):
    runner = CliRunner()
    result = runner.invoke(cli, ["--db", str(db_path), "mentions", "--article", "nope"])
    assert result.exit_code == 1 and "no article" in result.stderr and "Traceback" not in result.stderr
    result = runner.invoke(cli, ["--db", str(db_path), "news", "add", str(SEED), "--extractor", "flair"])
    assert result.exit_code == 1 and "unknown extractor" in result.stderr


def test_help():
    for args in (["news", "add", "-h"], ["mentions", "-h"], ["news", "-h"]):
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 0 and "Example" in result.output or "Ingest" in result.output
