"""Options shared by several commands, defined once so a flag never changes meaning."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])


def json_option(f: F) -> F:
    """--json: machine-readable output on stdout with stable keys."""
    return click.option("--json", "as_json", is_flag=True, help="Print JSON (stable keys) instead of a table.")(f)


def quiet_option(f: F) -> F:
    """--quiet: no progress bars or notes on stderr (scripts)."""
    return click.option("-q", "--quiet", is_flag=True, help="No progress bars or notes on stderr.")(f)


def threshold_option(default: float) -> Callable[[F], F]:
    """--threshold: the alert cut on match_probability (same meaning in every command)."""
    return click.option(
        "--threshold",
        type=click.FloatRange(0.0, 1.0),
        default=default,
        show_default=True,
        help="Alert when match_probability is at or above this.",
    )
