"""The rules backend: entity spans without a model, for unit tests, CI and as a fast fallback.

Candidates are runs of capitalised words (joined by name particles and "of"/"and" inside organisation
names), with titles cut off the front. A run is an organisation when a word of it is an organisation
word (reference/org_words.yml, the `org_cues` and legal forms of reference/legal_forms.yml) or an acronym;
a person when a title or honorific precedes it (reference/roles.yml); otherwise probablepeople's small CRF
decides between Person and Corporation for runs of two words or more. One-word runs stay unlabelled
(MISC) and become persons only if the shared post-processing ties them to a fuller name in the article.
Written while looking at the seed story, so its scores there are optimistic; see bench/extract.py.
"""

from __future__ import annotations

import re
from functools import cache

from reconcile.extraction.base import Document, Span
from reconcile.extraction.context import flatten, split_sentences
from reconcile.extraction.words import SENTENCE_WORDS, country_words, role_words
from reconcile.reference import legal_forms, org_cues, org_words, particles

_CAP = r"(?:[A-Z][^\W\d]*(?:['-][^\W\d]+)*(?:\.[A-Z][^\W\d]*)*\.?(?![\w-])|[A-Z]\.(?:[A-Z]\.)+)"
_JOIN = r"(?:de|del|la|las|los|da|do|dos|di|van|von|der|bin|ibn|al|el|of|of the|and|&|for|y)"
_RUN = re.compile(rf"{_CAP}(?:\s(?:{_JOIN}\s)?{_CAP})*")
#: Words dropped from the front of a capitalised run: sentence openers, days and months, plus "washington"
#: (the dateline and shorthand for the US government that opens many press-release sentences).
_NOT_START = SENTENCE_WORDS | frozenset({"washington"})


@cache
def _TITLE_BEFORE() -> re.Pattern[str]:  # noqa: N802 - a cached constant
    return re.compile(r"\b(?:" + "|".join(re.escape(t) for t in sorted(role_words())) + r")\.?\s$", re.I)


@cache
def _org_markers() -> frozenset[str]:
    return org_words() | org_cues() | frozenset(t for phrase in legal_forms() for t in phrase if len(phrase) == 1)


@cache
def _particles() -> frozenset[str]:
    p = particles()
    return p.get("european", frozenset()) | p.get("arabic_articles", frozenset()) | frozenset({"of", "and", "&", "for"})


def has_org_marker(text: str) -> bool:
    """True when a word of the span is an organisation word, org cue or one-word legal form."""
    return any(w.lower().strip(",'").replace(".", "") in _org_markers() for w in text.split())


def classify_span(text: str, preceded_by_title: bool) -> str:
    """OntoNotes-style label for a capitalised run (PERSON, ORG, GPE or MISC)."""
    words = text.replace(".", " ").split()
    lower = [w.lower().strip(",'") for w in words]
    if text in country_words():
        return "GPE"
    if any(w in _org_markers() for w in lower) or (" of " in f" {text} " and len(words) > 2):
        return "ORG"
    if len(words) == 1:
        if text.replace(".", "").isupper() and len(text) > 1:
            return "ORG"
        return "PERSON" if preceded_by_title else "MISC"
    if preceded_by_title:
        return "PERSON"
    if all(w.isupper() for w in words if w.lower() not in _particles()):
        return "ORG"
    import probablepeople

    try:
        kind = probablepeople.tag(text)[1]
    except probablepeople.RepeatedLabelError:
        kind = "Ambiguous"
    return "ORG" if kind == "Corporation" else "PERSON"


