"""The one loader of the project's SQL files: queries are named by their path under sql/."""

from __future__ import annotations

import re
from functools import cache

from reconcile.resources import sql_dir

_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


@cache
def load_sql(name: str) -> str:
    """Text of sql/<name>.sql (name like snapshots/diff); cached for the process."""
    path = sql_dir() / f"{name}.sql"
    if not path.is_file():
        raise KeyError(f"no SQL file sql/{name}.sql")
    return path.read_text(encoding="utf-8")


def quote_ident(name: str) -> str:
    """Quote an identifier that comes from a code constant (never from user input)."""
    if not _IDENT.match(name):
        raise ValueError(f"not a plain identifier: {name!r}")
    return f'"{name}"'
