"""Entities found by pattern whatever the backend said: nicknamed persons, vessels, aircraft registrations.

Why a module of its own: these are textual evidence strong enough to override a model (an IMO number
after a name, a quoted nickname inside one, a registration where the text talks about aircraft). They
change when a new pattern of that kind is seen in the news, and the spans they add are locked: no later
pass relabels or resizes them.
"""

from __future__ import annotations

import re

from reconcile.extraction.context import find_registrations
from reconcile.extraction.spans import ArticleSpans, Ent
from reconcile.extraction.words import NOT_NAME, WORD, is_name_word, name_particles, norm

__all__ = ["add_pattern_entities"]

_NAME_RUN = r"[A-Z][\w'-]*(?:[ ](?:(?:de|del|la|las|los|da|do|dos|di|van|von|al|el)[ ])?[A-Z0-9][\w'-]*)*"
#: A name followed by its IMO number in parentheses: "Icaro (IMO 9038842)".
_IMO_AFTER = re.compile(rf"({_NAME_RUN})\s*\(\s*IMO(?:\s*(?:No\.?|number))?\s*:?\s*\d{{7}}\s*\)")
#: A name after a vessel word: "the vessel Esperanza", "M/T Ace".
_VESSEL_NAMED = re.compile(rf"\b(?:the\s+)?(?:vessel|tanker|ship|M/V|M/T)\s+(?:the\s+)?({_NAME_RUN})")
#: A quoted nickname between two capitalised runs: Joaquin "El Chapo" Guzman Loera.
_NICKNAME = re.compile(
    r"([A-Z][\w'-]+(?:\s+(?:[A-Z][\w'-]+|de|del|la))*)\s+\"([^\"\n]{1,40})\"\s+([A-Z][\w'-]+(?:\s+(?:[A-Z][\w'-]+|de|del|la))*)"
)


def add_pattern_entities(art: ArticleSpans) -> None:
    """Add nicknamed persons, vessels and aircraft registrations as locked spans, replacing what they overlap."""
    _add_nicknamed_persons(art)
    for pattern in (_IMO_AFTER, _VESSEL_NAMED):
        for m in pattern.finditer(art.flat):
            a, b = m.span(1)
            if norm(art.flat[a:b]) in {"s", "the"}:
                continue
            art.add(Ent(a, b, "VESSEL", locked=True))
    for p_start, p_end in art.paras:
        for a, b, _reg in find_registrations(art.flat, p_start, p_end):
            art.add(Ent(a, b, "AIRCRAFT", locked=True))


def _add_nicknamed_persons(art: ArticleSpans) -> None:
    """One PERSON span over name, nickname and surname; the nickname becomes an alias."""
    for m in _NICKNAME.finditer(art.flat):
        given, nick, rest = m.group(1), m.group(2), m.group(3)
        first = given.split()
        if not first or first[-1].lower() in NOT_NAME or not is_name_word(rest.split()[0]):
            continue
        # keep only the name words of the run before the quote
        words = list(WORD.finditer(art.flat, m.start(1), m.end(1)))
        k = len(words)
        while k > 0 and (is_name_word(words[k - 1].group()) or (k == len(words) and words[k - 1].group()[0].isupper())):
            k -= 1
        start = words[k].start() if k < len(words) else m.start(1)
        end = m.end(3)
        while True:  # stop the tail at the first non-name word
            tail = list(WORD.finditer(art.flat, m.start(3), end))
            bad = [w for w in tail if not is_name_word(w.group()) and w.group().lower() not in name_particles()]
            if not bad:
                break
            end = bad[0].start()
            while end > m.start(3) and art.flat[end - 1] in " ,":
                end -= 1
        canonical = f"{art.doc.text[start : m.start(2) - 1].strip()} {art.doc.text[m.start(3) : end].strip()}"
        art.add(Ent(start, end, "PERSON", [nick.strip()], canonical, locked=True))
