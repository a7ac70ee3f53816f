"""Countries in one vocabulary on both sides of the linkage: ISO 3166-1 alpha-2 codes.

Mentions carry the codes reconcile.extraction.context found in their sentence ("VE"); the list writes
countries as OFAC spells them in nationality, citizenship and address fields ("Venezuela", "Korea, North",
"Congo, Democratic Republic of the", "of Registration Russia"). Both are mapped here with the one country
lexicon, reference/countries.yml (via reconcile.reference.country_terms), so "VE" meets "Venezuela".

A sanctions program that names a country (VENEZUELA-EO13850, IRAN-HR, DPRK3, CAATSA - RUSSIA) gives a
second, weaker kind of country evidence: the program says where the designation is aimed, not where the
party lives. Programs that name no country (SDGT, SDNTK, GLOMAG, CYBER2, BALKANS) give none.
Left out on purpose: guessing a country from a name ("Bank Melli Iran"); that is name evidence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from reconcile.reference import country_terms

__all__ = ["country_code", "program_country_codes"]

_WORD = re.compile(r"[a-z]+")
_PROGRAM_WORD = re.compile(r"[A-Za-z]+")


def _key(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


@cache
def _lookup() -> dict[str, str]:
    """Lower-cased term (name, demonym or the code itself) -> ISO-2 code."""
    out: dict[str, str] = {}
    for term, code in country_terms():
        out.setdefault(_key(term), code)
        out.setdefault(code.lower(), code)
    return out


@cache
def country_code(value: str | None) -> str | None:
    """ISO-2 code of a country as OFAC or a user writes it, or None when the lexicon does not know it.

    Examples:
        >>> country_code("Korea, North"), country_code("VE"), country_code("of Registration Russia")
        ('KP', 'VE', 'RU')
    """
    if not value or not value.strip():
        return None
    lookup = _lookup()
    text = value.strip()
    text = re.sub(r"^(?:of\s+registration|region:|possibly)\s+", "", text, flags=re.IGNORECASE)
    candidates = [text]
    if "," in text:
        head, _, tail = text.partition(",")
        candidates += [f"{tail} {head}", head, tail]
    for cand in candidates:
        key = _key(cand)
        for k in (key, key.removeprefix("the ").removesuffix(" of the").removesuffix(" of")):
            if k in lookup:
                return lookup[k]
        # "Congo, Democratic Republic of the" -> "the democratic republic of the congo"
        k2 = key.replace("the democratic republic of the", "democratic republic of the")
        if k2 in lookup:
            return lookup[k2]
    return None


@cache
def _program_code(program: str) -> str | None:
    words = _PROGRAM_WORD.findall(program)
    if not words:
        return None
    # The whole alphabetic head first ("DPRK4" -> "DPRK", "SOUTH SUDAN"), then each word.
    head = " ".join(_PROGRAM_WORD.findall(re.split(r"[-0-9]", program, maxsplit=1)[0]))
    for cand in (head, *words):
        if len(cand) < 3:  # "HK", "CAR": too short to tell from an abbreviation of something else
            continue
        code = _lookup().get(_key(cand))
        if code:
            return code
    return None


def program_country_codes(programs: Iterable[str]) -> list[str]:
    """Sorted ISO-2 codes of the countries that an entry's sanctions programs name."""
    return sorted({c for p in programs if (c := _program_code(p))})
