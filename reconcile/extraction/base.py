"""The extraction interface: what a backend is given (a Document), and what comes out (Mentions).

Backends only propose entity spans; the shared post-processing in `reconcile.extraction.resolve` turns
them into Mentions (names resolved per article, roles, countries, sanction cues, identifiers), so both
backends produce the same kind of record and differ only in how good their spans are.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

#: Kinds a mention can have; `unknown` is a name whose kind could not be told.
KINDS = ("person", "organization", "vessel", "aircraft", "unknown")


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of an article body and where it starts in the body text."""

    start: int
    text: str

    @property
    def end(self) -> int:
        """Offset just past the paragraph in the body."""
        return self.start + len(self.text)


@dataclass(frozen=True)
class Document:
    """An article body as extraction sees it: the stored text and its paragraphs.

    Paragraphs are joined by a blank line in `text`, so a mention's span is an offset into the stored body.
    """

    text: str
    paragraphs: tuple[Paragraph, ...]

    @classmethod
    def from_paragraphs(cls, paragraphs: list[str] | tuple[str, ...]) -> Document:
        """Build the body by joining paragraphs with a blank line, recording each paragraph's offset."""
        out = []
        pos = 0
        for text in paragraphs:
            out.append(Paragraph(pos, text))
            pos += len(text) + 2
        return cls("\n\n".join(paragraphs), tuple(out))

    @classmethod
    def from_text(cls, body: str) -> Document:
        """Rebuild a Document from a stored body (paragraphs separated by blank lines)."""
        return cls.from_paragraphs(body.split("\n\n"))


@dataclass(frozen=True)
class Span:
    """A backend's proposal: characters [start, end) of the body carry an entity of `label`.

    Labels follow OntoNotes (PERSON, ORG, GPE, NORP, FAC, PRODUCT, ...) so both backends speak alike.
    """

    start: int
    end: int
    label: str


@dataclass(frozen=True)
class Identifier:
    """An identifier printed next to a name: kind is imo, aircraft_registration, passport, national_id, ..."""

    kind: str
    value: str


@dataclass(frozen=True)
class Mention:
    """One mention of a party in an article, with the context an analyst needs to judge a match.

    `canonical_name` is the fullest form of the name in the same article ("Carvajal" -> "Hugo Carvajal");
    it is None for a role-only mention ("a major general with the Venezuelan National Guard"), which is
    kept for reporting but cannot be linked by name. `name_key` is the normalized full name, shared by
    every mention of the same name across articles.
    """

    start: int
    end: int
    surface: str
    canonical_name: str | None
    kind: str
    sentence: str
    role: str | None = None
    countries: tuple[str, ...] = ()
    sanction: bool = False
    sanction_cue: str | None = None
    delisting: bool = False
    identifiers: tuple[Identifier, ...] = ()
    aliases: tuple[str, ...] = ()
    name_key: str | None = None
    label: str | None = None
    article_id: str = ""
    article_source: str = ""
    extractor: str = ""
    extra: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    @property
    def mention_id(self) -> str:
        """Stable id: the article id plus the character span."""
        return f"{self.article_id}:{self.start}-{self.end}"

    @property
    def is_named(self) -> bool:
        """False for role-only mentions, which carry no name to link."""
        return self.canonical_name is not None


class Extractor(Protocol):
    """A mention extractor; `name` is recorded with every article it processed ("rules", "spacy:<model>")."""

    name: str

    def extract(self, doc: Document) -> list[Mention]:
        """All mentions in the document, in text order."""
        ...


class SpanProposer(Protocol):
    """What a backend implements: entity span proposals for each paragraph, batched."""

    def propose(self, doc: Document) -> list[Span]:
        """Entity spans over the whole body (offsets into doc.text), paragraph by paragraph."""
        ...
