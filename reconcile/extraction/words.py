"""Word-level tests shared by the passes: what can be part of a name, and how spans are compared.

Why a module of its own: these answer "is this word a name word?" from the lexicons, and change when a
lexicon or the notion of a name word changes, not when a pass does. Every pass and both backends use the
same answers, so a word list is written once here.

Data: reference/countries.yml (country names and demonyms), reference/roles.yml (positions, kinship,
modifiers, courtesy titles), reference/particles.yml, reference/legal_forms.yml, reference/org_words.yml.
"""

from __future__ import annotations

import re
from functools import cache

from unidecode import unidecode

from reconcile.extraction.context import flatten
from reconcile.reference import (
    country_terms,
    courtesy_titles,
    legal_forms,
    org_words,
    particles,
    role_kinship,
    role_modifiers,
    role_positions,
)

__all__ = [
    "NOT_NAME",
    "SENTENCE_WORDS",
    "WORD",
    "contains",
    "country_words",
    "ends_with_legal_form",
    "is_name_word",
    "legal_form_phrases",
    "legal_form_tokens",
    "name_particles",
    "norm",
    "role_words",
    "tokens",
]

#: A word with inner hyphens, apostrophes or dots ("Al-Assad", "O'Neil", "S.A").
WORD = re.compile(r"\w+(?:[-'.]\w+)*")

#: Capitalised words that start sentences or name days and months (compared lower-case): never the first
#: word of a name. The rules backend drops them from the front of a capitalised run.
SENTENCE_WORDS = frozenset(
    "a an and as at but by for from he her his i if in it its no not of on or our she so that the their then"
    " there these they this those to we when where which while who with you today yesterday however also"
    " additionally moreover meanwhile furthermore related according under since after before monday tuesday"
    " wednesday thursday friday saturday sunday january february march april may june july august september"
    " october november december".split()
)

#: Capitalised words that are never part of a name: the sentence words plus a few that open headings
#: ("Related Content") and identifier phrases ("IMO 9038842", "Passport G123").
NOT_NAME = SENTENCE_WORDS | frozenset({"content", "imo", "my", "passport", "tomorrow"})


def norm(text: str) -> str:
    """Comparison form of a span: flattened, ASCII, casefolded words joined by single spaces."""
    return " ".join(WORD.findall(unidecode(flatten(text)).casefold()))


def tokens(text: str) -> tuple[str, ...]:
    """The words of `norm(text)`."""
    return tuple(norm(text).split())


def legal_form_tokens(text: str) -> tuple[str, ...]:
    """Tokens as legal_forms.yml writes them: dots dropped ("S.A." -> "sa"), lower-case ASCII."""
    return tuple(re.findall(r"\w+", unidecode(text.replace(".", "")).casefold()))


def contains(haystack: tuple[str, ...], needle: tuple[str, ...]) -> bool:
    """True when `needle` occurs as a contiguous run of `haystack`."""
    n = len(needle)
    return any(haystack[i : i + n] == needle for i in range(len(haystack) - n + 1))


def ends_with_legal_form(text: str) -> bool:
    """True when a span of two words or more ends in an organisation word or a legal form ("... KFT")."""
    toks = legal_form_tokens(text)
    if len(toks) < 2:
        return False
    if toks[-1] in org_words():
        return True
    return any(toks[-len(p) :] == p for p in legal_form_phrases() if len(p) < len(toks))


@cache
def name_particles() -> frozenset[str]:
    """Particles that join the words of a person's name: European, Arabic articles, filiation."""
    p = particles()
    return p.get("european", frozenset()) | p.get("arabic_articles", frozenset()) | p.get("filiation", frozenset())


@cache
def legal_form_phrases() -> tuple[tuple[str, ...], ...]:
    """Legal forms as token tuples, longest first, so the longest matching form wins."""
    return tuple(sorted(legal_forms(), key=len, reverse=True))


@cache
def country_words() -> frozenset[str]:
    """Country names and demonyms as printed ("Venezuela", "Venezuelan")."""
    return frozenset(term for term, _ in country_terms())


@cache
def role_words() -> frozenset[str]:
    """Every word of roles.yml: positions, kinship, modifiers and courtesy titles (lower-case)."""
    return role_positions() | role_kinship() | role_modifiers() | courtesy_titles()


def is_name_word(word: str) -> bool:
    """A capitalised word that can continue a person's name (not a role, month, country or stop word)."""
    lw = word.lower().rstrip(".")
    return (
        word[:1].isupper()
        and lw not in NOT_NAME
        and lw not in role_words()
        and word not in country_words()
        and not word.isupper()
        and not any(c.isdigit() for c in word)
        and not lw.endswith("'s")
    )
