"""Mentions from the resolved spans: roles, countries, sanction cues and identifiers from each one's sentence.

Why a module of its own: this is the glue between the article's final spans and the context readers
(`roles`, `context`); it changes when a Mention gains a field or a context reader changes how it is
called, not when spans are found or named. Role-only mentions ("a major general with the Venezuelan
National Guard") are added here too, where a named person's appositive role is known and can be left out.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from reconcile.extraction.base import Identifier, Mention
from reconcile.extraction.context import find_countries, find_identifiers, find_sanction_cue
from reconcile.extraction.labels import KIND_OF_LABEL
from reconcile.extraction.roles import appositive_role, prenominal_role, role_only_spans
from reconcile.extraction.spans import ArticleSpans

__all__ = ["build_mentions"]

#: How far after a name an identifier may be printed and still be the name's (unless the next name comes first).
_IDENTIFIER_REACH = 200


def build_mentions(art: ArticleSpans, name_key: Callable[[str, str], str]) -> list[Mention]:
    """Mentions of every remaining span plus role-only mentions, in text order, each named one keyed."""
    named = sorted(art.ents, key=lambda e: e.start)
    blocked = [(e.start, e.end) for e in named if e.label in {"PERSON", "VESSEL", "AIRCRAFT"}]
    claimed: list[tuple[int, int]] = [(e.start, e.end) for e in named if e.label == "PERSON"]
    out: list[Mention] = []
    for i, e in enumerate(named):
        s0, s1 = art.sentence_of(e.start)
        kind = KIND_OF_LABEL[e.label]
        role = None
        if kind == "person":
            role = prenominal_role(art.flat, e.start, s0)
            app = appositive_role(art.flat, e.end, s1)
            if app:
                claimed.append(app)
                app_text = art.doc.text[app[0] : app[1]]
                role = f"{role}; {app_text}" if role else app_text
        nxt = named[i + 1].start if i + 1 < len(named) and named[i + 1].start < s1 else s1
        ids = [ident for _, ident in find_identifiers(art.flat, e.end, min(nxt, e.end + _IDENTIFIER_REACH))]
        if kind == "aircraft":
            ids.insert(0, Identifier("aircraft_registration", art.doc.text[e.start : e.end]))
        out.append(_mention(art, e.start, e.end, e.canonical, kind, role, e.aliases, ids, (s0, s1), blocked, e.label))
    for s0, s1 in art.sentences:
        for a, b in role_only_spans(art.flat, s0, s1):
            if any(x < b and a < y for x, y in claimed):
                continue
            phrase = art.doc.text[a:b]
            out.append(_mention(art, a, b, None, "person", phrase, [], [], (s0, s1), blocked, "ROLE"))
    out.sort(key=lambda m: (m.start, m.end))
    return [m if m.canonical_name is None else replace(m, name_key=name_key(m.canonical_name, m.kind)) for m in out]


def _mention(
    art: ArticleSpans,
    a: int,
    b: int,
    canonical: str | None,
    kind: str,
    role: str | None,
    aliases: list[str],
    ids: list[Identifier],
    sentence_span: tuple[int, int],
    blocked: list[tuple[int, int]],
    label: str,
) -> Mention:
    """One Mention of characters [a, b), with the sanction cue and countries of its sentence."""
    s0, s1 = sentence_span
    sentence = art.doc.text[s0:s1]
    flagged, cue, delisting = find_sanction_cue(sentence)
    countries = find_countries(art.flat, s0, s1, blocked)
    return Mention(
        start=a,
        end=b,
        surface=art.doc.text[a:b],
        canonical_name=canonical,
        kind=kind,
        sentence=sentence,
        role=role,
        countries=tuple(countries),
        sanction=flagged,
        sanction_cue=cue,
        delisting=delisting,
        identifiers=tuple(dict.fromkeys(ids)),
        aliases=tuple(aliases),
        label=label,
    )
