"""The sole locator of the project's data folders: sql/, reference/ and reports/ templates."""

from __future__ import annotations

from functools import cache
from pathlib import Path

_ROOT = Path(__file__).resolve().parent.parent


@cache
def _folder(name: str) -> Path:
    path = _ROOT / name
    if not path.is_dir():
        raise FileNotFoundError(f"reconcile data folder {name}/ not found at {path}; install with `pip install -e .`")
    return path


def sql_dir() -> Path:
    """Folder of DuckDB SQL: schema migrations in sql/schema, queries in sql/<stage>/."""
    return _folder("sql")


def reference_dir() -> Path:
    """Folder of curated lexicons and trained model settings."""
    return _folder("reference")


def reports_dir() -> Path:
    """Folder of report templates (generated reports go to reports/<run-id>/, git-ignored)."""
    return _folder("reports")
