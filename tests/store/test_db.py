from pathlib import Path

import duckdb
import pytest

from reconcile.errors import StoreError
from reconcile.store import open_store
from reconcile.store.db import migrations


def test_fresh_file_is_migrated_to_newest_version(db_path: Path) -> None:
    with open_store(db_path) as store:
        assert store.schema_version() == migrations()[-1].version
        tables = {r[0] for r in store.query("SELECT table_name FROM information_schema.tables")}
    assert {"snapshots", "snapshot_files", "sdn_entries", "sdn_names", "sdn_facts"} <= tables


def test_reopening_applies_nothing_twice(db_path: Path) -> None:
    open_store(db_path).close()
    with open_store(db_path) as store:
        rows = store.query("SELECT version, count(*) FROM schema_migrations GROUP BY version HAVING count(*) > 1")
    assert rows == []


def test_store_from_newer_code_is_refused(db_path: Path) -> None:
    open_store(db_path).close()
    con = duckdb.connect(str(db_path))
    con.execute("INSERT INTO schema_migrations VALUES (999, 'from_the_future', now())")
    con.close()
    with pytest.raises(StoreError, match="newer than this reconcile"):
        open_store(db_path)


def test_older_store_is_migrated_not_broken(db_path: Path) -> None:
    """A store made by a version that knew only the first migration gains the rest on open."""
    first = migrations()[0]
    con = duckdb.connect(str(db_path))
    con.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMP)")
    con.execute(first.sql)
    con.execute("INSERT INTO schema_migrations VALUES ($v, $n, now())", {"v": first.version, "n": first.name})
    con.execute("INSERT INTO snapshots VALUES ('abc', DATE '2024-01-01', 'x', now(), 1, 1, false)")
    con.close()
    with open_store(db_path) as store:
        assert store.schema_version() == migrations()[-1].version
        assert store.query("SELECT snapshot_id FROM snapshots") == [("abc",)]


def test_transaction_rolls_back_on_error_and_on_interrupt(store) -> None:
    for exc in (ValueError("boom"), KeyboardInterrupt()):
        with pytest.raises(type(exc)):
            with store.transaction() as con:
                con.execute("INSERT INTO snapshots VALUES ('x', DATE '2024-01-01', 's', now(), 1, 1, false)")
                raise exc
        assert store.query("SELECT count(*) FROM snapshots") == [(0,)]


def test_nested_transaction_commits_once_with_the_outer(store) -> None:
    with pytest.raises(RuntimeError):
        with store.transaction():
            with store.transaction() as con:
                con.execute("INSERT INTO snapshots VALUES ('x', DATE '2024-01-01', 's', now(), 1, 1, false)")
            raise RuntimeError("outer fails after inner finished")
    assert store.query("SELECT count(*) FROM snapshots") == [(0,)]


def test_folder_as_store_path_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is a folder"):
        open_store(tmp_path)


def test_not_a_duckdb_file_is_a_clear_error(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.duckdb"
    bogus.write_text("this is not a database\n")
    with pytest.raises(StoreError):
        open_store(bogus)
