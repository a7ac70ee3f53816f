"""What `add_articles` reports: one outcome per file or record, and the batch of them.

Why a module of its own: reading, duplicate detection and storing all decide outcomes, and the CLI and
the weekly run read them; keeping the records apart lets each of those import them without importing
the others.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["AddReport", "FileOutcome"]


@dataclass(frozen=True)
class FileOutcome:
    """What happened to one file or record: status is added | duplicate | refused | skipped."""

    source: str
    status: str
    article_id: str | None = None
    duplicate_of: str | None = None
    similarity: float | None = None
    reason: str | None = None
    mention_count: int = 0
    title: str | None = None


@dataclass
class AddReport:
    """Per-file outcomes of one `add_articles` call, in input order."""

    outcomes: list[FileOutcome] = field(default_factory=list)
    extractor: str = ""

    def count(self, status: str) -> int:
        """Number of outcomes with this status."""
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def refused(self) -> list[FileOutcome]:
        """Outcomes that were refused (the CLI exits 1 if any)."""
        return [o for o in self.outcomes if o.status == "refused"]
