"""Honorifics, titles and ranks: stripped from person names into their own field.

Driven by reference/honorifics.yml. Only the front of a name part loses prefixes (and only its end loses
generational suffixes), so a title-like word inside a name ("Ahmed Sheikh Hassan") stays a name token.
A part is never emptied: a name that is nothing but a title ("General") keeps its token.
"""

from __future__ import annotations

from functools import cache

from reconcile.reference import honorific_prefixes, honorific_suffixes

__all__ = ["honorific_span", "strip_honorifics"]


@cache
def _by_length(which: str) -> tuple[tuple[int, dict[tuple[str, ...], str]], ...]:
    table = honorific_prefixes() if which == "prefix" else honorific_suffixes()
    lengths = sorted({len(k) for k in table}, reverse=True)
    return tuple((n, {k: v for k, v in table.items() if len(k) == n}) for n in lengths)


@cache
def _edge_words(which: str) -> frozenset[str]:
    # The words a phrase can start with (prefixes) or end with (suffixes): a part whose edge word is
    # none of them has no phrase there, and most names have none, so their lookups are skipped.
    table = honorific_prefixes() if which == "prefix" else honorific_suffixes()
    return frozenset(k[0] if which == "prefix" else k[-1] for k in table)


def honorific_span(tokens: list[str]) -> tuple[int, int, list[str]]:
    """(start, end, canonical honorifics): tokens[start:end] is the part without titles and suffixes.

    Longest phrase wins ("maj gen" before "maj"), repeatedly ("h e president" gives he, president).
    """
    found: list[str] = []
    start, end = 0, len(tokens)
    for which in ("prefix", "suffix"):
        edge = _edge_words(which)
        progress = True
        while progress and end - start > 1:
            progress = False
            if (tokens[start] if which == "prefix" else tokens[end - 1]) not in edge:
                break
            for n, table in _by_length(which):
                if end - start <= n:
                    continue
                phrase = tuple(tokens[start : start + n]) if which == "prefix" else tuple(tokens[end - n : end])
                if (canon := table.get(phrase)) is not None:
                    found.append(canon)
                    if which == "prefix":
                        start += n
                    else:
                        end -= n
                    progress = True
                    break
    return start, end, found


def strip_honorifics(tokens: list[str]) -> tuple[list[str], list[str]]:
    """Split leading titles and trailing generational suffixes off the tokens of one name part.

    Returns:
        (content tokens, canonical honorifics in the order found).

    Examples:
        >>> strip_honorifics(["maj", "gen", "qassem", "soleimani"])
        (['qassem', 'soleimani'], ['maj gen'])
    """
    start, end, found = honorific_span(tokens)
    return tokens[start:end], found
