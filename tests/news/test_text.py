from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reconcile.news.text import html_to_paragraphs, markdown_to_paragraphs, text_to_paragraphs


def test_html_drops_furniture_and_keeps_paragraphs():
    html = (
        "<html><head><title>Trump sanctions generals</title><script>var x=1;</script>"
        '<meta property="article:published_time" content="2019-02-15T10:00:00Z"></head>'
        "<body><nav>Home | World</nav><h1>MONTENEGRO</h1><p>Svetozar Marovic (Marovic) was <b>President</b>.</p>"
        "<footer>Copyright</footer></body></html>"
    )
    paragraphs, title, published = html_to_paragraphs(html)
    assert paragraphs == ["MONTENEGRO", "Svetozar Marovic (Marovic) was President."]
    assert title == "Trump sanctions generals"
    assert published == "2019-02-15T10:00:00Z"


def test_markdown_keeps_link_text_and_splits_headings_and_lists():
    md = "# Heading\nSome **bold** [text](http://x.y) here.\n\n- Icaro (IMO 9038842)\n- Yare (IMO 9543500)\n"
    assert markdown_to_paragraphs(md) == [
        "Heading",
        "Some bold text here.",
        "Icaro (IMO 9038842)",
        "Yare (IMO 9543500)",
    ]


def test_plain_text_unwraps_prose_but_keeps_headings():
    text = (
        "NORTH MACEDONIA\nNikola Gruevski (Gruevski) has been convicted and remains a suspect in numerous\n"
        "cases of corruption and abuse of office in his home country today.\n"
    )
    assert text_to_paragraphs(text) == [
        "NORTH MACEDONIA",
        "Nikola Gruevski (Gruevski) has been convicted and remains a suspect in numerous cases of corruption"
        " and abuse of office in his home country today.",
    ]


@given(st.text(max_size=400))
def test_paragraphs_are_clean(text):
    for p in text_to_paragraphs(text):
        assert p and p == p.strip() and "\n\n" not in p


@given(st.text(max_size=400))
def test_html_parser_never_crashes(text):
    paragraphs, _, _ = html_to_paragraphs(text)
    assert all(p.strip() for p in paragraphs)
