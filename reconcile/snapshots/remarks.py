"""Turn an SDN entry's remarks into structured facts and aliases, losing nothing.

OFAC packs everything it knows about an entry into one remarks field of `; `-separated parts:
`DOB 23 Nov 1962; POB Caracas, Venezuela; Passport 123 (Venezuela); a.k.a. 'NAME'; Linked To: X.`.
Each part becomes either a RemarkAlias (a.k.a./f.k.a./n.k.a. 'NAME') or exactly one Fact, in text order:

- dob: value as written; date_from/date_to are the first and last day it allows ("23 Nov 1962", "Nov
  1962", "1962", "1960 to 1962", "circa 1962" with detail "circa"); pob (country = the place's last
  segment); nationality and citizenship (country = the value); gender; linked_to (value = the target).
- parts opening with a label of reference/remark_labels.yml (Passport, Tax ID No., Email Address, ...):
  the kind and detail that file gives; a document's value is its number, with the country in
  parentheses and "issued"/"expires" dates as date_from/date_to.
- anything else (positions, one-off notes, the cut end of a remark): kind "other", the part verbatim.

A part opening with "alt." is an alternative of the previous fact: is_alt=True, and when its own text
has no label ("DOB 1960; alt. 1961") it takes the previous fact's kind. The remarks' closing "." is
dropped, except from a Linked To name that ends with an abbreviation of its own ("... S.A. DE C.V.",
"... LTD."). Quality (strong/weak) is read from "(weak)"/"(low quality)" next to an alias when written;
the legacy files seen so far never write it. A remark filling the REMARKS_FIELD_LIMIT field without a
closing "." was cut by OFAC with no SDN_COMMENTS.CSV to continue it: its last part is kept as "other"
with detail "truncated" rather than read as a (wrong) name, number or date.
"""

from __future__ import annotations

import re
from calendar import monthrange
from datetime import date

from reconcile.reference import dotted_name_endings, remark_labels
from reconcile.snapshots.parse import REMARKS_FIELD_LIMIT
from reconcile.snapshots.records import Fact, ParsedRemarks, RemarkAlias

__all__ = ["parse_date_range", "parse_remarks"]

_PART_SPLIT = re.compile(r";\s+")
_ALT = re.compile(r"^alt\.?\s+", re.IGNORECASE)
_ALIAS = re.compile(
    r"^(?P<kind>[afn])\.k\.a\.\s*(?P<before>\((?:weak|strong|low quality|high quality)\)\s*)?"
    r"(?P<name>.*?)\s*(?P<after>\((?:weak|strong|low quality|high quality)(?: a\.k\.a\.)?\))?$",
    re.IGNORECASE,
)
_CORE = re.compile(r"^(?P<label>DOB|POB|nationality|citizen|Gender|Linked To)(?::\s*|\s+)(?P<value>.+)$", re.IGNORECASE)
_CORE_KINDS = {
    "dob": "dob",
    "pob": "pob",
    "nationality": "nationality",
    "citizen": "citizenship",
    "gender": "gender",
    "linked to": "linked_to",
}
_DOCUMENT = re.compile(
    r"^(?P<number>.*?)(?:\s*\((?P<country>[^()]*)\))?"
    r"(?:\s+issued\s+(?P<issued>[^()]+?))?(?:\s+expires\s+(?P<expires>[^()]+?))?$",
    re.IGNORECASE,
)
_MONTHS = {m: i for i, m in enumerate(("jan feb mar apr may jun jul aug sep oct nov dec").split(), start=1)}
_DAY_MONTH_YEAR = re.compile(r"^(?:(?P<day>\d{1,2})\s+)?(?:(?P<month>[A-Za-z]{3})[a-z]*\.?\s+)?(?P<year>\d{4})$")
#: Labels are matched on at most this many leading characters (the longest listed label is ~90).
_LONGEST_LABEL = 120
_BOUNDARY = re.compile(r"[ :]")
_RANGE = re.compile(r"\s+to\s+|\s*-\s*(?=\d{4}$)", re.IGNORECASE)


