from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace

import pyarrow as pa
import pytest

from reconcile.reporting.bands import BANDS
from reconcile.reporting.html import highlight, render_html
from reconcile.reporting.model import RunReport

VOID = {"meta", "br", "col", "img", "link", "input", "hr", "wbr"}
SVG_SELF_CLOSING = {"rect", "line", "path", "circle"}


class _Balance(HTMLParser):
    """Checks every non-void element is closed in order: catches template slips and broken escaping."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:]}")
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def render(report: RunReport, tmp_path: Path) -> tuple[str, _Balance]:
    out = render_html(report, tmp_path / "run" / "report.html")
    html = out.read_text(encoding="utf-8")
    parser = _Balance()
    parser.feed(html)
    parser.close()
    return html, parser


def test_writes_one_file_and_creates_folders(run_report: RunReport, tmp_path: Path) -> None:
    target = tmp_path / "reports" / "run-1" / "report.html"
    assert render_html(run_report, target) == target
    assert [p.name for p in target.parent.iterdir()] == ["report.html"]  # no temp file left behind
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_markup_is_well_formed(run_report: RunReport, tmp_path: Path) -> None:
    _, parsed = render(run_report, tmp_path)
    assert parsed.errors == []
    assert parsed.stack == []


def test_summary_shows_run_snapshots_model_threshold_and_counts(
    run_report: RunReport, tmp_path: Path
) -> None:
    html, parsed = render(run_report, tmp_path)
    text = " ".join(" ".join(parsed.text).split())
    for expected in (
        "run-20240503-0001",
        "2024-05-03 09:00:00 UTC",
        "2024-05-03 09:01:12 UTC",
        "(1 min 12 s)",
        "SDN list snapshot 2024-05-03 sha256:5f1c0a9e",
        "Previous snapshot 2022-01-05",
        "3b9d0c7e11aa",
        "match probability ≥ 0.90",
        "articles added: 2",
        "name keys: 5",
    ):
        assert expected in text, expected


def test_bands_are_listed_with_their_meaning_and_counts(run_report: RunReport, tmp_path: Path) -> None:
    _, parsed = render(run_report, tmp_path)
    text = " ".join(" ".join(parsed.text).split())
    for band in BANDS:
        assert band.meaning in text
    assert "strong 0.90 – 1.00 " + BANDS[0].meaning + " 1" in text
    assert "possible 0.50 – 0.90 " + BANDS[1].meaning + " 0" in text


def test_charts_are_inline_svg(run_report: RunReport, tmp_path: Path) -> None:
    html, _ = render(run_report, tmp_path)
    assert html.count('class="chart chart-bands"') == 1
    assert html.count('class="chart chart-hist"') == 1
    assert html.count('class="chart chart-waterfall"') == run_report.matches.num_rows


def test_matches_come_strongest_first_whatever_the_input_order(make: SimpleNamespace, tmp_path: Path) -> None:
    possible = make.match(
        match_id="m-p",
        surface="Hugo Carvajal",
        canonical_name="Hugo Carvajal",
        sdn_name="CARVAJAL BARRIOS, Hugo Armando",
        ent_num=11186,
        match_probability=0.7,
        band="possible",
    )
    html, _ = render(make.report(matches=[make.weak(), possible, make.match()]), tmp_path)
    cards = re.findall(r'<article class="match band-(\w+)-card" id="m(\d)">\s*<h3>\d\. ([^<]+)<', html)
    assert cards == [
        ("strong", "1", "Nicolas Maduro"),
        ("possible", "2", "Hugo Carvajal"),
        ("weak", "3", "Pedro Carvajal"),
    ]


def test_mentions_of_one_name_and_entry_share_one_card(make: SimpleNamespace, tmp_path: Path) -> None:
    first = make.match(surface="Nicolas Maduro", sentence="Treasury sanctioned Nicolas Maduro on Friday.")
    again = make.match(surface="Maduro", mention_id="x:2", sentence="Maduro's forces answered with force.")
    html, _ = render(make.report(matches=[first, again]), tmp_path)
    assert html.count('<article class="match') == 1
    assert "(2 mentions)" in html
    assert "Treasury sanctioned <mark>Nicolas Maduro</mark> on Friday." in html
    assert "<mark>Maduro</mark>&#x27;s forces answered" in html


def test_match_card_shows_mention_entry_scores_and_explanation(run_report: RunReport, tmp_path: Path) -> None:
    html, _ = render(run_report, tmp_path)
    card = html[html.index('id="m1"') : html.index('id="m2"')]
    for expected in (
        "MADURO MOROS, Nicolas",
        "ent_num 22790",
        "Nicolas MADURO MOROS",  # matched variant
        '<span class="chip">VENEZUELA</span><span class="chip">IRAN-CON-ARMS-EO</span>',
        "President of the Bolivarian Republic of Venezuela",
        "individual",
        "probability <b>0.990</b>",
        "OFAC score 93",
        '<span class="badge alert-flag">alert</span>',
        '<span class="badge st-new">new</span>',
        "US reimposes oil sanctions on Venezuela",
        "seeds/news/2024-05-02-venezuela.html",
        "Washington said President <mark>Nicolas Maduro</mark> had failed",
        "the country (Venezuela) agrees",
        "= +6.6",
    ):
        assert expected in card, expected
    weak = html[html.index('id="m2"') :]
    assert "below threshold" in weak and "st-dismissed-earlier" in weak and "dismissed earlier" in weak


def test_untrusted_text_is_escaped_everywhere(make: SimpleNamespace, tmp_path: Path) -> None:
    evil = make.hostile
    attr = '" onmouseover="alert(2)'
    report = make.report(
        matches=[
            make.match(
                surface=evil,
                canonical_name=evil,
                sentence=f"Said {evil}.",
                article_title=evil,
                sdn_title=attr,
                programs=[evil],
                explanation=evil,
                review_status=attr,
                contributions=[{"comparison": evil, "label": evil, "weight": 3.0}],
            )
        ],
        run_id=evil,
        counts={evil: 1},
    )
    html, parsed = render(report, tmp_path)
    assert evil not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert 'onmouseover="alert' not in html
    assert [t for t, _ in parsed.tags].count("script") == 1  # only the report's own print helper
    assert parsed.errors == []
    assert not any(k.startswith("on") for _, attrs in parsed.tags for k in attrs)


def test_page_is_self_contained(run_report: RunReport, tmp_path: Path) -> None:
    html, parsed = render(run_report, tmp_path)
    for tag, attrs in parsed.tags:
        assert "src" not in attrs, (tag, attrs)
        href = attrs.get("href")
        assert href is None or href.startswith("#"), (tag, attrs)
    assert (
        "@import" not in html
        and "url(" not in html
        and "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")
    )
    assert "https://" not in html


def test_csp_forbids_fetches_and_allows_only_the_inline_script(run_report: RunReport, tmp_path: Path) -> None:
    html, parsed = render(run_report, tmp_path)
    csp = next(
        a["content"]
        for t, a in parsed.tags
        if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"
    )
    assert csp is not None and "default-src 'none'" in csp
    script = re.search(r"<script>(.*?)</script>", html, re.S)
    assert script is not None
    digest = base64.b64encode(hashlib.sha256(script.group(1).encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in csp


def test_unmatched_put_sanction_context_first_and_mark_it(run_report: RunReport, tmp_path: Path) -> None:
    # the fixture lists the spokeswoman (no sanction context) first on purpose
    html, _ = render(run_report, tmp_path)
    section = html[html.index('id="unmatched"') :]
    assert section.index("Steven Mnuchin") < section.index("Maria Gonzalez")
    sanction = section[: section.index("Other unmatched mentions")]
    assert (
        sanction.count('<span class="badge announced-flag">announced in the news but not on the list</span>')
        == 2
    )
    assert "Treasury Secretary" in sanction and "cue: “sanctions”" in sanction
    assert "ALERT TRADING LLC" in sanction and "p = 0.030" in sanction
    other = section[section.index("Other unmatched mentions") :]
    assert "Maria Gonzalez" in other and "announced in the news" not in other


def test_diff_counts_changes_by_kind_and_collapses_long_groups(make: SimpleNamespace, tmp_path: Path) -> None:
    amended = [
        {
            "ent_num": 5000 + i,
            "change": "amended",
            "field": "programs",
            "old_value": "SDGT",
            "new_value": "SDGT; IRGC",
            "sdn_name": f"ENTRY {i}",
        }
        for i in range(20)
    ] + [
        {
            "ent_num": 5000,
            "change": "amended",
            "field": "title",
            "old_value": "a",
            "new_value": "b",
            "sdn_name": "ENTRY 0",
        }
    ]
    added = [
        {
            "ent_num": 9,
            "change": "added",
            "field": None,
            "old_value": None,
            "new_value": "NEW CO",
            "sdn_name": "NEW CO",
        }
    ]
    html, _ = render(make.report(diff=amended + added), tmp_path)
    counts = re.findall(
        r"<tr><td>(\w+)</td><td class=\"num\">(\d+)</td><td class=\"num\">(\d+)</td></tr>", html
    )
    assert counts == [("added", "1", "1"), ("amended", "20", "21")]
    groups = re.findall(r'<details class="diff-group"( open)?>\s*<summary>([^<]+)</summary>', html)
    assert groups == [(" open", "Added: 1 entry"), ("", "Amended: 20 entries, 21 field changes")]
    assert "SDGT; IRGC" in html and "NEW CO" in html


def test_first_run_has_no_list_changes(make: SimpleNamespace, tmp_path: Path) -> None:
    report = make.report(diff=[], previous_snapshot_as_of=None)
    html, parsed = render(report, tmp_path)
    assert "First run: there is no earlier snapshot to compare with." in html
    assert "none: first run" in html
    assert parsed.errors == []


def test_first_run_accepts_a_bare_empty_diff_table(make: SimpleNamespace, tmp_path: Path) -> None:
    base = make.report(previous_snapshot_as_of=None)
    report = RunReport(base.summary, base.matches, base.unmatched, base.mentions, pa.table({}))
    assert "First run" in render(report, tmp_path)[0]


def test_empty_run_renders(make: SimpleNamespace, tmp_path: Path) -> None:
    html, parsed = render(make.report(matches=[], unmatched=[], diff=[]), tmp_path)
    assert "No mention matched an SDN entry" in html
    assert 'class="chart chart-waterfall"' not in html
    assert parsed.errors == []


def test_extra_columns_are_ignored_and_missing_ones_refused(run_report: RunReport, tmp_path: Path) -> None:
    extra = run_report.matches.append_column("something_new", pa.array(["x"] * run_report.matches.num_rows))
    ok = RunReport(run_report.summary, extra, run_report.unmatched, run_report.mentions, run_report.diff)
    assert "something_new" not in render(ok, tmp_path)[0]
    broken = RunReport(
        run_report.summary,
        run_report.matches.drop_columns(["contributions"]),
        run_report.unmatched,
        run_report.mentions,
        run_report.diff,
    )
    with pytest.raises(ValueError, match="matches lacks column.*contributions"):
        render_html(broken, tmp_path / "broken.html")
    assert not (tmp_path / "broken.html").exists()


def test_missing_values_show_a_dash(make: SimpleNamespace, tmp_path: Path) -> None:
    row = make.match(
        role=None,
        sdn_title=None,
        matched_name=None,
        programs=None,
        contributions=None,
        sentence=None,
        review_status=None,
    )
    html, parsed = render(make.report(matches=[row]), tmp_path)
    card = html[html.index('id="m1"') : html.index("</article>")]
    assert "<dt>Title</dt><dd>—</dd>" in card and "<dt>Programs</dt><dd>—</dd>" in card
    assert "No per-comparison evidence" in card
    assert parsed.errors == []


def test_many_matches_render(make: SimpleNamespace, tmp_path: Path) -> None:
    html, parsed = render(make.report(matches=make.many(300)), tmp_path)
    assert html.count('<article class="match') == 300
    assert html.count('class="chart chart-waterfall"') == 300
    assert parsed.errors == []
    assert '<div class="tile alert"><b>30</b>' in html  # probabilities 0.905 .. 0.995: ten in each hundred


@pytest.mark.parametrize(
    ("sentence", "names", "expected"),
    [
        (
            "President Nicolas Maduro spoke.",
            ("Nicolas Maduro",),
            "President <mark>Nicolas Maduro</mark> spoke.",
        ),
        ("NICOLAS MADURO spoke.", ("Nicolas Maduro",), "<mark>NICOLAS MADURO</mark> spoke."),
        ("Maduro, Maduro!", ("maduro",), "<mark>Maduro</mark>, <mark>Maduro</mark>!"),
        ("Mr Maduro spoke.", ("Nicolas Maduro", "Maduro"), "Mr <mark>Maduro</mark> spoke."),
        ("Nobody here.", ("Maduro",), "Nobody here."),
        ("a <b> & Maduro", ("Maduro",), "a &lt;b&gt; &amp; <mark>Maduro</mark>"),
        ("x <i>y</i> z", ("<i>y</i>",), "x <mark>&lt;i&gt;y&lt;/i&gt;</mark> z"),
        ("Straße Weiß sagte", ("WEISS",), "Straße <mark>Weiß</mark> sagte"),
        ("Herr Weiß und Weiss", ("weiss",), "Herr <mark>Weiß</mark> und <mark>Weiss</mark>"),
        ("Anything", ("", None, "  "), "Anything"),
        (None, ("Maduro",), ""),
    ],
)
def test_highlight(sentence: str | None, names: tuple[str | None, ...], expected: str) -> None:
    assert str(highlight(sentence, names)) == expected
