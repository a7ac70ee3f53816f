"""Organisation legal forms: recognised, standardised and removed from the content tokens.

Driven by reference/legal_forms.yml. Forms are matched at the end of a name, longest phrase first and
repeatedly ("Co., Ltd." -> "co ltd"), and at the start for forms written first in their home language
("OOO Romashka"). The name is never emptied: "Company Limited" alone keeps its tokens.
"""

from __future__ import annotations

from functools import cache

from reconcile.reference import leading_legal_forms, legal_form_spellings, legal_forms, org_cues

__all__ = ["extract_legal_form", "legal_form_span", "looks_like_organization"]


@cache
def _by_length() -> tuple[tuple[int, dict[tuple[str, ...], str]], ...]:
    table = legal_forms()
    lengths = sorted({len(k) for k in table}, reverse=True)
    return tuple((n, {k: v for k, v in table.items() if len(k) == n}) for n in lengths)


@cache
def _edge_words() -> tuple[frozenset[str], frozenset[str]]:
    # (first words, last words) of the forms: a name whose last (first) word is none of the last (first)
    # words has no form at that end, and most names have none, so their lookups are skipped.
    table = legal_forms()
    return frozenset(k[0] for k in table), frozenset(k[-1] for k in table)


def legal_form_span(tokens: list[str]) -> tuple[int, int, str | None]:
    """(start, end, canonical form): tokens[start:end] is the name without its legal form(s).

    When two forms are found ("X LLC, OOO"), the one written last is reported, as it qualifies the whole name.
    Words are looked up in the spelling the forms use: Russian forms reach the news in several
    transliterations ("Obschestvo s Ogranichennoi Otvetstvennostyu" is OOO too).
    """
    spellings = legal_form_spellings()
    tokens = [spellings.get(t, t) for t in tokens]
    form: str | None = None
    start, end = 0, len(tokens)
    firsts, lasts = _edge_words()
    progress = True
    while progress and end - start > 1 and tokens[end - 1] in lasts:
        progress = False
        for n, table in _by_length():
            if end - start > n and (canon := table.get(tuple(tokens[end - n : end]))) is not None:
                form = form or canon
                end -= n
                progress = True
                break
    if end - start > 1 and tokens[start] in firsts:
        leading = leading_legal_forms()
        for n, table in _by_length():
            canon = table.get(tuple(tokens[start : start + n]))
            if canon is not None and canon in leading and end - start > n:
                form = form or canon
                start += n
                break
    return start, end, form


def extract_legal_form(tokens: list[str]) -> tuple[list[str], str | None]:
    """Remove legal-form phrases from tokens: (remaining tokens, canonical legal form or None).

    Examples:
        >>> extract_legal_form(["acme", "trading", "co", "ltd"])
        (['acme', 'trading'], 'co ltd')
    """
    start, end, form = legal_form_span(tokens)
    return tokens[start:end], form


def looks_like_organization(tokens: list[str]) -> bool:
    """Whether an untyped name reads as an organisation: it has a legal form or an organisation cue word."""
    if extract_legal_form(tokens)[1] is not None:
        return True
    cues = org_cues()
    return any(t in cues for t in tokens)