class RulesProposer:
    """Capitalised-span candidates labelled by lexicons and probablepeople; no model to load."""

    def propose(self, doc: Document) -> list[Span]:
        """Spans over the whole body, found paragraph by paragraph so headings never join the next line."""
        spans: list[Span] = []
        for para in doc.paragraphs:
            flat = flatten(para.text)
            starts = {a - para.start for a, _ in split_sentences(para.text, para.start)}
            for m in _RUN.finditer(flat):
                spans.extend(self._spans_of_run(flat, m.start(), m.end(), starts, para.start))
        return spans

    def _spans_of_run(self, flat: str, a: int, b: int, starts: set[int], offset: int) -> list[Span]:
        words = list(re.finditer(r"\S+", flat[a:b]))
        # a possessive ends the run: "Maduro's" -> "Maduro"
        out: list[Span] = []
        cut = [i for i, w in enumerate(words) if w.group().endswith("'s")]
        if cut:
            i = cut[0]
            head_end = a + words[i].end() - 2
            out.extend(self._spans_of_run(flat, a, head_end, starts, offset))
            if i + 1 < len(words):
                out.extend(self._spans_of_run(flat, a + words[i + 1].start(), b, starts, offset))
            return out
        # a sentence boundary inside the run splits it ("Guaido. Members of ...")
        inner = [a + w.start() for w in words[1:] if a + w.start() in starts]
        if inner:
            return self._spans_of_run(flat, a, inner[0], starts, offset) + self._spans_of_run(
                flat, inner[0], b, starts, offset
            )
        lower = [w.group().lower().rstrip(".,") for w in words]
        is_org = any(w in _org_markers() for w in lower)
        # "and" joins organisation names only ("Bosnia and Herzegovina" is a place, handled elsewhere)
        if "and" in lower and not is_org:
            i = lower.index("and")
            return self._spans_of_run(flat, a, a + words[i].start() - 1, starts, offset) + (
                self._spans_of_run(flat, a + words[i + 1].start(), b, starts, offset) if i + 1 < len(words) else []
            )
        # a title inside the run ends it: "Treasury Secretary Steven Mnuchin" -> "Steven Mnuchin"
        titles = [
            i for i, w in enumerate(lower[:-1]) if w in role_words() or (w[-1:] == "s" and w[:-1] in role_words())
        ]
        if titles and not any(w in _org_markers() for w in lower[titles[-1] + 1 :]):
            if titles[-1] + 1 < len(words):
                words = words[titles[-1] + 1 :]
                return self._titled(flat, a + words[0].start(), b, starts, offset)
        return self._trimmed(flat, a, b, words, starts, offset, titled=False)

    def _titled(self, flat: str, a: int, b: int, starts: set[int], offset: int) -> list[Span]:
        words = list(re.finditer(r"\S+", flat[a:b]))
        return self._trimmed(flat, a, b, words, starts, offset, titled=True)

    def _trimmed(
        self, flat: str, a: int, b: int, words: list[re.Match[str]], starts: set[int], offset: int, *, titled: bool
    ) -> list[Span]:
        # drop sentence-start function words and titles at the front
        k = 0
        titled = titled or bool(_TITLE_BEFORE().search(flat[max(0, a - 25) : a]))
        while k < len(words):
            w = words[k].group().lower().rstrip(".,")
            if w in _NOT_START or w in _particles():
                k += 1
                continue
            rest = [x.group().lower().rstrip(".,") for x in words[k + 1 :]]
            if w in role_words() and rest and not any(x in _org_markers() for x in rest):
                titled = True
                k += 1
                continue
            break
        if k >= len(words):
            return []
        start = a + words[k].start()
        end = a + words[-1].end()
        while end > start and flat[end - 1] in ".,;:":
            if re.search(r"(?:\b[A-Z]\.[A-Z]\.?|\b(?:Ltd|Inc|Co|Corp|Jr|Sr))\.$", flat[start:end]):
                break
            end -= 1
        # trailing joiners ("Bank of") are not part of the name
        tail = re.search(rf"\s(?:{_JOIN})$", flat[start:end])
        if tail:
            end = start + tail.start()
        text = flat[start:end]
        if not text or (start in starts and " " not in text and text.lower() in _NOT_START):
            return []
        return [Span(offset + start, offset + end, classify_span(text, titled))]
