"""Mention extraction: who an article names, as what, where, and whether the sentence is about sanctions.

Two backends sit behind one interface (`Extractor`): `spacy` (default; spaCy's small English model, loaded
lazily so `import reconcile` never imports spaCy) and `rules` (no model: capitalised spans, a role lexicon
and probablepeople's classifier; fast, used by unit tests and as a fallback). Backends only propose spans;
`reconcile.extraction.resolve` turns them into Mentions the same way for both.
"""

from __future__ import annotations

from reconcile.extraction.base import Document, Extractor, Identifier, Mention, Paragraph, Span, SpanProposer
from reconcile.extraction.resolve import resolve_mentions

__all__ = [
    "DEFAULT_EXTRACTOR",
    "Document",
    "Extractor",
    "Identifier",
    "Mention",
    "Paragraph",
    "Span",
    "SpanExtractor",
    "load_extractor",
]

#: The backend used when none is named: spaCy with the pinned small English model.
DEFAULT_EXTRACTOR = "spacy"


def _name_key(name: str, kind: str) -> str:
    """The normalized full name shared by both sides of the linkage (reconcile.normalize)."""
    from reconcile.normalize import normalize_name

    return normalize_name(name, kind=kind if kind != "unknown" else None, convention="news").full_norm


class SpanExtractor:
    """An Extractor made of a backend's span proposer and the shared post-processing."""

    def __init__(self, name: str, proposer: SpanProposer) -> None:
        self.name = name
        self.proposer = proposer

    def extract(self, doc: Document) -> list[Mention]:
        """All mentions of the document, in text order, with names resolved per article."""
        return resolve_mentions(doc, self.proposer.propose(doc), name_key=_name_key)


def load_extractor(spec: str = DEFAULT_EXTRACTOR) -> Extractor:
    """Build an extractor from "rules", "spacy" or "spacy:<package-name-or-path>".

    Raises:
        InputError: unknown backend, or the spaCy model cannot be loaded (the message says how to install it).
    """
    from reconcile.errors import InputError

    backend, _, arg = spec.partition(":")
    if backend == "rules":
        from reconcile.extraction.rules_backend import RulesProposer

        return SpanExtractor("rules", RulesProposer())
    if backend == "spacy":
        from reconcile.extraction.spacy_backend import DEFAULT_MODEL, SpacyProposer

        model = arg or DEFAULT_MODEL
        return SpanExtractor(f"spacy:{model}", SpacyProposer(model))
    raise InputError(f"unknown extractor {spec!r}; use 'spacy', 'spacy:<model name or path>' or 'rules'")
