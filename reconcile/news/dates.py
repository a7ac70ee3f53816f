"""Publication dates: from a record's field, an HTML meta tag, or a date printed on an article's first line.

Accepted: ISO dates and timestamps ("2019-06-28", "2019-06-28T14:00:00Z"), "June 28, 2019",
"Jun. 28, 2019", "Friday, June 28, 2019", "28 June 2019". Left out on purpose: numeric day/month
orders ("06/07/2019"), which are ambiguous between US and European writing.
"""

from __future__ import annotations

import re
from datetime import date

_MONTHS = {
    m: i
    for i, ms in enumerate(
        [
            "jan january",
            "feb february",
            "mar march",
            "apr april",
            "may",
            "jun june",
            "jul july",
            "aug august",
            "sep sept september",
            "oct october",
            "nov november",
            "dec december",
        ],
        start=1,
    )
    for m in ms.split()
}
_MONTH = r"(?P<m>[A-Za-z]{3,9})\.?"
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
_PATTERNS = (
    re.compile(r"^\s*(?P<y>\d{4})-(?P<mn>\d{2})-(?P<d>\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\s*$"),
    re.compile(rf"^\s*{_WEEKDAY}{_MONTH}\s+(?P<d>\d{{1,2}}),?\s+(?P<y>\d{{4}})\s*$", re.I),
    re.compile(rf"^\s*{_WEEKDAY}(?P<d>\d{{1,2}})\s+{_MONTH},?\s+(?P<y>\d{{4}})\s*$", re.I),
)


def parse_date(text: str) -> date | None:
    """The date written in `text` (the whole text must be a date), or None."""
    for pattern in _PATTERNS:
        m = pattern.match(text)
        if not m:
            continue
        groups = m.groupdict()
        month = int(groups["mn"]) if groups.get("mn") else _MONTHS.get((groups.get("m") or "").lower())
        if not month:
            continue
        try:
            return date(int(groups["y"]), month, int(groups["d"]))
        except ValueError:
            return None
    return None


def parse_first_line_date(line: str) -> date | None:
    """A date standing alone on an article's first line, as Treasury press releases print it."""
    return parse_date(line) if len(line) <= 40 else None
