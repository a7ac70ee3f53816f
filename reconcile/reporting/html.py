"""The run's HTML report: one self-contained file an analyst can open offline, read, and print.

Fills reports/templates/report.html.j2 (Jinja2, autoescaping on) from a `RunReport`. Everything the page
needs is inside the file: CSS inline, charts as inline SVG (reconcile/reporting/charts.py), one short
inline script that only opens collapsed sections before printing. A Content-Security-Policy in the page
forbids every fetch and every script but that one (allowed by its hash), so even a name from the news that
slipped past escaping could neither run nor call out.

Names, sentences and titles come from untrusted news: they reach the page only through Jinja's
autoescaping or `markupsafe.escape`; the only `Markup` built here is from escaped pieces.
"""

from __future__ import annotations

import base64
import hashlib
import logging
import os
import re
import tempfile
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from functools import cache
from html import escape as _escape
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import jinja2
import pyarrow as pa
from markupsafe import Markup, escape

from reconcile import __version__
from reconcile.reporting.bands import BANDS, band_for
from reconcile.reporting.charts import (
    BAND_COLOURS,
    Contribution,
    band_bar_chart,
    contribution_chart,
    probability_histogram,
)
from reconcile.reporting.model import RunReport
from reconcile.resources import reports_dir

__all__ = ["render_html"]

log = logging.getLogger(__name__)

_TEMPLATE = "report.html.j2"

#: Opens every collapsed section before printing, so a printed report never hides rows.
_PRINT_SCRIPT = (
    "window.addEventListener('beforeprint',function(){"
    "document.querySelectorAll('details').forEach(function(d){d.open=true;});});"
)

#: Columns each table must carry (contract in reconcile/reporting/model.py); extra columns are ignored.
_REQUIRED: dict[str, tuple[str, ...]] = {
    "matches": tuple(
        """match_id found_by article_source article_title surface canonical_name kind role sentence ent_num
        sdn_name matched_name sdn_type programs sdn_title match_probability match_weight band is_alert
        ofac_score explanation contributions review_status""".split()
    ),
    "unmatched": tuple(
        """article_source article_title surface canonical_name kind role sanction sanction_cue delisting
        sentence best_ent_num best_sdn_name best_probability""".split()
    ),
    "diff": ("ent_num", "change", "field", "old_value", "new_value", "sdn_name"),
}

#: Diff groups longer than this start collapsed; shorter ones are shown open.
_COLLAPSE_AFTER = 15


def render_html(report: RunReport, path: Path) -> Path:
    """Write the run's report as one self-contained HTML file.

    The file is written beside its final name and moved into place, so a reader never sees half a report.

    Args:
        report: the run's data, as the weekly run hands it to every renderer.
        path: where to write the file (parent folders are created).

    Returns:
        The path written.

    Raises:
        ValueError: a table lacks a column the contract promises (a bug in the producer, not bad input).

    Examples:
        >>> render_html(report, Path("reports") / report.summary.run_id / "report.html")  # doctest: +SKIP
    """
    _check_columns(report)
    html = _template().render(**_context(report))
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(html)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    log.info("wrote HTML report %s (%d bytes)", path, len(html))
    return path