def parse_remarks(remarks: str | None) -> ParsedRemarks:
    """Facts and aliases of one entry's remarks (SDN.CSV remarks with any continuation merged).

    Args:
        remarks: the remarks as stored; None or OFAC's null marker give an empty result.

    Returns:
        ParsedRemarks whose facts follow the text order; every part is one alias or one fact.
    """
    result = ParsedRemarks()
    text = (remarks or "").strip()
    if not text or text == "-0-":
        return result
    # A full field (less any trailing spaces trimmed) that does not close with "." was cut by OFAC.
    truncated = REMARKS_FIELD_LIMIT - 10 < len(text) <= REMARKS_FIELD_LIMIT and not text.endswith(".")
    labels = remark_labels()
    parts = _split_parts(text, labels)
    for index, part in enumerate(parts):
        last = index == len(parts) - 1
        if last and truncated:
            result.facts.append(Fact("other", part, detail="truncated"))
            continue
        closing_dot = last and part.endswith(".")
        if closing_dot:
            part = part[:-1].rstrip()
        is_alt = bool(_ALT.match(part))
        body = _ALT.sub("", part, count=1) if is_alt else part
        if not body:
            continue
        alias = _alias(body)
        if alias is not None:
            result.aliases.append(alias)
            continue
        previous = result.facts[-1] if result.facts else None
        fact = _fact(body, labels, previous if is_alt else None)
        if fact.kind == "linked_to" and closing_dot and _keeps_dot(fact.value):
            fact = Fact("linked_to", fact.value + ".")
        if is_alt:
            fact = Fact(fact.kind, fact.value, fact.detail, fact.country, fact.date_from, fact.date_to, True)
        result.facts.append(fact)
    return result


def parse_date_range(text: str) -> tuple[date, date] | None:
    """First and last day an OFAC date allows: "23 Nov 1962", "Nov 1962", "1962", "1960 to 1962".

    "circa" is ignored here (the caller records it); an impossible date ("31 Feb 1970") or any other
    wording gives None rather than a guess.
    """
    value = re.sub(r"^circa\s+", "", text.strip(), flags=re.IGNORECASE)
    ends = _RANGE.split(value, maxsplit=1)
    first = _date_bounds(ends[0])
    last = _date_bounds(ends[-1])
    if first is None or last is None or last[1] < first[0]:
        return None
    return first[0], last[1]


def _split_parts(text: str, labels: dict[str, tuple[str, str]]) -> list[str]:
    """Split at "; ", then rejoin a quoted alias name that itself held "; " (its quote left open)."""
    pieces = _PART_SPLIT.split(text)
    parts: list[str] = []
    for piece in pieces:
        if parts and _open_alias(parts[-1]) and not _starts_part(piece, labels):
            parts[-1] = f"{parts[-1]}; {piece}"
        else:
            parts.append(piece)
    return [p.strip() for p in parts if p.strip()]


def _open_alias(part: str) -> bool:
    if "k.a." not in part[:12]:
        return False
    m = _ALIAS.match(_ALT.sub("", part, count=1))
    if m is None:
        return False
    name = m.group("name").rstrip(".")
    return name.startswith("'") and (len(name) == 1 or not name.endswith("'"))


def _starts_part(piece: str, labels: dict[str, tuple[str, str]]) -> bool:
    """Whether a piece reads as a part of its own (alt., an alias, DOB, a listed label...)."""
    body = _ALT.sub("", piece, count=1)
    return piece != body or bool(_ALIAS.match(body) or _CORE.match(body) or _label(body, labels))


def _alias(body: str) -> RemarkAlias | None:
    m = _ALIAS.match(body)
    if m is None:
        return None
    name = m.group("name").strip()
    if len(name) >= 2 and name[0] == "'" and name[-1] == "'":
        name = name[1:-1].strip()
    elif name.startswith("'"):
        name = name[1:].strip()
    if not name:
        return None
    quality_text = (m.group("before") or m.group("after") or "").lower()
    quality = None
    if "weak" in quality_text or "low" in quality_text:
        quality = "weak"
    elif "strong" in quality_text or "high" in quality_text:
        quality = "strong"
    return RemarkAlias(name=name, kind=m.group("kind").lower() + "ka", quality=quality)


