"""Inline SVG charts for the HTML report, drawn in Python so the report needs no script or network.

Three charts: matches per confidence band (horizontal bars), a histogram of match probabilities with the
band ranges shaded behind it, and one match's contributions as a waterfall (log2 Bayes factors from the
prior to the final match weight; positive evidence green, negative red). Each returns `Markup`, so the
Jinja template embeds it as is; every piece of text that goes into the SVG passes `escape` here, because
labels can carry names taken from untrusted news.

The charts take the page's font (set by the template's CSS) and are sized by a viewBox, so they
scale to the page width; long labels wrap onto several lines instead of running off the chart.
Colours are never the only signal: every bar also carries its number and sign, so the charts survive
greyscale printing.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape as _escape

from markupsafe import Markup

from reconcile.reporting.bands import BANDS

__all__ = [
    "BAND_COLOURS",
    "NEGATIVE_COLOUR",
    "POSITIVE_COLOUR",
    "Contribution",
    "band_bar_chart",
    "contribution_chart",
    "probability_histogram",
]

#: One colour per band, away from green/red so a band is never read as evidence for or against.
BAND_COLOURS: dict[str, str] = {"strong": "#3730a3", "possible": "#b45309", "weak": "#64748b"}
POSITIVE_COLOUR = "#15803d"
NEGATIVE_COLOUR = "#b91c1c"
_TEXT = "#1f2937"
_MUTED = "#6b7280"
_GRID = "#e5e7eb"


@dataclass(frozen=True)
class Contribution:
    """One step of a match's explanation: a comparison's label and its log2 Bayes factor."""

    comparison: str
    label: str
    weight: float


def escape(value: object) -> str:
    """Text made safe for SVG content and attributes (the stdlib's escape: plain str, cheaper than Markup)."""
    return _escape(str(value), quote=True)


def _num(value: float) -> str:
    """Coordinates with one decimal: enough for a screen, and keeps 1,000 charts small."""
    return f"{value:.1f}"


def _svg_open(width: float, height: float, title: str, css_class: str) -> str:
    """The root element: scales with the page, announced to screen readers by its title."""
    t = escape(title)
    return (
        f'<svg class="{css_class}" xmlns="http://www.w3.org/2000/svg"'
        f' viewBox="0 0 {_num(width)} {_num(height)}"'
        f' width="100%" role="img" aria-label="{t}" font-size="12" fill="{_TEXT}">'
        f"<title>{t}</title>"
    )


def _text(x: float, y: float, content: object, *, anchor: str = "start", extra: str = "") -> str:
    """One escaped text element."""
    return f'<text x="{_num(x)}" y="{_num(y)}" text-anchor="{anchor}"{extra}>{escape(content)}</text>'


def _wrapped_text(x: float, y: float, content: str, width_chars: int, line_height: float) -> tuple[str, int]:
    """A text element broken into lines of at most `width_chars`; returns markup and line count.

    SVG text does not wrap by itself; without this a long comparison label would overflow the chart.
    """
    if len(content) <= width_chars:  # the common case; textwrap is slow enough to matter over 1,000 charts
        return f'<text x="{_num(x)}" y="{_num(y)}">{escape(content)}</text>', 1
    lines = textwrap.wrap(content, width=width_chars, break_long_words=True, break_on_hyphens=True) or [""]
    spans = "".join(
        f'<tspan x="{_num(x)}" dy="{_num(0 if i == 0 else line_height)}">{escape(line)}{sep}</tspan>'
        for i, line in enumerate(lines)
        for sep in (" " if i < len(lines) - 1 else "",)  # keeps words apart when the text is copied
    )
    return f'<text x="{_num(x)}" y="{_num(y)}">{spans}</text>', len(lines)


def band_bar_chart(counts: dict[str, int]) -> Markup:
    """Horizontal bars: how many matches fall in each band, strongest band on top.

    Args:
        counts: matches per band name; bands missing from it count as zero.

    Returns:
        The SVG markup.
    """
    width, left, right, row, top = (
        460.0,
        150.0,
        40.0,
        34.0,
        10.0,
    )  # narrow: it shares a row with the histogram
    height = top * 2 + row * len(BANDS)
    largest = max([counts.get(b.name, 0) for b in BANDS] + [1])
    span = width - left - right
    total = sum(counts.get(b.name, 0) for b in BANDS)
    parts = [_svg_open(width, height, f"Matches by confidence band ({total} in all)", "chart chart-bands")]
    for i, band in enumerate(BANDS):
        n = counts.get(band.name, 0)
        y = top + i * row
        bar = span * n / largest
        high = "1" if band.high > 1 else f"{band.high:.2f}"
        parts.append(_text(0, y + row / 2 + 4, band.name, extra=' font-weight="600"'))
        parts.append(_text(62, y + row / 2 + 4, f"{band.low:.2f}–{high}", extra=f' fill="{_MUTED}"'))
        parts.append(
            f'<rect x="{_num(left)}" y="{_num(y + 6)}" width="{_num(span)}" height="{_num(row - 12)}"'
        )
        parts.append(f' fill="{_GRID}" opacity="0.5"/>')
        if n:
            parts.append(
                f'<rect x="{_num(left)}" y="{_num(y + 6)}" width="{_num(max(bar, 2))}"'
                f' height="{_num(row - 12)}" fill="{BAND_COLOURS.get(band.name, _MUTED)}" rx="2"/>'
            )
        parts.append(_text(left + max(bar, 2) + 6, y + row / 2 + 4, n, extra=' font-weight="600"'))
    parts.append("</svg>")
    return Markup("".join(parts))


def probability_histogram(probabilities: Iterable[float | None], bins: int = 20) -> Markup:
    """Histogram of match probabilities over [0, 1], band ranges shaded and cut points marked.

    Shows at a glance whether a run's matches sit near certainty or pile up around the thresholds,
    which the band counts alone hide.

    Args:
        probabilities: one value per match; values outside [0, 1] are clamped, NaN is skipped.
        bins: number of equal-width bins.

    Returns:
        The SVG markup.
    """
    counts = [0] * bins
    for p in probabilities:
        if p is None or math.isnan(p):
            continue
        counts[min(bins - 1, max(0, int(min(max(p, 0.0), 1.0) * bins)))] += 1
    width, height, left, right, top, bottom = 640.0, 240.0, 44.0, 12.0, 36.0, 40.0
    plot_w, plot_h = width - left - right, height - top - bottom
    largest = max(counts + [1])
    total = sum(counts)
    parts = [
        _svg_open(width, height, f"Histogram of match probabilities ({total} matches)", "chart chart-hist")
    ]

    def x_at(p: float) -> float:
        return left + plot_w * min(max(p, 0.0), 1.0)

    for band in BANDS:  # shaded band ranges, labelled at the top
        x0, x1 = x_at(band.low), x_at(band.high)
        colour = BAND_COLOURS.get(band.name, _MUTED)
        parts.append(
            f'<rect x="{_num(x0)}" y="{_num(top)}" width="{_num(x1 - x0)}" height="{_num(plot_h)}"'
            f' fill="{colour}" opacity="0.07"/>'
        )
        parts.append(_text((x0 + x1) / 2, top - 20, band.name, anchor="middle", extra=f' fill="{colour}"'))
    for band in BANDS[:-1]:  # cut points
        x = x_at(band.low)
        parts.append(
            f'<line x1="{_num(x)}" y1="{_num(top)}" x2="{_num(x)}" y2="{_num(top + plot_h)}"'
            f' stroke="{_MUTED}" stroke-dasharray="4 3"/>'
        )
    for k in range(5):  # y grid: 4 steps of the largest count
        value = largest * k / 4
        y = top + plot_h - plot_h * k / 4
        parts.append(f'<line x1="{_num(left)}" y1="{_num(y)}" x2="{_num(left + plot_w)}" y2="{_num(y)}"')
        parts.append(f' stroke="{_GRID}"/>')
        label = f"{value:.0f}" if largest >= 4 or value == int(value) else ""
        parts.append(_text(left - 6, y + 4, label, anchor="end", extra=f' fill="{_MUTED}"'))
    bar_w = plot_w / bins
    for i, n in enumerate(counts):
        if not n:
            continue
        h = plot_h * n / largest
        mid = (i + 0.5) / bins
        colour = next((BAND_COLOURS[b.name] for b in BANDS if b.low <= mid < b.high), _MUTED)
        x = left + i * bar_w
        parts.append(
            f'<rect x="{_num(x + 1)}" y="{_num(top + plot_h - h)}"'
            f' width="{_num(bar_w - 2)}" height="{_num(h)}"'
            f' fill="{colour}"><title>{i / bins:.2f}–{(i + 1) / bins:.2f}: {n}</title></rect>'
        )
        parts.append(_text(x + bar_w / 2, top + plot_h - h - 3, n, anchor="middle", extra=' font-size="10"'))
    for k in range(11):  # x axis ticks every 0.1
        x = x_at(k / 10)
        parts.append(_text(x, top + plot_h + 15, f"{k / 10:.1f}", anchor="middle", extra=f' fill="{_MUTED}"'))
    parts.append(_text(left + plot_w / 2, height - 6, "match probability", anchor="middle"))
    parts.append("</svg>")
    return Markup("".join(parts))


def contribution_chart(contributions: Sequence[Contribution], match_weight: float | None = None) -> Markup:
    """A waterfall of one match's evidence: each step moves the running log2 Bayes factor.

    The prior comes first (usually strongly negative: any one entry is a priori unlikely to be the person in
    the news), then one step per comparison; the last row is the total, the match weight, with its
    probability. Positive steps are green, negative red, and each carries its signed value.

    Args:
        contributions: the prior first, then one per comparison (the `contributions` column).
        match_weight: the total to draw; defaults to the sum of the steps (the contract says they agree).

    Returns:
        The SVG markup (a short note instead of a chart when there are no contributions).
    """
    if not contributions:
        return Markup('<p class="muted">No per-comparison evidence recorded for this match.</p>')
    total = sum(c.weight for c in contributions) if match_weight is None else match_weight
    running = 0.0
    steps: list[tuple[Contribution, float, float]] = []
    for c in contributions:
        steps.append((c, running, running + c.weight))
        running += c.weight
    ends = [0.0, total] + [s for _, a, b in steps for s in (a, b)]
    lo, hi = min(ends), max(ends)
    pad = max((hi - lo) * 0.04, 0.5)
    lo, hi = lo - pad, hi + pad

    width, label_w, value_w, line_h = 640.0, 230.0, 56.0, 14.0
    plot_l, plot_r = label_w + 8, width - value_w
    plot_w = plot_r - plot_l

    def x_at(w: float) -> float:
        return plot_l + plot_w * (w - lo) / (hi - lo)

    rows: list[str] = []
    y = 18.0  # leave room for the axis caption
    prev_end_y: float | None = None
    for c, a, b in [*steps, (Contribution("total", "", 0.0), 0.0, total)]:
        is_total = c.comparison == "total" and not c.label
        label = "Match weight (total)" if is_total else _step_label(c)
        text, n_lines = _wrapped_text(0, y + 12, label, 36, line_h)
        row_h = max(24.0, n_lines * line_h + 10)
        bar_y, bar_h = y + (row_h - 16) / 2, 16.0
        x0, x1 = sorted((x_at(a), x_at(b)))
        if is_total:
            colour = POSITIVE_COLOUR if total >= 0 else NEGATIVE_COLOUR
            value = f"= {total:+.1f}"
        else:
            colour = POSITIVE_COLOUR if c.weight >= 0 else NEGATIVE_COLOUR
            value = f"{c.weight:+.1f}"
        rows.append(text.replace("<text ", '<text font-weight="600" ', 1) if is_total else text)
        rows.append(
            f'<rect x="{_num(x0)}" y="{_num(bar_y)}" width="{_num(max(x1 - x0, 1.5))}" height="{_num(bar_h)}"'
            f' fill="{colour}" opacity="{"1" if is_total else "0.85"}" rx="1.5">'
            f"<title>{escape(label)}: {escape(value)}</title></rect>"
        )
        if prev_end_y is not None and not is_total:  # connector from the previous step's end
            xa = x_at(a)
            rows.append(
                f'<line x1="{_num(xa)}" y1="{_num(prev_end_y)}" x2="{_num(xa)}" y2="{_num(bar_y)}"'
                f' stroke="{_MUTED}" stroke-width="0.8"/>'
            )
        rows.append(_text(width - 2, bar_y + 12, value, anchor="end", extra=' font-weight="600"'))
        prev_end_y = bar_y + bar_h
        y += row_h
    height = y + 6
    zero = x_at(0.0)
    head = _svg_open(width, height, "Evidence for this match, in log2 Bayes factors", "chart chart-waterfall")
    axis = (
        f'<line x1="{_num(zero)}" y1="14" x2="{_num(zero)}" y2="{_num(height - 4)}" stroke="{_TEXT}"'
        f' stroke-width="0.8" stroke-dasharray="3 2"/>'
        + _text(zero, 10, "0 = even odds", anchor="middle", extra=f' font-size="10" fill="{_MUTED}"')
    )
    return Markup(head + axis + "".join(rows) + "</svg>")


def _step_label(c: Contribution) -> str:
    """`Name: exact match`, or just the comparison when the model gave no level label."""
    comparison = c.comparison.replace("_", " ").strip() or "comparison"
    comparison = comparison[:1].upper() + comparison[1:]
    return f"{comparison}: {c.label}" if c.label else comparison
