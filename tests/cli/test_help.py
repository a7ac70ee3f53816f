"""Help teaches: every command has a summary and an example, and the README documents it."""

import subprocess
import sys
from pathlib import Path

import click
import pytest

from reconcile.cli import cli

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def _commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], click.Command]]:
    out = []
    for name, cmd in sorted(group.commands.items()):
        path = (*prefix, name)
        if isinstance(cmd, click.Group):
            out += _commands(cmd, path)
        else:
            out.append((path, cmd))
    return out


COMMANDS = _commands(cli)


@pytest.mark.parametrize("path, cmd", COMMANDS, ids=lambda v: " ".join(v) if isinstance(v, tuple) else "")
def test_command_has_help_with_example_and_is_in_readme(path: tuple[str, ...], cmd: click.Command) -> None:
    assert cmd.help and "Example:" in cmd.help, f"reconcile {' '.join(path)} needs help with an Example: block"
    assert f"reconcile {' '.join(path)}" in README, f"README does not document `reconcile {' '.join(path)}`"


def test_dash_h_works_and_python_dash_m_runs_the_same_cli() -> None:
    result = subprocess.run([sys.executable, "-m", "reconcile", "snapshot", "-h"], capture_output=True, text=True)
    assert result.returncode == 0 and "Usage:" in result.stdout and "Example:" in result.stdout


def test_import_reconcile_loads_no_heavy_optional_library() -> None:
    code = "import sys, reconcile, reconcile.cli; print(sorted(m for m in ('spacy', 'pyspark') if m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
