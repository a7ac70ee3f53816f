from pathlib import Path

import pytest

from reconcile.errors import NotFound
from reconcile.linkage.prepare import QueryName
from reconcile.screening import OUTPUT_COLUMNS, compare_names, explain_pair, screen_names
from reconcile.snapshots.ingest import add_snapshot
from reconcile.store import open_store


@pytest.fixture(scope="module")
def screen_store(tmp_path_factory, snapshots_dir: Path):
    path = tmp_path_factory.mktemp("screen") / "s.duckdb"
    with open_store(path) as s:
        add_snapshot(s, str(snapshots_dir / "2024-05-03"))
    s = open_store(path)
    yield s
    s.close()


QUERIES = [
    QueryName("q1", "Nicolás Maduro", "person"),
    QueryName("q2", "Nicolas MADURO", "person"),
    QueryName("q3", "Donald Trump", "person"),
    QueryName("q4", "Валерий Андреевич Пономарев", "person"),
]


def test_screen_finds_listed_names_and_leaves_others(screen_store):
    res = screen_names(screen_store, QUERIES)
    assert res.distinct_names == 3  # q1 and q2 normalize to the same name: linked once
    alerts = {(r["query_id"], r["ent_num"]) for r in res.rows if r["is_alert"]}
    assert ("q1", 22790) in alerts and ("q2", 22790) in alerts
    assert not any(q == "q3" for q, _ in alerts)
    row = next(r for r in res.rows if r["query_id"] == "q1" and r["ent_num"] == 22790)
    assert list(row) == list(OUTPUT_COLUMNS)
    assert row["sdn_name"] == "MADURO MOROS, Nicolas" and row["sdn_type"] == "individual"
    assert "VENEZUELA" in row["programs"] and 0 <= row["ofac_score"] <= 100
    assert row["explanation"].startswith("name: ")


def test_top_lists_candidates_below_the_threshold(screen_store):
    res = screen_names(screen_store, [QueryName("q1", "Jorge Rodriguez", "person")], threshold=0.999, top=3)
    assert 1 <= len(res.rows) <= 3
    assert not any(r["is_alert"] for r in res.rows)
    weights = [r["match_weight"] for r in res.rows]
    assert weights == sorted(weights, reverse=True)


def test_screen_on_a_date_without_a_snapshot_is_refused(screen_store):
    from datetime import date

    with pytest.raises(NotFound):
        screen_names(screen_store, QUERIES, as_of=date(2001, 1, 1))


def test_explain_pair_and_compare_agree_on_the_model(screen_store):
    p = explain_pair(screen_store, "Nicolas Maduro", 22790)
    assert p.matched_name == "MADURO MOROS, Nicolas" and p.is_alert
    assert [s.component for s in p.steps][:2] == ["prior", "name"]
    [c] = compare_names([("Nicolas Maduro", "MADURO MOROS, Nicolas", "person")], screen_store)
    [d] = compare_names([("Nicolas Maduro", "Jane Doe", "person")], screen_store)
    assert c.match_probability > d.match_probability
    assert not d.is_alert


def test_screening_with_workers_gives_the_same_rows(screen_store, monkeypatch):
    import reconcile.linkage.prepare as prepare
    import reconcile.screening as screening

    queries = [*QUERIES, QueryName("q5", "Banco Central de Venezuela"), QueryName("q6", "Qasem Soleimani", "person")]
    serial = screen_names(screen_store, queries, top=3)
    monkeypatch.setattr(screening, "PARALLEL_MIN_QUERIES", 1)  # a pool even for a few names
    monkeypatch.setattr(prepare, "_CHUNK", 2)
    parallel = screen_names(screen_store, queries, top=3)
    assert parallel.rows == serial.rows and parallel.distinct_names == serial.distinct_names
    assert any(r["is_alert"] for r in parallel.rows) and all(r["ofac_score"] is not None for r in parallel.rows)
