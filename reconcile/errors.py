"""The exception tree the library raises; the CLI maps each branch to an exit code."""

from __future__ import annotations


class ReconcileError(Exception):
    """Root of every error the library raises on purpose (bad input, refused data, unknown ids)."""


class InputError(ReconcileError):
    """A file or value the user gave cannot be used; the message names the file, line and problem."""

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None) -> None:
        where = ""
        if path is not None:
            where = f"{path}:{line}: " if line is not None else f"{path}: "
        super().__init__(f"{where}{message}")
        self.path = path
        self.line = line


class RefusedSnapshot(ReconcileError):
    """A snapshot that must not enter the store: empty, truncated, not an OFAC list, or shrinking too much."""


class NotFound(ReconcileError):
    """An id or date the user named does not exist in the store (snapshot, run, match)."""


class StoreError(ReconcileError):
    """The DuckDB store cannot be used: locked by another process, or made by a newer version."""
