"""Roles and titles of named people, and role-only mentions, read from the words around a name.

Data: reference/roles.yml (`positions`, `kinship`, `modifiers`, `courtesy`) and reference/countries.yml
(demonyms may open a title: "Venezuelan strongman"). Three shapes are recognised, all without a parser
so that both backends give the same roles:

- pre-nominal: "Treasury Secretary Steven Mnuchin", "interim President Juan Guaido";
- appositive: "Hugo Carvajal, a former top spy chief for ... Hugo Chavez who sits ..." (cut at the
  relative clause), and copular "Tan Wee Beng is the Managing Director";
- role-only: "a major general with the Venezuelan National Guard" (no name follows).

Left out on purpose: roles stated sentences away ("He was appointed governor in 2017"), and "the"
role-only phrases ("the opposition leader"), which usually point back to a named person.
"""

from __future__ import annotations

import re
from functools import cache

from reconcile.extraction.words import country_words
from reconcile.reference import courtesy_titles, role_kinship, role_modifiers, role_positions

_WORD = re.compile(r"[\w][\w'.-]*")
_DETERMINERS = frozenset("a an the his her its their our one two three four five six seven eight nine ten".split())
_INDEFINITE = frozenset("a an one two three four five six seven eight nine ten several some".split())
_PREPOSITIONS = frozenset("with of in at for from within inside".split())
_CLAUSE_STOP = re.compile(
    r"\s(?:who|whom|whose|which|that|where|when|while|after|before|because|since|said|says|told|has|have|had"
    r"|is|are|was|were|will|would|and|or|but|to|on|as)\b|[,;:.()\"]|\s[-]\s"
)


@cache
def _heads() -> frozenset[str]:
    return role_positions() | role_kinship()


def _is_head(word: str, *, kinship: bool = True) -> bool:
    w = word.lower().rstrip(".")
    heads = _heads() if kinship else role_positions()
    return w in heads or (w.endswith("s") and w[:-1] in heads)


def prenominal_role(flat: str, name_start: int, sentence_start: int) -> str | None:
    """Title written just before the name ("Treasury Secretary"), or None.

    The word right before the name must be a role head; the title then grows to the left over modifiers,
    other heads, demonyms and capitalised words, and stops at a determiner, a possessive or punctuation.
    """
    left = flat[sentence_start:name_start]
    words = list(_WORD.finditer(left))
    if not words or left[words[-1].end() :].strip(" "):
        return None
    if not _is_head(words[-1].group()):
        return None
    first = len(words) - 1
    for i in range(len(words) - 2, -1, -1):
        w = words[i].group()
        gap = left[words[i].end() : words[i + 1].start()]
        if gap.strip(" "):
            break
        lw = w.lower()
        if lw.endswith("'s") or lw in _DETERMINERS:
            break
        if lw in role_modifiers() or _is_head(w) or w in country_words() or (w[0].isupper() and i > 0):
            first = i
            continue
        if lw == "of" and i > 0 and _is_head(words[i - 1].group()):
            first = i
            continue
        break
    if words[first].group().lower() == "of":
        first += 1
    text = left[words[first].start() : words[-1].end()]
    return text if text.lower() not in courtesy_titles() else None


def _phrase_until_stop(flat: str, start: int, end: int, *, max_words: int = 16) -> tuple[int, int] | None:
    m = _CLAUSE_STOP.search(flat, start, end)
    stop = m.start() if m else end
    text = flat[start:stop]
    if not text.strip() or len(text.split()) > max_words:
        return None
    return start, start + len(text.rstrip())


def _role_phrase(flat: str, start: int, end: int) -> tuple[int, int] | None:
    """A noun phrase opening at `start` that contains a role head, cut at the next clause or punctuation.

    Prepositional phrases inside it are kept ("chief for Maduro's predecessor Hugo Chavez"), so the
    clause stop is searched after the head's own prepositional phrase, not before.
    """
    words = list(_WORD.finditer(flat, start, end))
    if not words:
        return None
    first = words[0].group().lower()
    if not (
        first in _DETERMINERS or first in role_modifiers() or _is_head(first) or words[0].group() in country_words()
    ):
        return None
    # find the head within the first few words
    for w in words[:7]:
        if _is_head(w.group()):
            head_end = w.end()
            break
        if flat[w.end() : w.end() + 1] in {",", ";", "."}:
            return None
    else:
        return None
    span = _phrase_until_stop(flat, head_end, end)
    stop = span[1] if span else head_end
    # a prepositional phrase after the head runs to the next clause word or punctuation
    nxt = _WORD.match(flat, stop + 1) if stop < end and flat[stop : stop + 1] == " " else None
    if nxt and nxt.group().lower() in _PREPOSITIONS:
        rest = _phrase_until_stop(flat, nxt.end(), end)
        if rest:
            stop = rest[1]
    return start, stop


def appositive_role(flat: str, name_end: int, sentence_end: int) -> tuple[int, int] | None:
    """Span of an appositive or copular role after the name ("a former top spy chief ..."), or None."""
    m = re.compile(r"(?:'s)?,\s+|\s+(?:is|was|serves as|served as|is also|was also)\s+").match(flat, name_end)
    if not m or m.end() >= sentence_end:
        return None
    return _role_phrase(flat, m.end(), sentence_end)


_ROLE_ONLY = re.compile(r"(?<![\w'])(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|several)\s", re.I)


def role_only_spans(flat: str, start: int, end: int) -> list[tuple[int, int]]:
    """Role-only phrases in flat[start:end]: an indefinite determiner, up to three words, a position head.

    Kinship heads ("a son of") do not count, and a phrase whose head is followed by a capitalised name
    is a title, not a role-only mention; the caller drops phrases that overlap a named mention or its role.
    """
    out: list[tuple[int, int]] = []
    for m in _ROLE_ONLY.finditer(flat, start, end):
        words = list(_WORD.finditer(flat, m.end(), min(end, m.end() + 80)))[:5]
        head = None
        for w in words[:4]:
            gap = flat[m.end() if w is words[0] else words[words.index(w) - 1].end() : w.start()]
            if gap.strip():
                break
            if _is_head(w.group(), kinship=False):
                head = w
                # "major general": keep going while the next word is a head too
                continue
            if head is not None:
                break
        if head is None:
            continue
        stop = head.end()
        after = _WORD.match(flat, stop + 1) if flat[stop : stop + 1] == " " else None
        if after and after.group()[0].isupper() and after.group().lower() not in _PREPOSITIONS:
            continue  # "a general Jose ..." is a title before a name
        if after and after.group().lower() in _PREPOSITIONS:
            rest = _phrase_until_stop(flat, after.end(), end, max_words=10)
            if rest:
                stop = rest[1]
        out.append((m.start(), stop))
    return out
