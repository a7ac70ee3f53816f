import json
from pathlib import Path

import pyarrow.parquet as pq
from click.testing import CliRunner

from reconcile.cli import cli


def run(db: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--db", str(db), *args])
    return result.exit_code, result.stdout, result.stderr


def test_add_list_diff_round_trip(db_path: Path, snapshots_dir: Path, tmp_path: Path) -> None:
    code, out, _ = run(db_path, "snapshot", "add", str(snapshots_dir / "2024-04-26"))
    assert code == 0 and "as of 2024-04-26" in out
    code, out, _ = run(db_path, "snapshot", "add", str(snapshots_dir / "2024-05-03"), "--json")
    assert code == 0
    added = json.loads(out)
    assert added["status"] == "added" and added["entry_count"] == 14_965
    code, out, _ = run(db_path, "snapshot", "list", "--json")
    assert [s["as_of"] for s in json.loads(out)] == ["2024-04-26", "2024-05-03"]
    code, out, _ = run(db_path, "snapshot", "list")
    assert code == 0 and "14,965" in out
    target = tmp_path / "changes.parquet"
    code, out, _ = run(db_path, "snapshot", "diff", "--parquet", str(target), "--json")
    assert code == 0
    payload = json.loads(out)
    table = pq.read_table(target)
    assert table.num_rows == len(payload["changes"]) > 0
    assert set(table.column_names) >= {"ent_num", "change", "field", "old_value", "new_value"}
    code, out, _ = run(db_path, "snapshot", "diff")
    assert code == 0 and "2024-04-26 → 2024-05-03" in out


def test_adding_twice_says_which_snapshot_it_equals(db_path: Path, snapshots_dir: Path) -> None:
    run(db_path, "snapshot", "add", str(snapshots_dir / "2024-05-03"))
    code, out, _ = run(db_path, "snapshot", "add", str(snapshots_dir / "2024-05-03"))
    assert code == 0 and "already stored" in out and "2024-05-03" in out


def test_faults_exit_1_with_one_line_and_leave_the_list_alone(db_path: Path, shared_dir: Path,
                                                               snapshots_dir: Path) -> None:
    run(db_path, "snapshot", "add", str(snapshots_dir / "2024-05-03"))
    _, before, _ = run(db_path, "snapshot", "list", "--json")
    for fault in ("empty-download", "truncated-download"):
        for extra in ([], ["--force"]):
            code, out, err = run(db_path, "snapshot", "add", str(shared_dir / "ofac" / "faults" / fault), *extra)
            assert code == 1, (fault, extra)
            assert err.startswith("Error: ") and "Traceback" not in err
            assert "SDN.CSV" in err
    _, after, _ = run(db_path, "snapshot", "list", "--json")
    assert after == before


def test_download_from_a_local_server(db_path: Path, ofac_server, monkeypatch) -> None:
    base, _ = ofac_server
    monkeypatch.setenv("RECONCILE_OFAC_URL", base + "snapshots/2024-05-03/")
    code, out, _ = run(db_path, "snapshot", "add", "--as-of", "2024-05-03", "--quiet")
    assert code == 0 and "14,965 entries" in out


def test_unknown_snapshot_and_bad_date_exit_codes(db_path: Path, snapshots_dir: Path) -> None:
    run(db_path, "snapshot", "add", str(snapshots_dir / "2024-05-03"))
    code, _, err = run(db_path, "snapshot", "diff", "1999-01-01")
    assert code == 1 and "no snapshot is in force" in err
    code, _, err = run(db_path, "snapshot", "add", "--as-of", "03/05/2024", str(snapshots_dir / "2024-05-03"))
    assert code == 2 and "YYYY-MM-DD" in err
    code, _, err = run(db_path, "snapshot", "diff")
    assert code == 1 and "needs two snapshots" in err


def test_every_command_works_on_a_new_empty_store(db_path: Path) -> None:
    code, out, _ = run(db_path, "snapshot", "list", "--json")
    assert code == 0 and json.loads(out) == []
