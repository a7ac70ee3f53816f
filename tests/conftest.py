"""Shared fixtures: the ../shared folder read in place, fresh stores, and a store holding 2024-05-03."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from reconcile.config import shared_dir as _shared_dir
from reconcile.store import Store, open_store


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """$RECONCILE_SHARED, else ../shared beside the checkout; fails naming the path tried."""
    path = _shared_dir()
    if not (path / "ofac" / "snapshots").is_dir():
        pytest.fail(f"shared data not found at {path} (set RECONCILE_SHARED)")
    return path


@pytest.fixture(scope="session")
def snapshots_dir(shared_dir: Path) -> Path:
    return shared_dir / "ofac" / "snapshots"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Path of a DuckDB file that does not exist yet."""
    return tmp_path / "store.duckdb"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    """A fresh, migrated DuckDB store on disk."""
    s = open_store(db_path)
    yield s
    s.close()


class _OfacHandler(BaseHTTPRequestHandler):
    """Serves files from ../shared read in place, plus scripted failures for download tests."""

    root: Path
    failures: dict[str, int]

    def log_message(self, *args: object) -> None:  # keep test output quiet
        pass

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        path = self.path.split("?", 1)[0]
        remaining = self.failures.get(path, 0)
        if remaining:
            self.failures[path] = remaining - 1
            self.send_error(503, "try again")
            return
        if path.startswith("/short/"):
            # Announces more bytes than it sends, as a dropped connection does.
            body = (self.root / path.removeprefix("/short/")).read_bytes()[:1000]
            self.send_response(200)
            self.send_header("Content-Length", "5000")
            self.end_headers()
            self.wfile.write(body)
            return
        target = (self.root / path.lstrip("/")).resolve()
        if not str(target).startswith(str(self.root.resolve())) or not target.is_file():
            self.send_error(404, "not found")
            return
        body = target.read_bytes()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def ofac_server(shared_dir: Path) -> Iterator[tuple[str, dict[str, int]]]:
    """A real HTTP server on 127.0.0.1 serving ../shared/ofac; yields (base URL, scripted failures)."""
    failures: dict[str, int] = {}
    handler = type("Handler", (_OfacHandler,), {"root": shared_dir / "ofac", "failures": failures})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", failures
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def history_db(tmp_path_factory: pytest.TempPathFactory, snapshots_dir: Path) -> Path:
    """A store file holding every real snapshot in ../shared, added oldest first (built once per run).

    Tests that use it must only read it (open it, query, close).
    """
    from reconcile.snapshots.ingest import add_snapshot

    path = tmp_path_factory.mktemp("history") / "history.duckdb"
    with open_store(path) as s:
        for folder in sorted(p for p in snapshots_dir.iterdir() if p.is_dir()):
            add_snapshot(s, str(folder))
    return path


@pytest.fixture
def history(history_db: Path) -> Iterator[Store]:
    """The all-snapshots store, opened for one test."""
    s = open_store(history_db)
    yield s
    s.close()
