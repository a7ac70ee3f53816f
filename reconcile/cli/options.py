"""Options shared by several commands, defined once so a flag never changes meaning."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])


def json_option(f: F) -> F:
    """--json: machine-readable output on stdout with stable keys."""
    return click.option("--json", "as_json", is_flag=True, help="Print JSON (stable keys) instead of a table.")(f)


def quiet_option(f: F) -> F:
    """--quiet: no progress bars or notes on stderr (scripts)."""
    return click.option("-q", "--quiet", is_flag=True, help="No progress bars or notes on stderr.")(f)


def threshold_option(default: float | None = None) -> Callable[[F], F]:
    """--threshold: the alert cut on match_probability (same meaning in every command).

    Without a default, the trained model's documented threshold applies (reference/sdn_model.training.md).
    """
    return click.option(
        "--threshold",
        type=click.FloatRange(0.0, 1.0),
        default=default,
        show_default=default is not None,
        help="Alert when match_probability is at or above this"
        + ("." if default is not None else " [default: the model's documented threshold]."),
    )


def _to_date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form") from None


def as_of_option(help_text: str) -> Callable[[F], F]:
    """--as-of YYYY-MM-DD, parsed to a date; what the date selects is said by each command's help."""
    return click.option("--as-of", callback=_to_date, metavar="YYYY-MM-DD", help=help_text)


def engine_options(f: F) -> F:
    """--engine duckdb|spark and --spark-master URL: where Splink scores (README: "When to choose Spark")."""
    f = click.option(
        "--spark-master",
        metavar="URL",
        default=None,
        help="With --engine spark: local[N], spark://host:7077, yarn, k8s://... "
        "[default: spark-submit's master, else local[*]].",
    )(f)
    return click.option(
        "--engine",
        type=click.Choice(["duckdb", "spark"]),
        default="duckdb",
        show_default=True,
        help="Where Splink scores: duckdb on this machine, or spark (needs pyspark and Java 17).",
    )(f)


def check_engine(engine: str, spark_master: str | None) -> None:
    """--spark-master only means something with --engine spark."""
    if spark_master and engine != "spark":
        raise click.UsageError("--spark-master needs --engine spark")
