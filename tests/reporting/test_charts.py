from __future__ import annotations

import math
import xml.etree.ElementTree as ET

from reconcile.reporting.bands import BANDS
from reconcile.reporting.charts import (
    BAND_COLOURS,
    NEGATIVE_COLOUR,
    POSITIVE_COLOUR,
    Contribution,
    band_bar_chart,
    contribution_chart,
    probability_histogram,
)

NS = "{http://www.w3.org/2000/svg}"
HOSTILE = "<script>alert(1)</script>"

MADURO = [
    Contribution("prior", "one entry among 15,000", -13.9),
    Contribution("name", "given name and first surname exact", 16.1),
    Contribution("entity_kind", "person vs individual", 0.6),
    Contribution("country", "Venezuela on both sides", 3.8),
]


def parse(svg: str) -> ET.Element:
    """Every chart must be well-formed XML: a stray '<' from a name would break this."""
    return ET.fromstring(svg)


def texts(root: ET.Element) -> list[str]:
    return ["".join(t.itertext()) for t in root.iter(f"{NS}text")]


def bars(root: ET.Element) -> list[ET.Element]:
    return [r for r in root.iter(f"{NS}rect") if r.find(f"{NS}title") is not None]


def test_band_chart_draws_one_bar_per_nonzero_band_in_band_colour() -> None:
    root = parse(band_bar_chart({"strong": 3, "weak": 1}))
    fills = [r.get("fill") for r in root.iter(f"{NS}rect")]
    assert BAND_COLOURS["strong"] in fills and BAND_COLOURS["weak"] in fills
    assert BAND_COLOURS["possible"] not in fills  # zero matches: no coloured bar
    labels = texts(root)
    assert [b.name for b in BANDS] == [t for t in labels if t in {b.name for b in BANDS}]  # strongest on top
    assert {"3", "0", "1"} <= set(labels)
    assert "4 in all" in root.get("aria-label", "")


def test_band_chart_bars_are_proportional() -> None:
    root = parse(band_bar_chart({"strong": 4, "possible": 2}))
    widths = {r.get("fill"): float(r.get("width", 0)) for r in root.iter(f"{NS}rect") if r.get("rx")}
    assert math.isclose(widths[BAND_COLOURS["strong"]], 2 * widths[BAND_COLOURS["possible"]], rel_tol=0.01)


def test_histogram_bins_probabilities_and_skips_missing() -> None:
    root = parse(probability_histogram([0.99, 1.0, 0.96, 0.12, None, float("nan"), -0.2], bins=20))
    titles = sorted("".join(b.find(f"{NS}title").itertext()) for b in bars(root))  # type: ignore[union-attr]
    # 1.0 falls in the top bin, -0.2 is clamped into the bottom one, None and NaN are skipped
    assert titles == ["0.00–0.05: 1", "0.10–0.15: 1", "0.95–1.00: 3"]
    assert "5 matches" in root.get("aria-label", "")


def test_histogram_colours_bars_by_band_and_marks_cut_points() -> None:
    root = parse(probability_histogram([0.95, 0.6, 0.1]))
    fills = {b.get("fill") for b in bars(root)}
    assert fills == {BAND_COLOURS["strong"], BAND_COLOURS["possible"], BAND_COLOURS["weak"]}
    dashed = [line for line in root.iter(f"{NS}line") if line.get("stroke-dasharray")]
    assert len(dashed) == len(BANDS) - 1


def test_histogram_of_nothing_is_still_a_chart() -> None:
    root = parse(probability_histogram([]))
    assert bars(root) == []
    assert "0 matches" in root.get("aria-label", "")


def test_waterfall_has_a_bar_per_step_and_a_total_coloured_by_sign() -> None:
    root = parse(contribution_chart(MADURO, 6.6))
    rects = bars(root)
    assert len(rects) == len(MADURO) + 1
    assert [r.get("fill") for r in rects] == [
        NEGATIVE_COLOUR,
        POSITIVE_COLOUR,
        POSITIVE_COLOUR,
        POSITIVE_COLOUR,
        POSITIVE_COLOUR,
    ]
    labels = texts(root)
    assert "-13.9" in labels and "+16.1" in labels and "= +6.6" in labels
    assert "Name: given name and first surname exact" in labels


def test_waterfall_steps_chain_and_end_where_the_total_ends() -> None:
    rects = bars(parse(contribution_chart(MADURO)))
    spans = [(float(r.get("x", 0)), float(r.get("x", 0)) + float(r.get("width", 0))) for r in rects]
    # each step starts where the previous ended (the prior ends at 0 on the left of the name step, ...)
    assert math.isclose(spans[1][0], spans[0][0], abs_tol=0.2)  # prior runs 0 → -13.9, name starts at -13.9
    assert math.isclose(spans[2][0], spans[1][1], abs_tol=0.2)
    assert math.isclose(spans[3][0], spans[2][1], abs_tol=0.2)
    # the total bar runs from 0 to the sum: its right end is the last step's right end
    assert math.isclose(spans[-1][1], spans[-2][1], abs_tol=0.2)
    assert math.isclose(spans[-1][0], spans[0][1], abs_tol=0.2)


def test_waterfall_negative_total_is_red() -> None:
    steps = [Contribution("prior", "", -13.9), Contribution("name", "partial", 11.0)]
    rects = bars(parse(contribution_chart(steps)))
    assert rects[-1].get("fill") == NEGATIVE_COLOUR
    assert "= -2.9" in texts(parse(contribution_chart(steps)))


def test_waterfall_escapes_hostile_labels() -> None:
    svg = contribution_chart([Contribution("name", HOSTILE, 5.0)])
    assert HOSTILE not in svg
    root = parse(svg)
    assert not list(root.iter("script")) and not list(root.iter(f"{NS}script"))
    assert any(HOSTILE in t for t in texts(root))  # shown as text, literally


def test_waterfall_wraps_long_labels_instead_of_overflowing() -> None:
    long_label = "given name, both surnames and the maternal family name agree after transliteration"
    root = parse(contribution_chart([Contribution("name", long_label, 9.0)]))
    first = next(root.iter(f"{NS}text"))
    wrapped = [t for t in root.iter(f"{NS}text") if len(list(t.iter(f"{NS}tspan"))) > 1]
    assert wrapped, f"no wrapped label in {ET.tostring(first)!r}"
    assert all(len("".join(s.itertext()).strip()) <= 36 for s in wrapped[0].iter(f"{NS}tspan"))
    assert "".join(wrapped[0].itertext()) == f"Name: {long_label}"  # copied text keeps its spaces


def test_waterfall_without_contributions_says_so() -> None:
    out = contribution_chart([])
    assert "<svg" not in out and "No per-comparison evidence" in out
