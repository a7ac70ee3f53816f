"""Open the DuckDB store, apply schema migrations, and run writes as one transaction.

Migrations are the files sql/schema/NNN_<what>.sql, applied in order, each in its own transaction and
recorded in `schema_migrations`. An applied file is never edited; a change is a new file. A store whose
recorded version is newer than this code knows is refused rather than half-understood.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from reconcile.errors import StoreError
from reconcile.resources import sql_dir
from reconcile.store.sql import quote_ident

_MIGRATION = re.compile(r"^(\d{3})_([a-z0-9_]+)\.sql$")


@dataclass(frozen=True)
class Migration:
    """One schema file: its version number, name and SQL text."""

    version: int
    name: str
    sql: str


def migrations() -> list[Migration]:
    """Every schema migration shipped with this code, in version order."""
    found = []
    for path in sorted((sql_dir() / "schema").glob("*.sql")):
        m = _MIGRATION.match(path.name)
        if not m:
            raise StoreError(f"schema file {path.name} is not named NNN_<what>.sql")
        found.append(Migration(int(m.group(1)), m.group(2), path.read_text(encoding="utf-8")))
    versions = [m.version for m in found]
    if len(set(versions)) != len(versions):
        raise StoreError("two schema files share a version number")
    return found


class Store:
    """A migrated DuckDB connection; every writing command runs inside `transaction()`."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: str) -> None:
        self.con = con
        self.path = path
        self._depth = 0

    @contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """All or nothing: an exception or Ctrl-C inside rolls every write back.

        Nested use joins the outer transaction, so library functions can each ask for one and a
        command that calls several still commits once.
        """
        if self._depth:
            self._depth += 1
            try:
                yield self.con
            finally:
                self._depth -= 1
            return
        self.con.execute("BEGIN TRANSACTION")
        self._depth = 1
        try:
            yield self.con
        except BaseException:
            self._depth = 0
            self.con.execute("ROLLBACK")
            raise
        self._depth = 0
        self.con.execute("COMMIT")

    def query(self, sql: str, params: dict[str, Any] | list[Any] | None = None) -> list[tuple[Any, ...]]:
        """Run one statement with bound parameters and return all rows."""
        return self.con.execute(sql, params or {}).fetchall()

    def insert_arrow(self, table: str, rows: pa.Table) -> None:
        """Append an Arrow table's rows to `table` by column name (`table` is a code constant, never input).

        The rows are registered under a staging name for the one INSERT and dropped again, so DuckDB
        copies them column-wise instead of binding row by row.
        """
        cols = ", ".join(quote_ident(c) for c in rows.column_names)
        self.con.register("stage_rows", rows)
        try:
            self.con.execute(f"INSERT INTO {quote_ident(table)} ({cols}) SELECT {cols} FROM stage_rows")  # noqa: S608
        finally:
            self.con.unregister("stage_rows")

    def schema_version(self) -> int:
        """Highest migration applied to this store."""
        rows = self.query("SELECT coalesce(max(version), 0) FROM schema_migrations")
        return int(rows[0][0])

    def close(self) -> None:
        """Close the connection (the file stays)."""
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _connect(path: str, read_only: bool) -> duckdb.DuckDBPyConnection:
    try:
        return duckdb.connect(path, read_only=read_only)
    except duckdb.IOException as exc:
        if "lock" in str(exc).lower():
            raise StoreError(f"store {path} is in use by another process; wait for it to finish") from exc
        raise StoreError(f"cannot open store {path}: {exc}") from exc
    except duckdb.Error as exc:
        raise StoreError(f"{path} is not a usable DuckDB store: {exc}") from exc


def migrate(store: Store) -> list[int]:
    """Apply every migration the store lacks; returns the versions applied now."""
    con = store.con
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)"
    )
    known = migrations()
    current = store.schema_version()
    newest = known[-1].version if known else 0
    if current > newest:
        raise StoreError(
            f"store {store.path} has schema version {current}, newer than this reconcile ({newest}); upgrade reconcile"
        )
    applied = []
    for mig in known:
        if mig.version <= current:
            continue
        with store.transaction():
            con.execute(mig.sql)
            con.execute(
                "INSERT INTO schema_migrations VALUES ($v, $n, $t)",
                {"v": mig.version, "n": mig.name, "t": datetime.now(UTC).replace(tzinfo=None)},
            )
        applied.append(mig.version)
    return applied


def open_store(path: str | Path, *, read_only: bool = False) -> Store:
    """Open (creating if needed) and migrate the store at `path`; ':memory:' works for scratch use."""
    spath = str(path)
    if spath != ":memory:":
        p = Path(spath)
        if p.exists() and p.is_dir():
            raise StoreError(f"store path {spath} is a folder; give a file name such as reconcile.duckdb")
        if read_only and not p.exists():
            raise StoreError(f"store {spath} does not exist")
    store = Store(_connect(spath, read_only), spath)
    if not read_only:
        migrate(store)
    return store
