import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from reconcile.cli import cli


@pytest.fixture(scope="module")
def db(tmp_path_factory, snapshots_dir: Path) -> Path:
    path = tmp_path_factory.mktemp("cli_link") / "s.duckdb"
    res = CliRunner().invoke(cli, ["--db", str(path), "snapshot", "add", str(snapshots_dir / "2024-05-03")])
    assert res.exit_code == 0, res.output
    return path


def test_screen_csv_to_json(db, tmp_path):
    names = tmp_path / "names.csv"
    names.write_text("query_id,query_name,entity_kind\n1,Nicolás Maduro,person\n2,Jane Doe,person\n")
    res = CliRunner().invoke(cli, ["--db", str(db), "screen", str(names), "--json", "-q"])
    assert res.exit_code == 0, res.output
    rows = json.loads(res.stdout)
    assert any(r["query_id"] == "1" and r["ent_num"] == 22790 and r["is_alert"] for r in rows)
    assert not any(r["query_id"] == "2" for r in rows)


def test_screen_writes_parquet(db, tmp_path):
    import pyarrow.parquet as pq

    out = tmp_path / "hits.parquet"
    res = CliRunner().invoke(
        cli,
        ["--db", str(db), "screen", "-", "--out", str(out), "--top", "2"],
        input="query_id,query_name\n7,Nicolas Maduro\n",
    )
    assert res.exit_code == 0, res.output
    t = pq.read_table(out)
    assert "match_probability" in t.column_names and t.num_rows >= 1


def test_screen_refuses_csv_without_query_name(db, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("id,name\n1,x\n")
    res = CliRunner().invoke(cli, ["--db", str(db), "screen", str(bad)])
    assert res.exit_code == 1 and "query_name" in res.stderr


def test_explain_prints_the_waterfall(db):
    res = CliRunner().invoke(cli, ["--db", str(db), "explain", "Nicolas Maduro", "22790"])
    assert res.exit_code == 0, res.output
    assert "prior" in res.stdout and "name" in res.stdout and "match_probability" in res.stdout


def test_compare_two_names_and_pairs_file(db, tmp_path):
    res = CliRunner().invoke(
        cli, ["--db", str(db), "compare", "Nicolas Maduro", "MADURO MOROS, Nicolas", "--kind", "person", "--json"]
    )
    assert res.exit_code == 0, res.output
    [row] = json.loads(res.stdout)
    assert row["is_alert"] and set(row) >= {"match_probability", "match_weight", "ofac_score", "explanation"}
    pairs = tmp_path / "pairs.csv"
    pairs.write_text("name_a,name_b,kind\nNicolas Maduro,MADURO MOROS Nicolas,person\nA B,C D,\n")
    out = tmp_path / "scores.csv"
    res = CliRunner().invoke(cli, ["--db", str(db), "compare", "--pairs", str(pairs), "--out", str(out)])
    assert res.exit_code == 0, res.output
    assert len(out.read_text().strip().splitlines()) == 3
