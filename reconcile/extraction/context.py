"""Context around a mention: sentences, countries, sanction cues and identifiers printed next to a name.

Data: reference/countries.yml (names and demonyms -> ISO-2), reference/sanction_cues.yml (listing and
delisting phrases). Everything here works on "flattened" text in which curly quotes are replaced by
straight ones (same length, so offsets are unchanged); see `flatten`.
Left out on purpose: countries named only by a city other than a few capitals; dates of birth (the
linkage reads them from the SDN side; news rarely prints them next to a name).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from reconcile.extraction.base import Identifier
from reconcile.reference import country_terms, sanction_cue_patterns

_FLAT = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"})


def flatten(text: str) -> str:
    """Curly quotes and dashes to ASCII, one character for one, so offsets stay valid."""
    return text.translate(_FLAT)


# ---- sentences -------------------------------------------------------------------------------------

#: Words that end with a dot without ending a sentence (compared lower-case, without the final dot).
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr gen col lt maj sgt capt adm brig gov sen rep st jr sr inc ltd co corp vs etc"
    " jan feb mar apr jun jul aug sep sept oct nov dec approx dept est fig op pp art sec".split()
)
_SENT_END = re.compile(r"[.!?]+['\")\]]*\s+(?=['\"(\[]?[A-Z0-9])")
_DOTTED = re.compile(r"^(?:[A-Za-z]\.)*[A-Za-z]$")


def split_sentences(text: str, start: int = 0) -> list[tuple[int, int]]:
    """Sentence spans (absolute offsets) of one paragraph that begins at `start` in the body.

    A rule-based splitter, shared by both backends so a mention's sentence does not depend on the model.
    It does not end a sentence after initials and dotted abbreviations ("U.S.", "E.O.", "Gen.").
    """
    flat = flatten(text)
    spans = []
    begin = 0
    for m in _SENT_END.finditer(flat):
        word = flat[: m.start()].rsplit(None, 1)[-1] if flat[: m.start()].strip() else ""
        word = word.lstrip("(\"'")
        if word.lower() in _ABBREVIATIONS or _DOTTED.match(word):
            continue
        if word.lower() in {"no", "nos"} and flat[m.end() : m.end() + 1].isdigit():
            continue  # "No. 5"
        spans.append((start + begin, start + m.start() + len(m.group().rstrip())))
        begin = m.end()
    if begin < len(text):
        spans.append((start + begin, start + len(text.rstrip())))
    return [(a, b) for a, b in spans if b > a]


# ---- countries -------------------------------------------------------------------------------------


@cache
def _country_regex() -> tuple[re.Pattern[str], dict[str, str]]:
    terms = country_terms()
    lookup = {term: code for term, code in terms}
    alternation = "|".join(re.escape(term) for term, _ in terms)
    return re.compile(rf"(?<![\w.])({alternation})(?:'s)?(?![\w])"), lookup


def find_countries(flat: str, start: int, end: int, exclude: Iterable[tuple[int, int]] = ()) -> list[str]:
    """ISO-2 codes of country names and demonyms in flat[start:end], in order, without repeats.

    Terms inside an excluded span (a person's or organisation's own name: "Jordan Kamcev") do not count.
    """
    pattern, lookup = _country_regex()
    blocked = list(exclude)
    codes: list[str] = []
    for m in pattern.finditer(flat, start, end):
        a, b = m.span(1)
        if any(x <= a and b <= y for x, y in blocked):
            continue
        code = lookup[m.group(1)]
        if code not in codes:
            codes.append(code)
    return codes


# ---- sanction cues ---------------------------------------------------------------------------------


@cache
def _cue_regexes() -> tuple[tuple[re.Pattern[str], ...], tuple[re.Pattern[str], ...]]:
    delisting, listing = sanction_cue_patterns()

    def compile_all(fragments: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(r"(?<!\w)(?:" + f + r")(?!\w)", re.I) for f in fragments)

    return compile_all(delisting), compile_all(listing)


def find_sanction_cue(sentence: str) -> tuple[bool, str | None, bool]:
    """(flagged, cue text as printed, is_delisting) for one sentence.

    Delisting cues win over listing ones; within each list the first fragment that matches wins, so the
    file orders them from most to least telling ("designated" before a bare "OFAC").
    """
    delisting, listing = _cue_regexes()
    flat = flatten(sentence)
    for patterns, is_delisting in ((delisting, True), (listing, False)):
        for pattern in patterns:
            m = pattern.search(flat)
            if m:
                return True, sentence[m.start() : m.end()], is_delisting
    return False, None, False


# ---- identifiers -----------------------------------------------------------------------------------

_IMO = re.compile(r"\bIMO(?:\s*(?:No\.?|number|#))?\s*:?\s*(\d{7})\b", re.I)
_PASSPORT = re.compile(r"\bpassport(?:\s+(?:no\.?|number|#))?\s*:?\s*([A-Z]{0,3}[0-9][A-Z0-9-]{4,14})\b", re.I)
_NATIONAL_ID = re.compile(
    r"\b(?:national\s+id(?:entification)?|c[eé]dula(?:\s+de\s+identidad)?|identification|identity\s+card|DNI|CURP|RFC"
    r"|tax\s+id(?:entification)?|ID)(?:\s+(?:no\.?|number|#))?\s*:?\s*([A-Z]{0,2}-?[0-9][0-9A-Z.-]{3,20})\b",
    re.I,
)
#: Aircraft registrations: nationality mark, dash, 3-5 characters (EW-001PA, 4K-AZ3, UP-B5701).
_REGISTRATION = re.compile(r"(?<![\w-])((?:[A-Z]{1,2}|[0-9][A-Z]|[A-Z][0-9])-[A-Z0-9]{3,5})(?![\w-])")
_AIRCRAFT_CONTEXT = re.compile(
    r"\b(?:aircraft|airplane|aeroplane|plane|jet|airliner|helicopter|tail number|registration|Boeing|Airbus"
    r"|Gulfstream|Embraer|Bombardier|Cessna|Dassault|Ilyushin|Tupolev|Antonov)\b",
    re.I,
)


def imo_is_valid(number: str) -> bool:
    """IMO ship numbers carry a check digit: sum of the first six digits times 7..2, mod 10."""
    if len(number) != 7 or not number.isdigit():
        return False
    return sum(int(d) * w for d, w in zip(number[:6], range(7, 1, -1), strict=True)) % 10 == int(number[6])


def find_identifiers(flat: str, start: int, end: int) -> list[tuple[int, Identifier]]:
    """Identifiers printed in flat[start:end] with their offsets: IMO, passport, national ID numbers."""
    found: list[tuple[int, Identifier]] = []
    for m in _IMO.finditer(flat, start, end):
        if imo_is_valid(m.group(1)):
            found.append((m.start(), Identifier("imo", m.group(1))))
    for m in _PASSPORT.finditer(flat, start, end):
        found.append((m.start(), Identifier("passport", m.group(1))))
    for m in _NATIONAL_ID.finditer(flat, start, end):
        if any(a <= m.start() < a + 40 and i.kind == "passport" for a, i in found):
            continue
        found.append((m.start(), Identifier("national_id", m.group(1).rstrip(".-"))))
    return sorted(found, key=lambda p: p[0])


def find_registrations(flat: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Aircraft registrations in flat[start:end], only where the text talks about aircraft."""
    if not _AIRCRAFT_CONTEXT.search(flat, start, end):
        return []
    return [(m.start(1), m.end(1), m.group(1)) for m in _REGISTRATION.finditer(flat, start, end)]
