"""Reading article files: size limits, decoding, format sniffing, JSON Lines records, titles and dates.

Why a module of its own: this is everything that depends on what the files look like (encodings, BOMs,
txt/md/html/jsonl, where a title or publication date is printed), and nothing about the store. It
changes when a new input shape turns up; storage and duplicate detection never see a file.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path

from reconcile.errors import InputError
from reconcile.news.dates import parse_date, parse_first_line_date
from reconcile.news.text import clean_line, html_to_paragraphs, markdown_to_paragraphs, text_to_paragraphs

__all__ = [
    "FORMAT_OF_SUFFIX",
    "MAX_ARTICLE_BYTES",
    "MAX_JSONL_BYTES",
    "RawArticle",
    "expand_paths",
    "read_articles",
    "size_error",
]

#: A single article file (or one JSON Lines record's text) larger than this is refused: no news story is
#: that long, and it is most likely a dump or a binary file.
MAX_ARTICLE_BYTES = 5 * 1024 * 1024
#: A JSON Lines export may hold many articles, but one larger than this is refused rather than read whole.
MAX_JSONL_BYTES = 200 * 1024 * 1024
#: File name suffix (lower-case) -> article format; a folder's files with other suffixes are skipped.
FORMAT_OF_SUFFIX = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}
#: Longest title kept before it is cut with an ellipsis.
_MAX_TITLE_CHARS = 200
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


@dataclass(frozen=True)
class RawArticle:
    """One article as read, before storage: paragraphs plus whatever metadata the format carried."""

    source: str
    source_path: str | None
    format: str
    paragraphs: tuple[str, ...]
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published_on: date | None = None
    published_from: str = "ingested"


def size_error(name: str, size: int) -> InputError | None:
    """The refusal for a file of `size` bytes, or None when it is within its format's limit.

    JSON Lines files (by suffix) get the larger limit; everything else is one article.
    """
    is_jsonl = FORMAT_OF_SUFFIX.get(Path(name).suffix.lower()) == "jsonl"
    limit = MAX_JSONL_BYTES if is_jsonl else MAX_ARTICLE_BYTES
    if size > limit:
        return InputError(f"file is {size / 2**20:.0f} MB, larger than the {limit // 2**20} MB limit", path=name)
    return None


def read_articles(name: str, data: bytes, file_time: date | None = None) -> Iterator[RawArticle | InputError]:
    """Articles in one file's bytes (several for JSON Lines), or an InputError per unusable file or record."""
    too_big = size_error(name, len(data))
    if too_big:
        yield too_big
        return
    try:
        text = _decode(data, name)
    except InputError as exc:
        yield exc
        return
    fmt = _sniff(name, text)
    if fmt == "jsonl":
        yield from _read_jsonl(text, name, file_time)
        return
    paragraphs, title, published = _paragraphs_of(fmt, text)
    if not paragraphs:
        yield InputError("no text left after removing markup", path=name)
        return
    raw = RawArticle(name, None if name == "-" else name, fmt, tuple(paragraphs), title or _title_of(paragraphs))
    yield _with_dates(raw, published, file_time)


def expand_paths(paths: Iterable[str | Path]) -> Iterator[tuple[str, Path | None, str | None]]:
    """(name, file path or None for stdin, skip reason) for each input; folders recursively, hidden skipped."""
    for p in paths:
        if str(p) == "-":
            yield "-", None, None
            continue
        path = Path(p)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                rel = child.relative_to(path)
                if any(part.startswith(".") for part in rel.parts) or not child.is_file():
                    continue
                if child.suffix.lower() not in FORMAT_OF_SUFFIX:
                    yield str(child), child, f"not an article format ({child.suffix or 'no extension'})"
                    continue
                yield str(child), child, None
        else:
            yield str(path), path, None


def _decode(data: bytes, where: str) -> str:
    if not data.strip():
        raise InputError("empty file", path=where)
    if b"\x00" in data[:8192] and not data.startswith(_UTF16_BOMS):
        raise InputError("binary file (NUL bytes), not an article; give text, Markdown, HTML or JSON Lines", path=where)
    if data.startswith(_UTF16_BOMS):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); re-save the file as UTF-8",
            path=where,
        ) from exc


def _sniff(path_name: str, text: str) -> str:
    fmt = FORMAT_OF_SUFFIX.get(Path(path_name).suffix.lower())
    if fmt:
        return fmt
    head = text.lstrip()[:1000].lower()
    if head.startswith("{"):
        return "jsonl"
    if head.startswith(("<!doctype html", "<html")) or re.search(r"<(?:p|div|body|article)\b", head):
        return "html"
    return "txt"


def _paragraphs_of(fmt: str, text: str) -> tuple[list[str], str | None, str | None]:
    """(paragraphs, title, published text) of one article's text in a given format."""
    if fmt == "html":
        return html_to_paragraphs(text)
    if fmt == "md":
        paras = markdown_to_paragraphs(text)
        return paras, None, None
    return text_to_paragraphs(text), None, None


def _with_dates(raw: RawArticle, published_text: str | None, file_time: date | None) -> RawArticle:
    """The publication date from the record or HTML, else the first line, else the file time, else today."""
    if published_text:
        d = parse_date(published_text)
        if d:
            return replace(raw, published_on=d, published_from="record" if raw.format == "jsonl" else "html_meta")
    if raw.paragraphs:
        d = parse_first_line_date(raw.paragraphs[0])
        if d:
            return replace(raw, published_on=d, published_from="first_line")
    if file_time:
        return replace(raw, published_on=file_time, published_from="file_time")
    return replace(raw, published_on=datetime.now(UTC).date(), published_from="ingested")


def _title_of(paragraphs: list[str]) -> str | None:
    for p in paragraphs[:3]:
        if parse_first_line_date(p):
            continue
        return p if len(p) <= _MAX_TITLE_CHARS else p[: _MAX_TITLE_CHARS - 3] + "..."
    return None


def _read_jsonl(text: str, where: str, file_time: date | None) -> Iterator[RawArticle | InputError]:
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(f"not JSON ({exc.msg})", path=where, line=lineno)
            continue
        if not isinstance(rec, dict):
            yield InputError("a JSON Lines record must be an object", path=where, line=lineno)
            continue
        rid = str(rec.get("id") or f"{where}#{lineno}")
        body = rec.get("text")
        if not isinstance(body, str) or not body.strip():
            yield InputError(f"record {rid!r} has no text", path=where, line=lineno)
            continue
        if len(body.encode("utf-8")) > MAX_ARTICLE_BYTES:
            yield InputError(
                f"record {rid!r} text is larger than {MAX_ARTICLE_BYTES // 2**20} MB", path=where, line=lineno
            )
            continue
        fmt = "html" if re.search(r"<(?:p|div|br|body)\b", body[:2000], re.I) else "txt"
        paragraphs, html_title, _ = _paragraphs_of(fmt, body)
        title = clean_line(str(rec["title"])) if rec.get("title") else html_title
        if title and (not paragraphs or clean_line(paragraphs[0]) != title):
            paragraphs = [title, *paragraphs]
        raw = RawArticle(
            source=rid,
            source_path=where,
            format="jsonl",
            paragraphs=tuple(paragraphs),
            title=title or _title_of(paragraphs),
            url=str(rec["url"]) if rec.get("url") else None,
            outlet=str(rec["source"]) if rec.get("source") else None,
        )
        yield _with_dates(raw, str(rec["published"]) if rec.get("published") else None, file_time)
