"""The one renderer: tables on stdout (rich), JSON with stable keys, messages and progress on stderr."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import click
from rich.console import Console
from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table


def _default(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, tuple | set | frozenset):
        return list(value)
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def emit_json(data: Any) -> None:
    """Print machine-readable output on stdout."""
    click.echo(json.dumps(data, default=_default, ensure_ascii=False, indent=2))


def emit_table(title: str | None, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """Print a readable table on stdout; long cells wrap instead of being cut."""
    console = Console(file=sys.stdout, width=None if sys.stdout.isatty() else 160)
    table = Table(title=title, show_lines=False, title_justify="left")
    for col in columns:
        table.add_column(col, overflow="fold")
    for row in rows:
        table.add_row(*("" if v is None else _cell(v) for v in row))
    console.print(table)


def _cell(value: Any) -> str:
    if isinstance(value, list | tuple):
        return "; ".join(str(v) for v in value)
    if isinstance(value, float):
        return f"{value:.4g}"
    return str(value)


def note(message: str, *, quiet: bool = False) -> None:
    """A human message on stderr (suppressed by --quiet)."""
    if not quiet:
        click.echo(message, err=True)


@contextmanager
def download_progress(quiet: bool) -> Iterator[Any]:
    """A byte-progress callback for downloads: a bar on a terminal, nothing in scripts or with --quiet."""
    if quiet or not sys.stderr.isatty():
        yield None
        return
    progress = Progress(
        TextColumn("{task.description}"), BarColumn(), DownloadColumn(), TimeRemainingColumn(),
        console=Console(file=sys.stderr), transient=True,
    )
    tasks: dict[str, Any] = {}

    def update(name: str, done: int, total: int | None) -> None:
        if name not in tasks:
            tasks[name] = progress.add_task(name, total=total)
        progress.update(tasks[name], completed=done, total=total)

    with progress:
        yield update


def stage_printer(quiet: bool) -> Callable[[str], None] | None:
    """A callback that names each stage of long work on a terminal; None in scripts or with --quiet."""
    if quiet or not sys.stderr.isatty():
        return None
    labels = {"snapshot": "adding the snapshot", "news": "reading and extracting the news",
              "screen": "screening names against the list"}
    return lambda stage: click.echo(f"… {labels.get(stage, stage)}", err=True)
