"""Where entity spans begin and end: trimming, extending and merging the backend's spans.

Why a module of its own: a small NER model cuts names badly: titles and "the" in front, possessives and
punctuation behind, long Hispanic names split in pieces ("Erika del Valle Farias Pena"), organisation
names cut before their legal form (", S.A.") or before "of the Republic of Belarus". These passes move
span edges only; what a span IS (its label) is decided in `labels`.

Data: reference/roles.yml, particles.yml, legal_forms.yml (through `words`).
"""

from __future__ import annotations

import re

from reconcile.extraction.spans import ArticleSpans, Ent
from reconcile.extraction.words import (
    NOT_NAME,
    WORD,
    is_name_word,
    legal_form_phrases,
    legal_form_tokens,
    name_particles,
    role_words,
    tokens,
)

__all__ = ["extend_organizations", "extend_persons", "merge_organizations", "trim_spans"]

#: What may follow an organisation name before its legal form: ", S.A.", " (PJSC) Ltd", " KFT".
_LEGAL_FORM_AFTER = re.compile(r",?(?:\s+\([A-Za-z]{1,3}\))?\s+((?:[A-Za-z]{1,5}\.?){1,4}(?:\s+[A-Za-z]{1,7}\.?)?)")
#: First words of a second organisation span that joins the first across " and " ("X and Sons").
_ORG_AND_TAILS = frozenset({"associates", "partners", "sons", "brothers", "company", "co"})
_NEXT_WORD = re.compile(r" (\w[\w'-]*(?:\.\w+)*)")
_NEXT_CAPITALISED = re.compile(r" ([A-Z][\w'-]*)")
_PREVIOUS_WORD = re.compile(r"(\w[\w'-]*) $")
_INITIALS_OR_ABBREVIATION = re.compile(r"(?:[A-Za-z]\.)+|[A-Z][a-z]{1,3}\.")


def trim_spans(art: ArticleSpans) -> None:
    """Strip leading articles and titles, trailing possessives and punctuation from each span."""
    out = []
    for e in art.ents:
        s, t = e.start, e.end
        while True:
            m = WORD.match(art.flat, s, t)
            if not m:
                break
            w = m.group().lower().rstrip(".")
            rest = WORD.search(art.flat, m.end(), t)
            if w in ("the",) or (e.label == "PERSON" and rest is not None and (w in role_words() or w in NOT_NAME)):
                s = rest.start() if rest else t
                continue
            break
        cut = art.flat.find(" (", s, t)
        if cut > s and ")" not in art.flat[cut:t]:
            t = cut  # "Ylli Ndroqi (Ndroqi" -> "Ylli Ndroqi"
        while t > s and art.flat[t - 1] in " ,;:-\"'()[]":
            t -= 1
        if art.flat[s:t].endswith("'s"):
            t -= 2
        elif art.flat[s:t].endswith("."):
            last = art.flat[s:t].rsplit(None, 1)[-1]
            if not _INITIALS_OR_ABBREVIATION.fullmatch(last):
                t -= 1
        while s < t and art.flat[s] in " \"'([":
            s += 1
        if t > s and any(c.isalpha() for c in art.flat[s:t]):
            out.append(Ent(s, t, e.label, e.aliases, e.canonical, e.locked))
    art.ents = out


def extend_organizations(art: ArticleSpans) -> None:
    """Extend organisation spans over a following legal form (", S.A.", " Ltd.", " KFT")."""
    for e in art.ents:
        if e.label not in {"ORG", "PERSON", "GPE"} or e.locked:
            continue
        m = _LEGAL_FORM_AFTER.match(art.flat[e.end : e.end + 30])
        if not m:
            continue
        words = legal_form_tokens(m.group(1))
        for phrase in legal_form_phrases():
            if words[: len(phrase)] == phrase:
                # consume exactly the characters of the phrase
                consumed = 0
                for w in WORD.finditer(art.flat, e.end, e.end + m.end()):
                    consumed = w.end()
                    if len(legal_form_tokens(art.flat[e.end : consumed])) >= len(phrase):
                        break
                if consumed and not any(x.locked for x in art.overlaps(e.end, consumed, e)):
                    e.end = consumed + (1 if art.flat[consumed : consumed + 1] == "." else 0)
                    e.label = "ORG"
                    art.ents = [x for x in art.ents if x is e or not (x.start < e.end and e.start < x.end)]
                break


def merge_organizations(art: ArticleSpans) -> None:
    """Join "Central Election Commission" + "of the Republic of Belarus" and "X and Associates Company"."""
    art.ents.sort(key=lambda x: x.start)
    out: list[Ent] = []
    for e in art.ents:
        if out and not out[-1].locked and not e.locked:
            prev = out[-1]
            gap = art.flat[prev.end : e.start]
            first = tokens(art.flat[e.start : e.end])[:1]
            if (prev.label == "ORG" and e.label in {"GPE", "ORG", "LOC"} and re.fullmatch(r" of (?:the )?", gap)) or (
                e.label == "ORG" and gap == " and " and first and first[0] in _ORG_AND_TAILS
            ):
                prev.end = e.end
                prev.label = "ORG"
                continue
        out.append(e)
    art.ents = out


def extend_persons(art: ArticleSpans) -> None:
    """Grow PERSON spans over adjacent name words and particles; merge touching PERSON spans."""
    for e in art.ents:
        if e.label != "PERSON" or e.locked:
            continue
        _extend_person_right(art, e)
        _extend_person_left(art, e)
    art.ents.sort(key=lambda x: (x.start, -x.end))
    merged: list[Ent] = []
    for e in art.ents:
        if (
            merged
            and merged[-1].label == e.label == "PERSON"
            and not merged[-1].locked
            and not e.locked
            and art.flat[merged[-1].end : e.start] == " "
        ):
            merged[-1].end = e.end
            continue
        if merged and e.start < merged[-1].end:
            continue  # overlapping proposal: keep the first
        merged.append(e)
    art.ents = merged


def _extend_person_right(art: ArticleSpans, e: Ent) -> None:
    """Over following name words, and over a particle when a name word follows it ("del Valle")."""
    limit = art.para_end(e.start)
    while True:
        m = _NEXT_WORD.match(art.flat, e.end, limit)
        if not m:
            break
        w = m.group(1)
        if w.lower() in name_particles():
            n = _NEXT_CAPITALISED.match(art.flat, m.end(), limit)
            if n and is_name_word(n.group(1)) and not art.overlaps(m.start(), n.end(), e):
                e.end = n.end()
                continue
            break
        if is_name_word(w) and not art.overlaps(m.start(1), m.end(1), e):
            e.end = m.end(1)
            continue
        break


def _extend_person_left(art: ArticleSpans, e: Ent) -> None:
    """Over preceding name words, but not over a sentence-opening stop word."""
    while True:
        para0 = art.para_start(e.start)
        m = _PREVIOUS_WORD.search(art.flat, para0, e.start)
        if not m or not is_name_word(m.group(1)) or art.overlaps(m.start(1), m.end(1), e):
            break
        sent0 = art.sentence_of(e.start)[0]
        if m.start(1) == sent0 and m.group(1).lower() in NOT_NAME:
            break
        e.start = m.start(1)