@cache
def _template() -> jinja2.Template:
    """The report template, loaded once; autoescaping on for every variable."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(reports_dir() / "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["prob"] = _fmt_probability
    env.filters["weight"] = lambda w: "" if w is None else f"{w:+.1f}"
    env.filters["when"] = _fmt_datetime
    env.filters["day"] = lambda d: "—" if d is None else d.isoformat()
    env.filters["dash"] = lambda v: "—" if v is None or v == "" or v == [] else v
    return env.get_template(_TEMPLATE)


def _check_columns(report: RunReport) -> None:
    """Fail loudly on a contract break rather than render a report with silently empty fields."""
    for name, required in _REQUIRED.items():
        table: pa.Table = getattr(report, name)
        if name == "diff" and table.num_rows == 0:
            continue  # a first run may hand over a bare empty table
        missing = [c for c in required if c not in table.column_names]
        if missing:
            raise ValueError(
                f"RunReport.{name} lacks column(s) {', '.join(missing)} (see reporting/model.py)"
            )


def _context(report: RunReport) -> dict[str, Any]:
    """Everything the template shows, already ordered and formatted."""
    s = report.summary
    matches = _match_rows(report.matches)
    unmatched = _unmatched_rows(report.unmatched)
    band_counts = Counter(m.band for m in matches)
    csp = (
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
        f"script-src '{_script_hash(_PRINT_SCRIPT)}'; base-uri 'none'; form-action 'none'"
    )
    return {
        "s": s,
        "title": f"Reconciliation run {s.run_id}",
        "duration": _fmt_duration(s.started_at, s.finished_at),
        "counts": [(k.replace("_", " "), v) for k, v in s.counts.items()],
        "bands": [
            {**vars(b), "colour": BAND_COLOURS.get(b.name, "#64748b"), "count": band_counts.get(b.name, 0)}
            for b in BANDS
        ],
        "threshold_band": band_for(s.threshold),
        "alerts": sum(1 for m in matches if m.is_alert),
        "matches": matches,
        "band_chart": band_bar_chart(dict(band_counts)),
        "histogram": probability_histogram(m.match_probability for m in matches),
        "unmatched_sanction": [u for u in unmatched if u.sanction],
        "unmatched_other": [u for u in unmatched if not u.sanction],
        "diff": _diff_context(report.diff),
        "mention_count": report.mentions.num_rows,
        "csp": csp,
        "script": Markup(_PRINT_SCRIPT),
        "version": __version__,
        "collapse_after": _COLLAPSE_AFTER,
    }


def _match_rows(table: pa.Table) -> list[SimpleNamespace]:
    """One card per match (name key and entry), strongest first, listing every mention that carries the name.

    The matches table has a row per mention; an analyst decides per name and entry (review memory is keyed
    the same way), so eleven "Maduro" mentions are one decision with eleven sentences of context.
    """
    rows: list[dict[str, Any]] = table.select(list(_REQUIRED["matches"])).to_pylist()
    rows.sort(
        key=lambda r: (-(r["match_probability"] or 0.0), -(r["match_weight"] or 0.0), r["match_id"] or "")
    )
    cards: dict[tuple[Any, Any], dict[str, Any]] = {}
    for r in rows:
        key = (r["match_id"], r["ent_num"])
        context = {
            "surface": r["surface"],
            "article_title": r["article_title"],
            "article_source": r["article_source"],
            "sentence_html": highlight(r["sentence"], (r["surface"], r["canonical_name"])),
        }
        if key in cards:
            cards[key]["mentions"].append(SimpleNamespace(**context))
            continue
        r["mentions"] = [SimpleNamespace(**context)]
        r["name"] = r["canonical_name"] or r["surface"]
        cards[key] = r
    out = list(cards.values())
    for i, r in enumerate(out, 1):
        r["n"] = i
        r["anchor"] = f"m{i}"
        r["band"] = r["band"] or band_for(r["match_probability"] or 0.0)
        steps = [
            Contribution(
                str(c.get("comparison") or ""), str(c.get("label") or ""), float(c.get("weight") or 0.0)
            )
            for c in (r["contributions"] or [])
        ]
        r["chart"] = contribution_chart(steps, r["match_weight"])
        r["status_class"] = re.sub(r"[^a-z]+", "-", (r["review_status"] or "new").lower()).strip("-")
    return _records(out)


def _unmatched_rows(table: pa.Table) -> list[SimpleNamespace]:
    """Unmatched mentions, sanction context first (stable: keeps the producer's order within each group)."""
    rows: list[dict[str, Any]] = table.select(list(_REQUIRED["unmatched"])).to_pylist()
    rows.sort(key=lambda r: not r["sanction"])
    for r in rows:
        r["sentence_html"] = highlight(r["sentence"], (r["surface"], r["canonical_name"]))
    return _records(rows)


def _diff_context(table: pa.Table) -> dict[str, Any]:
    """List changes grouped by kind: entries per kind (an amended entry once) and the change rows."""
    if table.num_rows == 0:
        return {"total": 0, "groups": []}
    rows: list[dict[str, Any]] = table.select(list(_REQUIRED["diff"])).to_pylist()
    order = {"added": 0, "removed": 1, "amended": 2}
    groups: dict[str, list[dict[str, Any]]] = {}
    for r in sorted(rows, key=lambda r: (order.get(r["change"], 9), r["ent_num"] or 0, r["field"] or "")):
        groups.setdefault(r["change"] or "other", []).append(r)
    return {
        "total": len(rows),
        "groups": [
            {"change": k, "rows": _records(v), "entries": len({r["ent_num"] for r in v})}
            for k, v in groups.items()
        ],
    }


def _records(rows: list[dict[str, Any]]) -> list[SimpleNamespace]:
    """Rows as attribute objects: Jinja reads `row.name` by getattr first, which fails (slowly) on dicts."""
    return [SimpleNamespace(**r) for r in rows]


def highlight(sentence: str | None, names: Sequence[str | None]) -> Markup:
    """The sentence, escaped, with each occurrence of the first name found in it wrapped in <mark>.

    Tries the surface form first (the text as written), then the canonical name, case-insensitively, so
    the analyst sees at once which words the mention came from. Both the name and the rest are escaped.

    Args:
        sentence: the sentence around the mention (untrusted).
        names: candidate names to mark, in order of preference.

    Returns:
        Safe markup; an empty Markup for a missing sentence.
    """
    if not sentence:
        return Markup("")
    folded = sentence.casefold()
    for name in _non_empty(names):
        spans = _find_all(sentence, folded, name)
        if spans:
            out, at = [], 0
            for start, end in spans:
                out.append(_escape(sentence[at:start]))
                out.append(f"<mark>{_escape(sentence[start:end])}</mark>")
                at = end
            out.append(_escape(sentence[at:]))
            return Markup("".join(out))  # every piece escaped above
    return escape(sentence)


def _find_all(sentence: str, folded: str, name: str) -> list[tuple[int, int]]:
    """Spans of `name` in `sentence`, ignoring case (full case folding: "WEISS" finds "Weiß")."""
    needle = name.casefold()
    if len(folded) == len(sentence):
        origin: list[int] | None = None  # folding kept every length: positions carry over as they are
    else:  # a character folded to several ("ß" → "ss"): map folded positions back to the sentence
        origin = [i for i, ch in enumerate(sentence) for _ in ch.casefold()]
    spans, at = [], folded.find(needle)
    while at >= 0:
        end = at + len(needle)
        spans.append((at, end) if origin is None else (origin[at], origin[end - 1] + 1))
        at = folded.find(needle, end)
    return spans


def _non_empty(values: Iterable[str | None]) -> Iterable[str]:
    """Names worth searching for (blank ones would match everywhere)."""
    return (v for v in values if v and v.strip())


def _script_hash(script: str) -> str:
    """The CSP source that allows exactly this inline script."""
    return "sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")


