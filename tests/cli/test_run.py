import json
from pathlib import Path

import pyarrow.parquet as pq
from click.testing import CliRunner

from reconcile.cli import cli

SEED = str(Path(__file__).resolve().parents[2] / "seeds")


def run(db: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--db", str(db), *args])
    return result.exit_code, result.stdout, result.stderr


def test_weekly_run_reports_and_review_round_trip(db_path: Path, snapshots_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, stdout, _ = run(db_path, "run", "--snapshot", str(snapshots_dir / "2024-05-03"), "--news", SEED,
                          "--extractor", "rules", "--out-dir", str(out), "--quiet")
    assert code == 0, stdout
    assert "Run 1 against the list of 2024-05-03" in stdout and f"HTML report: {out / 'report.html'}" in stdout
    for name in ("matches", "unmatched", "mentions", "diff"):
        assert pq.read_table(out / f"{name}.parquet").num_rows >= (0 if name == "diff" else 1)
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "Nicolas Maduro" in html and "<script>alert" not in html

    code, stdout, _ = run(db_path, "report", "unmatched", "--json")
    unmatched = json.loads(stdout)
    assert code == 0 and any(r["canonical_name"] == "Steven Mnuchin" for r in unmatched)
    assert unmatched[0]["sanction"] is True  # sanctions-context mentions first

    code, stdout, _ = run(db_path, "report", "matches", "--json")
    matches = json.loads(stdout)
    maduro = next(r for r in matches if r["ent_num"] == 22790 and r["canonical_name"] == "Nicolas Maduro")

    code, _, err = run(db_path, "review", "dismiss", "nosuchmatch", "--by", "tester")
    assert code == 1 and "no match" in err
    code, stdout, _ = run(db_path, "review", "confirm", maduro["match_id"], "--by", "alice", "--note", "DOB agrees")
    assert code == 0 and "alice confirmed" in stdout
    code, stdout, _ = run(db_path, "review", "list", "--json")
    decisions = json.loads(stdout)
    assert [(d["match_id"], d["decision"], d["decided_by"]) for d in decisions] == [
        (maduro["match_id"], "confirm", "alice")]
    audit = tmp_path / "audit.parquet"
    code, _, _ = run(db_path, "review", "export", "--parquet", str(audit))
    assert code == 0 and pq.read_table(audit).num_rows == 1


def test_reports_on_an_empty_store_say_what_to_do(db_path: Path) -> None:
    code, _, err = run(db_path, "report", "matches")
    assert code == 1 and "reconcile run" in err
    code, _, err = run(db_path, "run")
    assert code == 1 and "no snapshot" in err
