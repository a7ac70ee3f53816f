"""The weekly run: acceptance on the seed story, time travel between snapshots, review memory, atomicity."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest

from reconcile.review import record_decision
from reconcile.runs import list_runs, load_report, run_weekly
from reconcile.store import Store, open_store

SEED = Path(__file__).resolve().parents[1] / "seeds"


def _sdn_ent_nums(path: Path) -> set[int]:
    text = path.read_bytes().decode("latin-1").rstrip("\x1a")
    return {int(r[0]) for r in csv.reader(io.StringIO(text)) if r}


def _alerts(store: Store, run_id: int) -> dict[tuple[str, int], dict]:
    rows = load_report(store, run_id).matches.to_pylist()
    return {(r["canonical_name"], r["ent_num"]): r for r in rows if r["is_alert"]}


def _table_counts(store: Store) -> dict[str, int]:
    tables = ("snapshots", "sdn_entries", "articles", "mentions", "runs", "run_articles", "matches")
    return {t: store.query(f"SELECT count(*) FROM {t}")[0][0] for t in tables}  # noqa: S608 - constants


@pytest.fixture(scope="module")
def seed_run(tmp_path_factory: pytest.TempPathFactory, snapshots_dir: Path) -> Path:
    path = tmp_path_factory.mktemp("seed") / "seed.duckdb"
    with open_store(path) as store:
        run_weekly(store, snapshot=str(snapshots_dir / "2024-05-03"), news=[SEED], extractor="rules")
    return path


def test_seed_story_against_2024_05_03(seed_run: Path) -> None:
    with open_store(seed_run) as store:
        report = load_report(store, 1)
    matches = report.matches.to_pylist()
    best = {}
    for r in matches:
        if r["is_alert"]:
            best.setdefault(r["canonical_name"], set()).add((r["ent_num"], r["band"]))
    assert (22790, "strong") in best.get("Nicolas Maduro", set())
    assert (11186, "strong") in best.get("Hugo Carvajal", set())
    chavez = [r for r in matches if r["canonical_name"] == "Hugo Chavez" and r["ent_num"] == 22804]
    assert all(r["band"] != "strong" for r in chavez)
    unmatched = {r["canonical_name"] for r in report.unmatched.to_pylist()}
    assert {"Steven Mnuchin", "Juan Guaido"} <= unmatched
    assert any(n and "Trump" in n for n in unmatched)
    for r in matches:
        if r["is_alert"]:
            assert r["explanation"] and r["contributions"][0]["comparison"] == "prior"
            assert abs(sum(c["weight"] for c in r["contributions"]) - r["match_weight"]) < 1e-6


def test_same_inputs_again_is_the_same_run(seed_run: Path, snapshots_dir: Path, tmp_path: Path) -> None:
    copy = tmp_path / "again.duckdb"
    shutil.copy(seed_run, copy)
    with open_store(copy) as store:
        before = _table_counts(store)
        again = run_weekly(store, snapshot=str(snapshots_dir / "2024-05-03"), news=[SEED], extractor="rules")
        assert again.status == "unchanged" and again.run_id == 1
        assert _table_counts(store) == before


def test_interrupted_run_leaves_the_store_as_it_was(seed_run: Path, snapshots_dir: Path, shared_dir: Path,
                                                    tmp_path: Path) -> None:
    copy = tmp_path / "interrupted.duckdb"
    shutil.copy(seed_run, copy)

    def interrupt(stage: str) -> None:
        if stage == "screen":
            raise KeyboardInterrupt

    with open_store(copy) as store:
        before = _table_counts(store)
        with pytest.raises(KeyboardInterrupt):
            run_weekly(store, snapshot=str(snapshots_dir / "2024-04-26"),
                       news=[shared_dir / "eval" / "press_releases" / "sm718.txt"], extractor="rules", stage=interrupt)
        assert _table_counts(store) == before


def test_refused_snapshot_adds_no_news_either(seed_run: Path, shared_dir: Path, tmp_path: Path) -> None:
    from reconcile.errors import RefusedSnapshot

    copy = tmp_path / "refused.duckdb"
    shutil.copy(seed_run, copy)
    with open_store(copy) as store:
        before = _table_counts(store)
        with pytest.raises(RefusedSnapshot):
            run_weekly(store, snapshot=str(shared_dir / "ofac" / "faults" / "truncated-download"),
                       news=[shared_dir / "eval" / "press_releases" / "sm718.txt"], extractor="rules")
        assert _table_counts(store) == before


@pytest.mark.slow
def test_time_travel_rescreen_surfaces_new_designations_once(tmp_path: Path, snapshots_dir: Path,
                                                             shared_dir: Path) -> None:
    releases = shared_dir / "eval" / "press_releases"
    old_list, new_list = snapshots_dir / "2022-01-05", snapshots_dir / "2024-05-03"
    with open_store(tmp_path / "travel.duckdb") as store:
        week1 = run_weekly(store, snapshot=str(old_list), news=[releases], extractor="rules")
        week2 = run_weekly(store, snapshot=str(new_list), extractor="rules")
        assert week2.status == "completed" and week2.run_id == week1.run_id + 1
        assert week2.summary.counts["articles_added"] == 0
        alerts1, alerts2 = _alerts(store, week1.run_id), _alerts(store, week2.run_id)
        # Nothing twice: a pair alerted in week 1 comes back only if its entry was amended since.
        changed = set(store.query(
            "SELECT DISTINCT ent_num FROM matches WHERE run_id = $r AND found_by = 're-screen'", {"r": week2.run_id}))
        assert all(r["found_by"] == "re-screen" for r in alerts2.values())
        added = _sdn_ent_nums(new_list / "SDN.CSV") - _sdn_ent_nums(old_list / "SDN.CSV")
        assert {k[1] for k in alerts2} - added <= {n for (n,) in changed}
        repeated = set(alerts1) & set(alerts2)
        assert all(alerts2[k]["ent_num"] not in added for k in repeated)
        # The designees listed in between surface now, from the re-screen of last month's news.
        gold = list(csv.DictReader((releases / "gold.csv").open(encoding="utf-8")))
        targets = {int(g["ent_num_2024_05_03"]) for g in gold if g["ent_num_2024_05_03"]
                   and int(g["ent_num_2024_05_03"]) in added}
        found = targets & {k[1] for k in alerts2}
        assert targets and len(found) / len(targets) >= 0.8, (len(found), len(targets))
        assert len(list_runs(store)) == 2


def test_dismissed_stays_quiet_until_the_entry_is_amended(tmp_path: Path, snapshots_dir: Path) -> None:
    first = tmp_path / "a.txt"
    first.write_text("Venezuela's former spy chief Hugo Carvajal was sanctioned by the Treasury.\n", encoding="utf-8")
    second = tmp_path / "b.txt"
    second.write_text("A court heard that Hugo Carvajal, once head of military intelligence, will testify.\n",
                      encoding="utf-8")
    with open_store(tmp_path / "review.duckdb") as store:
        run1 = run_weekly(store, snapshot=str(snapshots_dir / "2024-05-03"), news=[first], extractor="rules")
        hit = _alerts(store, run1.run_id)[("Hugo Carvajal", 11186)]
        record_decision(store, hit["match_id"], "dismiss", by="tester", note="test: pretend a namesake")
        run2 = run_weekly(store, news=[second], extractor="rules")
        rows = [r for r in load_report(store, run2.run_id).matches.to_pylist() if r["ent_num"] == 11186]
        assert rows and all(not r["is_alert"] and r["review_status"] == "dismissed earlier" for r in rows)
        # OFAC amends the entry: the next run re-screens it and the match alerts again, marked as such.
        amended = tmp_path / "2024-05-10"
        amended.mkdir()
        data = (snapshots_dir / "2024-05-03" / "SDN.CSV").read_bytes()
        lines = data.split(b"\r\n")
        idx = next(i for i, ln in enumerate(lines) if ln.startswith(b"11186,"))
        lines[idx] = lines[idx].replace(b"Gender Male", b"Gender Male; Passport X1234567 (Venezuela)", 1)
        assert b"X1234567" in lines[idx]
        (amended / "SDN.CSV").write_bytes(b"\r\n".join(lines))
        run3 = run_weekly(store, snapshot=str(amended), extractor="rules")
        rows = [r for r in load_report(store, run3.run_id).matches.to_pylist() if r["ent_num"] == 11186]
        assert rows and all(r["is_alert"] and r["review_status"] == "entry changed" for r in rows)
        assert all(r["found_by"] == "re-screen" for r in rows)