def _fact(body: str, labels: dict[str, tuple[str, str]], previous: Fact | None) -> Fact:
    core = _CORE.match(body)
    if core:
        return _core_fact(_CORE_KINDS[core.group("label").lower()], core.group("value").strip())
    found = _label(body, labels)
    if found is not None:
        label_len, kind, detail = found
        return _labelled_fact(kind, detail, body[label_len:].lstrip(" :-").strip(), body)
    if previous is not None:
        if previous.kind in ("dob", "pob", "nationality", "citizenship", "gender", "linked_to"):
            return _core_fact(previous.kind, body)
        if previous.kind in ("document", "contact", "digital_currency") and previous.detail:
            return _labelled_fact(previous.kind, previous.detail, body, body)
    return Fact("other", body)


def _core_fact(kind: str, value: str) -> Fact:
    if kind == "dob":
        circa = value.lower().startswith("circa")
        span = parse_date_range(value)
        return Fact("dob", value, "circa" if circa else None, None, *(span or (None, None)))
    if kind == "pob":
        return Fact("pob", value, country=_place_country(value))
    if kind in ("nationality", "citizenship"):
        return Fact(kind, value, country=value)
    return Fact(kind, value)


def _labelled_fact(kind: str, detail: str, rest: str, body: str) -> Fact:
    if not rest:
        return Fact(kind, body, detail)
    if kind == "document":
        m = _DOCUMENT.match(rest)
        if m and m.group("number"):
            issued = parse_date_range(m.group("issued")) if m.group("issued") else None
            expires = parse_date_range(m.group("expires")) if m.group("expires") else None
            return Fact(
                "document",
                m.group("number").strip(),
                detail,
                (m.group("country") or "").strip() or None,
                issued[0] if issued else None,
                expires[1] if expires else None,
            )
        return Fact("document", rest, detail)
    if kind == "digital_currency":
        ticker, _, address = rest.partition(" ")
        if address.strip():
            return Fact(kind, address.strip(), ticker)
        return Fact(kind, rest, detail)
    if detail.endswith("_date"):
        # "Listing Date (EO 14024 Directive 2): 24 Feb 2022": the qualifier stays in the value.
        span = parse_date_range(rest.rsplit(":", 1)[-1])
        return Fact(kind, rest, detail, None, *(span or (None, None)))
    return Fact(kind, rest, detail)


def _label(body: str, labels: dict[str, tuple[str, str]]) -> tuple[int, str, str] | None:
    """(length, kind, detail) of the longest listed label that opens `body` and ends at a word boundary."""
    lower = body.lower()
    ends = [m.start() for m in _BOUNDARY.finditer(lower, 0, _LONGEST_LABEL)] + [len(lower)]
    for end in reversed(ends):
        hit = labels.get(lower[:end].rstrip())
        if hit is not None:
            return end, *hit
    return None


def _place_country(place: str) -> str:
    """The country of "City, Region, Country", keeping OFAC's comma names ("Korea, North")."""
    segments = [s.strip() for s in place.split(",") if s.strip()]
    if not segments:
        return place
    country = segments[-1]
    tail = country.lower()
    if len(segments) > 1 and (tail in ("north", "south", "the") or tail.endswith((" of", " of the"))):
        country = f"{segments[-2]}, {country}"
    return country


def _keeps_dot(name: str) -> bool:
    """Whether a name closing the remarks ended with its own "." ("S.A.", "LTD.") besides the full stop."""
    words = name.replace(",", " ").split()
    if not words:
        return False
    word = words[-1]
    return "." in word or f"{word.upper()}." in dotted_name_endings()


def _date_bounds(text: str) -> tuple[date, date] | None:
    m = _DAY_MONTH_YEAR.match(text.strip())
    if m is None:
        return None
    year = int(m.group("year"))
    if year < 1:
        return None
    month_text = m.group("month")
    if month_text is None:
        if m.group("day"):
            return None
        return date(year, 1, 1), date(year, 12, 31)
    month = _MONTHS.get(month_text.lower()[:3])
    if month is None:
        return None
    if m.group("day") is None:
        return date(year, month, 1), date(year, month, monthrange(year, month)[1])
    day = int(m.group("day"))
    if not 1 <= day <= monthrange(year, month)[1]:
        return None
    return date(year, month, day), date(year, month, day)
