"""Turn HTML, Markdown and plain text into clean paragraphs, the unit extraction runs on.

Extraction runs one paragraph at a time so that a heading never fuses with the first words of the body
("MONTENEGRO\\n\\nSvetozar Marovic" read as one organisation). So the job here is to find paragraph and
heading boundaries reliably and drop markup and page furniture (navigation, scripts, footers).
Deliberately left out: tables are flattened cell by cell, and no attempt is made to detect
"related stories" lists inside the main content.
"""

from __future__ import annotations

import re
import unicodedata
from html.parser import HTMLParser

_WS = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_BLANK = re.compile(r"\n[ \t]*\n+")
#: Blocks whose lines are all shorter than this are lists (names, addresses), never wrapped prose.
_LIST_LINE = 60

#: Elements whose whole content is page furniture, not article text.
_SKIP = frozenset(
    {
        "script",
        "style",
        "noscript",
        "nav",
        "header",
        "footer",
        "aside",
        "form",
        "svg",
        "template",
        "button",
        "select",
        "iframe",
        "head",
    }
)
#: Elements that end a paragraph.
_BLOCK = frozenset(
    {
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "tr",
        "td",
        "th",
        "table",
        "section",
        "article",
        "blockquote",
        "pre",
        "dd",
        "dt",
        "dl",
        "figcaption",
        "hr",
        "main",
        "title",
    }
)
_VOID = frozenset({"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed", "source", "wbr"})


def clean_line(text: str) -> str:
    """NFC-normalize and collapse runs of spaces; curly quotes and dashes stay as published."""
    text = unicodedata.normalize("NFC", text).replace("\r", "")
    text = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch)[0] != "C")
    return _WS.sub(" ", text).strip()


def _is_heading_line(line: str, longest: int) -> bool:
    """A short line that does not end a sentence, or an all-capitals line, is a heading or list item."""
    stripped = line.strip()
    if not stripped:
        return False
    letters = [c for c in stripped if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and len(letters) > 1:
        return True
    return stripped[-1] not in ".,;:-–—" and len(stripped) < 0.6 * longest


def text_to_paragraphs(text: str) -> list[str]:
    """Split plain text on blank lines; inside a block, keep heading-like lines apart and unwrap the rest.

    Hard-wrapped prose (one sentence over several lines) is joined with spaces, while a short line
    without final punctuation (a heading, a list item, "Icaro (IMO 9038842)") stays its own paragraph.
    """
    paragraphs: list[str] = []
    for block in _BLANK.split(text.replace("\r\n", "\n").replace("\r", "\n")):
        lines = [ln for ln in block.split("\n") if ln.strip()]
        if not lines:
            continue
        longest = max(len(ln.strip()) for ln in lines)
        if len(lines) > 1 and longest < _LIST_LINE:
            paragraphs.extend(lines)  # a list or an address block, not wrapped prose
            continue
        current: list[str] = []
        for line in lines:
            if len(lines) > 1 and _is_heading_line(line, longest):
                if current:
                    paragraphs.append(" ".join(current))
                    current = []
                paragraphs.append(line)
            else:
                current.append(line)
        if current:
            paragraphs.append(" ".join(current))
    return [p for p in (clean_line(p) for p in paragraphs) if p]


_MD_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^```.*?^```[ \t]*$", re.M | re.S), ""),  # fenced code
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),  # images
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # links keep their text
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),  # reference links
    (re.compile(r"^\s*\[[^\]]+\]:\s*\S+.*$", re.M), ""),  # link definitions
    (re.compile(r"<[^>\n]+>"), ""),  # inline HTML
    (re.compile(r"^\s{0,3}#{1,6}\s*(.*?)\s*#*\s*$", re.M), r"\n\1\n"),  # ATX headings stand alone
    (re.compile(r"^\s{0,3}(?:[-*_]\s*){3,}$", re.M), "\n"),  # horizontal rules
    (re.compile(r"^\s{0,3}>\s?", re.M), ""),  # block quotes
    (re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(.*)$", re.M), r"\n\1\n"),  # list items stand alone
    (re.compile(r"(\*\*|__)(.+?)\1"), r"\2"),  # bold
    (re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])"), r"\1"),  # italics
    (re.compile(r"(?<![\w_])_(?!\s)(.+?)(?<!\s)_(?![\w_])"), r"\1"),
    (re.compile(r"`([^`]*)`"), r"\1"),  # inline code
)
_SETEXT = re.compile(r"^(.+)\n[=-]{3,}[ \t]*$", re.M)


def markdown_to_paragraphs(text: str) -> list[str]:
    """Strip Markdown syntax, keeping link texts; headings and list items become their own paragraphs."""
    text = _SETEXT.sub(r"\n\1\n", text.replace("\r\n", "\n"))
    for pattern, repl in _MD_RULES:
        text = pattern.sub(repl, text)
    return text_to_paragraphs(text)


class _HTMLText(HTMLParser):
    """Collect visible text, with a paragraph break at every block element, skipping page furniture."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0
        self.title: str | None = None
        self.published: str | None = None
        self._in_title = False
        self._title_parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta" and self.published is None:
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key in {"article:published_time", "datepublished", "date", "pubdate", "dc.date", "publish-date"}:
                self.published = a.get("content") or None
        if tag == "time" and self.published is None and a.get("datetime"):
            self.published = a["datetime"]
        if tag == "title":
            self._in_title = True
        if tag in _SKIP:
            if tag not in _VOID:
                self.skip_depth += 1
            return
        if tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
            if self._title_parts and self.title is None:
                self.title = clean_line(" ".join(self._title_parts)) or None
        if tag in _SKIP:
            self.skip_depth = max(0, self.skip_depth - 1)
            return
        if tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self._title_parts.append(data)
            return
        if self.skip_depth:
            return
        self.parts.append(data.replace("\n", " "))


def html_to_paragraphs(html: str) -> tuple[list[str], str | None, str | None]:
    """Visible paragraphs of an HTML page, plus its <title> and any published date found in meta tags.

    Returns:
        (paragraphs, title or None, published date text or None)
    """
    parser = _HTMLText()
    parser.feed(html)
    parser.close()
    paragraphs = [p for p in (clean_line(b) for b in _BLANK.split("".join(parser.parts))) if p]
    return paragraphs, parser.title, parser.published