def _fmt_probability(p: float | None) -> str:
    """Three decimals, but never round a near-certain match up to a flat 1.000 or down to 0.000."""
    if p is None:
        return "—"
    if p >= 0.9995:
        return "> 0.999"
    if 0 < p < 0.0005:
        return "< 0.001"
    return f"{p:.3f}"


def _fmt_datetime(value: datetime | date | None) -> str:
    """ISO date and time to the second, with the zone when known (runs record UTC)."""
    if value is None:
        return "—"
    if not isinstance(value, datetime):
        return value.isoformat()
    text = value.strftime("%Y-%m-%d %H:%M:%S")
    offset = value.utcoffset()
    if offset is None:
        return text
    return f"{text} UTC" if not offset else f"{text} {value.strftime('%z')}"


def _fmt_duration(start: datetime, end: datetime) -> str:
    """`1 min 12 s` style; an analyst wants the order of magnitude, not microseconds."""
    try:
        seconds = (end - start).total_seconds()
    except TypeError:  # one aware, one naive: show nothing rather than a wrong figure
        return ""
    if seconds < 60:
        return f"{seconds:.1f} s"
    minutes, sec = divmod(int(round(seconds)), 60)
    return f"{minutes} min {sec} s" if minutes < 60 else f"{minutes // 60} h {minutes % 60} min"
