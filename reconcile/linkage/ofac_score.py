"""The score OFAC's Sanctions List Search would give a pair of names, for analysts to compare with ours.

OFAC documents the method in FAQ 249 (https://ofac.treasury.gov/faqs/249): two algorithms, Jaro-Winkler
and Soundex, and two techniques, (1) Jaro-Winkler of the whole name string entered against the whole list
name, and (2) the entered name split into parts, each part compared with the list name's parts using
Jaro-Winkler and Soundex, giving a score per part and a composite over the parts. The tool reports the
higher of the two. Candidates are first retrieved by first letter and an edit-distance pre-filter.

The FAQ leaves the details open; they follow the behaviour of the public tool as measured by the
reverse-engineering in the `nomenklatura` package (opensanctions, MIT; read as a reference, not copied):

- Names are compared as written, upper-cased, split on anything that is not a letter or digit, with
  apostrophes deleted (O'BRIEN is one part). No transliteration: a Cyrillic query scores 0 against Latin
  list names, as it does on OFAC's site.
- Whole-name technique: SimMetrics-style Jaro-Winkler (the Winkler prefix bonus, 0.1 per shared leading
  character up to 4, applied whatever the Jaro value), and 0 unless both names start with the same letter
  (the tool's first-letter retrieval: "BUSH GEORGE" finds nothing where "GEORGE BUSH" does).
- Per-part technique: query parts of one or two characters are ignored unless nothing else is left (the
  tool ignores "UN" in "KIM JONG UN"). Each remaining query part takes its best standard Jaro-Winkler
  against the candidate's parts; a part counts only when that best pair reaches 0.5 or, per FAQ 249's
  phonetic step, when the query part's Soundex code equals a candidate part's (it then counts with that
  pair's Jaro-Winkler). The composite is the mean over the query parts, so a query part missing from
  the candidate costs its share, while extra candidate parts cost nothing.
- The score is the higher of the two, as a whole percentage (0-100, half rounded up).

Not modelled: the retrieval pre-filter itself (a pair the tool would not list still gets a score here),
the tool's list-wide scope, and its "name part" options for addresses and other fields.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

from jellyfish import soundex
from rapidfuzz.distance import Jaro, JaroWinkler

__all__ = ["ofac_score", "ofac_score_parts"]

_PREFIX_MAX = 4
_PREFIX_WEIGHT = 0.1
_PART_FLOOR = 0.5
_SHORT_PART = 2
_APOSTROPHES = re.compile(r"['`\u2019\u2018\u02bc\u02bb\u00b4]")
_SPLIT = re.compile(r"[^\w]+|_")


@lru_cache(maxsize=131_072)
def _parts(name: str) -> tuple[str, ...]:
    return tuple(p for p in _SPLIT.split(_APOSTROPHES.sub("", name).upper()) if p)


def _jaro_winkler_unconditional(left: str, right: str) -> float:
    """Jaro-Winkler with the prefix bonus applied for any Jaro value (SimMetrics' variant)."""
    jaro = Jaro.similarity(left, right)
    if jaro == 0.0:
        return 0.0
    prefix = 0
    for a, b in zip(left[:_PREFIX_MAX], right[:_PREFIX_MAX], strict=False):
        if a != b:
            break
        prefix += 1
    return jaro + prefix * _PREFIX_WEIGHT * (1.0 - jaro)


def _whole_name(query: tuple[str, ...], candidate: tuple[str, ...]) -> float:
    left, right = " ".join(query), " ".join(candidate)
    if not left or not right or left[0] != right[0]:
        return 0.0
    return _jaro_winkler_unconditional(left, right)


@lru_cache(maxsize=262_144)
def _soundex(part: str) -> str:
    return soundex(part) if part.isascii() and part.isalpha() else part


def _per_part(query: tuple[str, ...], candidate: tuple[str, ...]) -> float:
    kept = [p for p in query if len(p) > _SHORT_PART] or list(query)
    if not kept or not candidate:
        return 0.0
    total = 0.0
    for part in kept:
        scored = [(JaroWinkler.similarity(part, other), other) for other in candidate]
        best = max(s for s, _ in scored)
        if best < _PART_FLOOR:
            code = _soundex(part)
            best = max((s for s, other in scored if _soundex(other) == code), default=0.0)
        total += best
    return total / len(kept)


def ofac_score_parts(query: str, candidate: str) -> tuple[float, float]:
    """(whole-name score, per-part score), each in [0, 1], before taking the higher and rounding."""
    q, c = _parts(query), _parts(candidate)
    return _whole_name(q, c), _per_part(q, c)


def ofac_score(query: str, candidate: str) -> int:
    """Score 0-100 that OFAC's Sanctions List Search gives candidate for the searched name query.

    Args:
        query: the name as searched (news or analyst side), any order.
        candidate: the list name as OFAC publishes it ("MADURO MOROS, Nicolas").

    Returns:
        The higher of the whole-name and per-part scores, as a whole percentage.

    Examples:
        >>> ofac_score("Nicolas Maduro", "MADURO MOROS, Nicolas")
        100
        >>> ofac_score("George Bush", "HASWANI, George")
        50
    """
    whole, per_part = ofac_score_parts(query, candidate)
    return int(math.floor(max(whole, per_part) * 100 + 0.5 + 1e-9))
