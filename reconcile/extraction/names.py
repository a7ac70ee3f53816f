"""Which name a span stands for within its article: the fullest form, or what a short form was defined as.

Why a module of its own: news names a party in full once and shortly after ("Hugo Carvajal" ... "Carvajal",
"Petroleos de Venezuela, S.A. (PdVSA)" ... "PdVSA"). Resolving those within one article, and giving every
mention of one name one kind, is its own rule set; it changes when how articles refer back changes, not
when span edges or labels do.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from reconcile.extraction.spans import ArticleSpans, Ent
from reconcile.extraction.words import contains, norm, tokens

__all__ = ["PAREN_DEF", "definitions", "resolve_names"]

#: A short form or surname defined in parentheses right after a name: ' (PdVSA)', ' (the "Company")'.
PAREN_DEF = re.compile(r"\s*\(\s*(?:the\s+)?\"?([A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,3})\"?\s*\)")


def definitions(art: ArticleSpans) -> dict[str, Ent]:
    """Short forms defined in parentheses after a name: {normalized short form: the named entity}."""
    defs: dict[str, Ent] = {}
    for e in art.ents:
        m = PAREN_DEF.match(art.flat, e.end)
        if m and e.label in {"ORG", "PERSON", "VESSEL"}:
            short = m.group(1)
            if tokens(short) != tokens(art.text(e)):
                defs[norm(short)] = e
    return defs


def resolve_names(art: ArticleSpans) -> None:
    """Canonical names: fullest same-article person name; acronyms defined in parentheses.

    Then one label for every mention of a vessel's name, and one kind per canonical name (vessel first,
    then the majority, PERSON on ties), each with the longest spelling of that name.
    """
    defs = definitions(art)
    full_people = sorted(
        (e for e in art.ents if e.label == "PERSON"),
        key=lambda e: (-len(tokens(e.canonical or art.text(e))), e.start),
    )
    for e in art.ents:
        own = e.canonical or art.text(e)
        key = norm(own)
        if key in defs and defs[key] is not e:
            target = defs[key]
            e.canonical = target.canonical or art.text(target)
            if not e.locked:
                e.label = target.label
            continue
        if e.label == "PERSON":
            toks = tokens(own)
            for f in full_people:
                ftoks = tokens(f.canonical or art.text(f))
                if len(ftoks) > len(toks) and contains(ftoks, toks) and toks != ftoks[:1]:
                    e.canonical = f.canonical or art.text(f)
                    e.aliases = e.aliases or list(f.aliases)
                    break
        if e.canonical is None:
            e.canonical = own
    # vessels: one label for every mention of a vessel's name
    vessels = {norm(e.canonical or "") for e in art.ents if e.label == "VESSEL"}
    for e in art.ents:
        if norm(e.canonical or "") in vessels and not e.locked:
            e.label = "VESSEL"
    # kind vote per canonical
    by_canon: dict[str, list[Ent]] = defaultdict(list)
    for e in art.ents:
        by_canon[norm(e.canonical or "")].append(e)
    for members in by_canon.values():
        labels = Counter(m.label for m in members)
        if len(labels) > 1:
            best = max(labels.items(), key=lambda kv: (kv[0] == "VESSEL", kv[1], kv[0] == "PERSON"))[0]
            for m in members:
                if not m.locked:
                    m.label = best
        longest = max((m.canonical or "" for m in members), key=len)
        for m in members:
            m.canonical = longest if norm(longest) == norm(m.canonical or "") else m.canonical
