"""The normalization pipeline: raw name text to a NormalizedName, identical for news and list sides.

Steps, each in its own module and driven by one reference/ file:
text.clean_text (script -> Latin, casefold, punctuation) -> kind guess (legal_forms) ->
organisations: legal form removed (legal_forms.yml), articles and stopwords dropped (particles.yml);
persons: titles and ranks removed (honorifics.yml), particles applied (particles.yml), given names and
surnames split by convention (name_parts), given-name spellings folded (given_name_equivalents.yml) ->
phonetic key per token (phonetic).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from reconcile.normalize.honorifics import honorific_span
from reconcile.normalize.legal_forms import legal_form_span, looks_like_organization
from reconcile.normalize.name_parts import canonical_given, split_list_order, split_news_order
from reconcile.normalize.particles import Word, apply_particles, split_words
from reconcile.normalize.phonetic import phonetic_key
from reconcile.normalize.text import clean_text

__all__ = ["CONVENTIONS", "KINDS", "NormalizedName", "normalize_many", "normalize_name"]

KINDS = ("person", "organization", "vessel", "aircraft")
CONVENTIONS = ("list", "news")


@dataclass(frozen=True)
class NormalizedName:
    """A name in the normalized form both sides are compared in; every string is lower-case ASCII.

    Attributes:
        raw: the text as received.
        kind: person | organization | vessel | aircraft: as given, or guessed when None was given
            (a legal form or an organisation cue word -> organization, otherwise person).
        latin: the whole text transliterated, casefolded, punctuation removed (nothing else dropped).
        full_norm: content tokens joined by spaces: persons given names then surnames, with titles,
            particles and suffixes removed and given-name spellings folded; organisations without legal form,
            articles and stopwords; vessels and aircraft without articles.
        tokens: the tokens of full_norm.
        sorted_key: tokens sorted and space-joined (order-free comparison and blocking).
        given_names / surnames: person name parts (empty tuples for other kinds).
        first_given / first_surname / last_surname: first given name, first and last surname, or None.
        honorifics: canonical titles, ranks and generational suffixes removed from the name.
        legal_form: canonical legal form of an organisation, or None.
        phonetic: phonetic.phonetic_key of each token, aligned with tokens.
        initials: first letter of each token, in order.
    """

    raw: str
    kind: str | None
    latin: str
    full_norm: str
    tokens: tuple[str, ...]
    sorted_key: str
    given_names: tuple[str, ...]
    surnames: tuple[str, ...]
    first_given: str | None
    first_surname: str | None
    last_surname: str | None
    honorifics: tuple[str, ...]
    legal_form: str | None
    phonetic: tuple[str, ...]
    initials: str


def _person_parts(cleaned: str, convention: str, raw: str) -> tuple[list[str], list[str], list[str]]:
    """(given, surnames, honorifics) of a person name."""
    honorifics: list[str] = []
    segments = [s.strip() for s in cleaned.split(",")] if convention == "list" else [cleaned.replace(",", " ")]
    segments = [s for s in segments if s] or [""]
    if convention == "list" and len(segments) > 1:
        parts: list[list[str]] = []
        for seg in segments:
            words = split_words(seg)
            start, end, found = honorific_span([w.text for w in words])
            honorifics.extend(found)
            tokens, _ = apply_particles(words[start:end])
            parts.append(tokens)
        given, surnames = split_list_order(parts)
    else:
        words = split_words(segments[0] if len(segments) == 1 else " ".join(segments))
        start, end, found = honorific_span([w.text for w in words])
        honorifics.extend(found)
        tokens, surname_at = apply_particles(words[start:end])
        given, surnames = split_news_order(tokens, surname_at, raw)
    return canonical_given(given), canonical_given(surnames), honorifics


def _other_parts(words: list[Word], kind: str) -> tuple[list[str], str | None]:
    """(content tokens, legal form) of an organisation, vessel or aircraft name."""
    form: str | None = None
    start, end = 0, len(words)
    if kind == "organization":
        start, end, form = legal_form_span([w.text for w in words])
    tokens, _ = apply_particles(words[start:end], organization=True)
    return tokens, form


@lru_cache(maxsize=262_144)
def _normalize(raw: str, kind: str | None, convention: str) -> NormalizedName:
    cleaned = clean_text(raw)
    latin = " ".join(cleaned.replace(",", " ").replace("-", " ").split())
    if kind is None:
        kind = "organization" if looks_like_organization(latin.split()) else "person"
    given: list[str] = []
    surnames: list[str] = []
    honorifics: list[str] = []
    form: str | None = None
    if kind == "person":
        given, surnames, honorifics = _person_parts(cleaned, convention, raw)
        tokens = given + surnames
    else:
        tokens, form = _other_parts(split_words(cleaned.replace(",", " ")), kind)
    if not tokens:
        tokens = latin.split()
    return NormalizedName(
        raw=raw,
        kind=kind,
        latin=latin,
        full_norm=" ".join(tokens),
        tokens=tuple(tokens),
        sorted_key=" ".join(sorted(tokens)),
        given_names=tuple(given),
        surnames=tuple(surnames),
        first_given=given[0] if given else None,
        first_surname=surnames[0] if surnames else None,
        last_surname=surnames[-1] if surnames else None,
        honorifics=tuple(honorifics),
        legal_form=form,
        phonetic=tuple(map(phonetic_key, tokens)),
        initials="".join(t[0] for t in tokens),
    )


def normalize_name(raw: str, kind: str | None = None, convention: str = "news") -> NormalizedName:
    """Normalize one name, the same way for news mentions and SDN list names.

    Args:
        raw: the name as written, any script.
        kind: "person", "organization", "vessel", "aircraft", or None to guess (a legal form or an
            organisation cue word makes it an organisation, otherwise a person).
        convention: "list" for OFAC's "SURNAME(S), Given Names" order of individuals, "news" for
            "Given Surname(s)". Only person names use it.

    Returns:
        The NormalizedName; results are cached, so normalizing the same name again is a dictionary lookup.

    Raises:
        ValueError: kind or convention is not one of the documented values.

    Examples:
        >>> n = normalize_name("MADURO MOROS, Nicolas", "person", "list")
        >>> n.full_norm, n.surnames, n.first_given
        ('nicolas maduro moros', ('maduro', 'moros'), 'nicolas')
        >>> normalize_name("Nicolás Maduro").surnames
        ('maduro',)
    """
    if kind is not None and kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS} or None, not {kind!r}")
    if convention not in CONVENTIONS:
        raise ValueError(f"convention must be one of {CONVENTIONS}, not {convention!r}")
    return _normalize(raw, kind, convention)


def normalize_many(
    raws: Iterable[str], kinds: Sequence[str | None] | str | None = None, convention: str = "news"
) -> list[NormalizedName]:
    """Normalize many names; kinds is one kind for all, None to guess each, or one kind per name."""
    raws = list(raws)
    if kinds is None or isinstance(kinds, str):
        kinds = [kinds] * len(raws)
    if len(kinds) != len(raws):
        raise ValueError(f"{len(raws)} names but {len(kinds)} kinds")
    return [normalize_name(r, k, convention) for r, k in zip(raws, kinds, strict=True)]
