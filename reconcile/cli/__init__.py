"""The `reconcile` command line: a thin layer that validates options, calls the library, renders results.

Exit codes: 0 done (alerts are results, not failures); 1 refused input or unknown id (one stderr line,
no traceback); 2 usage error (Click's); 3 unexpected error (a bug: traceback printed); 130 interrupted.
"""

from __future__ import annotations

import importlib
import sys
import traceback
from pathlib import Path
from typing import Any

import click

from reconcile import __version__
from reconcile.config import db_path
from reconcile.errors import ReconcileError

EXIT_SUCCESS = 0
EXIT_REFUSED = 1
EXIT_USAGE = 2
EXIT_BUG = 3
EXIT_INTERRUPTED = 130

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}

#: Modules under reconcile.cli that each define `register(group)`; one per command group.
COMMAND_MODULES = ("snapshot", "news", "linkage", "run")


class ReconcileGroup(click.Group):
    """The root group: maps library errors to exit codes, for the console script and CliRunner alike."""

    def main(self, args: Any = None, prog_name: str | None = None, **extra: Any) -> Any:  # type: ignore[override]  # noqa: D102
        extra.pop("standalone_mode", None)
        try:
            rv = super().main(args=args, prog_name=prog_name or "reconcile", standalone_mode=False, **extra)
        except ReconcileError as exc:
            click.echo(f"Error: {exc}", err=True)
            sys.exit(EXIT_REFUSED)
        except (click.exceptions.Abort, KeyboardInterrupt):
            click.echo("Interrupted; nothing was changed.", err=True)
            sys.exit(EXIT_INTERRUPTED)
        except click.exceptions.Exit as exc:
            sys.exit(exc.exit_code)
        except click.ClickException as exc:
            exc.show()
            sys.exit(exc.exit_code)
        except Exception:  # noqa: BLE001 - the last resort: a bug, shown in full
            traceback.print_exc()
            click.echo("reconcile hit an unexpected error (a bug); a write in progress was rolled back.", err=True)
            sys.exit(EXIT_BUG)
        sys.exit(rv if isinstance(rv, int) else EXIT_SUCCESS)


@click.group(cls=ReconcileGroup, context_settings=CONTEXT_SETTINGS)
@click.option(
    "--db",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="DuckDB store file [default: $RECONCILE_DB or ./reconcile.duckdb].",
)
@click.version_option(__version__, prog_name="reconcile")
@click.pass_context
def cli(ctx: click.Context, db: Path | None) -> None:
    """Reconcile news mentions against dated OFAC SDN list snapshots.

    The store is one DuckDB file; every command that writes runs as one transaction, so a refused
    input or Ctrl-C leaves it as it was.

    \b
    Example:
      reconcile snapshot add ../shared/ofac/snapshots/2024-05-03
      reconcile snapshot list
      reconcile snapshot diff
    """
    ctx.obj = {"db": db if db is not None else db_path()}


for _name in COMMAND_MODULES:
    importlib.import_module(f"reconcile.cli.{_name}").register(cli)


def main() -> None:
    """Console-script entry point."""
    cli.main()
