"""One article's entity spans while the post-processing passes run over them.

Why a module of its own: every pass (patterns, boundaries, labels, names) reads and rewrites the same
working state: the spans, the flattened text they index, and where paragraphs and sentences begin. The
state and its offset look-ups change only when that representation changes, not when a pass does.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reconcile.extraction.base import Document, Span
from reconcile.extraction.context import flatten, split_sentences

__all__ = ["ArticleSpans", "Ent"]


@dataclass
class Ent:
    """A working entity span: characters [start, end) of the body, relabelled and resized by the passes."""

    start: int
    end: int
    label: str
    aliases: list[str] = field(default_factory=list)
    canonical: str | None = None
    locked: bool = False  # pattern evidence (IMO, nickname, registration): never relabelled


class ArticleSpans:
    """Holds one article's spans and text while the passes run; one instance per document.

    `flat` is the body with curly quotes and dashes flattened (same length, so offsets are shared);
    passes match patterns against `flat` and take printed text from `doc.text`.
    """

    def __init__(self, doc: Document, spans: list[Span]) -> None:
        self.doc = doc
        self.flat = flatten(doc.text)
        self.paras = [(p.start, p.end) for p in doc.paragraphs]
        self.sentences = [s for p in doc.paragraphs for s in split_sentences(p.text, p.start)]
        self.ents = [Ent(s.start, s.end, s.label) for s in spans]

    def text(self, e: Ent) -> str:
        """The span's text as printed."""
        return self.doc.text[e.start : e.end]

    def para_end(self, pos: int) -> int:
        """End of the paragraph holding `pos` (end of the body if none does)."""
        for a, b in self.paras:
            if a <= pos <= b:
                return b
        return len(self.flat)

    def para_start(self, pos: int) -> int:
        """Start of the paragraph holding `pos` (0 if none does)."""
        for a, b in self.paras:
            if a <= pos <= b:
                return a
        return 0

    def sentence_of(self, pos: int) -> tuple[int, int]:
        """The sentence holding `pos`, or its paragraph when the splitter left it out."""
        for a, b in self.sentences:
            if a <= pos < b:
                return a, b
        return self.para_start(pos), self.para_end(pos)

    def overlaps(self, a: int, b: int, skip: Ent | None = None) -> list[Ent]:
        """Spans overlapping characters [a, b), except `skip`."""
        return [e for e in self.ents if e is not skip and e.start < b and a < e.end]

    def add(self, ent: Ent) -> None:
        """Add a pattern entity; it replaces what it overlaps unless that is locked."""
        if any(e.locked for e in self.overlaps(ent.start, ent.end)):
            return
        self.ents = [e for e in self.ents if not (e.start < ent.end and ent.start < e.end)]
        self.ents.append(ent)
