"""`add_articles`: read article files, store each story once, extract and store its mentions.

Per file (or JSON Lines record) the outcome is added, duplicate (identical or near-identical to a stored
article, linked to it in article_duplicates) or refused with a reason; a refused file never stops the batch,
and each added article is committed on its own, so a later failure cannot lose it.
Near-duplicates are found with bottom-k sketches of word 4-shingles (estimated Jaccard >= 0.75).
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from unidecode import unidecode

from reconcile.errors import InputError, NotFound
from reconcile.extraction import DEFAULT_EXTRACTOR, Document, Extractor, Mention, load_extractor
from reconcile.news.dates import parse_date, parse_first_line_date
from reconcile.news.text import clean_line, html_to_paragraphs, markdown_to_paragraphs, text_to_paragraphs
from reconcile.store import Store, load_sql

__all__ = ["AddReport", "FileOutcome", "add_articles", "list_mentions", "read_articles"]

#: A single article file (or one JSON Lines record's text) larger than this is refused: no news story is
#: that long, and it is most likely a dump or a binary file.
MAX_ARTICLE_BYTES = 5 * 1024 * 1024
#: A JSON Lines export may hold many articles, but one larger than this is refused rather than read whole.
MAX_JSONL_BYTES = 200 * 1024 * 1024
#: Estimated Jaccard similarity of word 4-shingles at or above which a new text is a copy of a stored one.
NEAR_DUPLICATE_SIMILARITY = 0.75
_SKETCH_SIZE = 64
_SHINGLE = 4
_FORMATS = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}


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


@dataclass(frozen=True)
class FileOutcome:
    """What happened to one file or record: status is added | duplicate | refused | skipped."""

    source: str
    status: str
    article_id: str | None = None
    duplicate_of: str | None = None
    similarity: float | None = None
    reason: str | None = None
    mention_count: int = 0
    title: str | None = None


@dataclass
class AddReport:
    """Per-file outcomes of one `add_articles` call, in input order."""

    outcomes: list[FileOutcome] = field(default_factory=list)
    extractor: str = ""

    def count(self, status: str) -> int:
        """Number of outcomes with this status."""
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def refused(self) -> list[FileOutcome]:
        """Outcomes that were refused (the CLI exits 1 if any)."""
        return [o for o in self.outcomes if o.status == "refused"]


# ---- reading ---------------------------------------------------------------------------------------


def _decode(data: bytes, where: str) -> str:
    if not data.strip():
        raise InputError("empty file", path=where)
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError("binary file (NUL bytes), not an article; give text, Markdown, HTML or JSON Lines", path=where)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); re-save the file as UTF-8",
            path=where,
        ) from exc


def _sniff(path_name: str, text: str) -> str:
    fmt = _FORMATS.get(Path(path_name).suffix.lower())
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
    from dataclasses import replace

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
        return p if len(p) <= 200 else p[:197] + "..."
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


def read_articles(name: str, data: bytes, file_time: date | None = None) -> Iterator[RawArticle | InputError]:
    """Articles in one file's bytes (several for JSON Lines), or an InputError per unusable file or record."""
    is_jsonl = Path(name).suffix.lower() in {".jsonl", ".ndjson"}
    limit = MAX_JSONL_BYTES if is_jsonl else MAX_ARTICLE_BYTES
    if len(data) > limit:
        yield InputError(f"file is {len(data) / 2**20:.0f} MB, larger than the {limit // 2**20} MB limit", path=name)
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


def _expand(paths: Iterable[str | Path]) -> Iterator[tuple[str, Path | None, str | None]]:
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
                if child.suffix.lower() not in _FORMATS:
                    yield str(child), child, f"not an article format ({child.suffix or 'no extension'})"
                    continue
                yield str(child), child, None
        else:
            yield str(path), path, None


# ---- duplicates ------------------------------------------------------------------------------------


def content_hash(body: str) -> str:
    """sha256 of the normalized body: NFC text, whitespace collapsed (so re-wrapping does not matter)."""
    return hashlib.sha256(" ".join(body.split()).encode("utf-8")).hexdigest()


def text_sketch(body: str) -> list[int]:
    """Bottom-k 64-bit hashes of the word 4-shingles of the casefolded ASCII text."""
    words = re.findall(r"\w+", unidecode(body).casefold())
    if len(words) < _SHINGLE:
        shingles = {" ".join(words)}
    else:
        shingles = {" ".join(words[i : i + _SHINGLE]) for i in range(len(words) - _SHINGLE + 1)}
    hashes = {int.from_bytes(hashlib.blake2b(s.encode(), digest_size=8).digest(), "big") for s in shingles}
    return sorted(hashes)[:_SKETCH_SIZE]


def sketch_similarity(a: list[int], b: list[int]) -> float:
    """Estimated Jaccard similarity of two bottom-k sketches."""
    if not a or not b:
        return 0.0
    sa, sb = set(a), set(b)
    union = sorted(sa | sb)[: max(len(a), len(b))]
    return sum(1 for h in union if h in sa and h in sb) / len(union)


# ---- storing ---------------------------------------------------------------------------------------


def _mention_row(m: Mention) -> dict[str, Any]:
    return {
        "mention_id": m.mention_id,
        "article_id": m.article_id,
        "article_source": m.article_source,
        "span_start": m.start,
        "span_end": m.end,
        "surface": m.surface,
        "canonical_name": m.canonical_name,
        "name_key": m.name_key,
        "kind": m.kind,
        "role": m.role,
        "countries": list(m.countries),
        "sanction": m.sanction,
        "sanction_cue": m.sanction_cue,
        "delisting": m.delisting,
        "identifiers": [{"kind": i.kind, "value": i.value} for i in m.identifiers],
        "aliases": list(m.aliases),
        "sentence": m.sentence,
        "label": m.label,
        "extractor": m.extractor,
    }


def _store_article(
    store: Store, raw: RawArticle, extractor: Extractor, sketches: list[tuple[str, list[int]]]
) -> FileOutcome:
    from dataclasses import replace

    doc = Document.from_paragraphs(list(raw.paragraphs))
    article_id = content_hash(doc.text)
    now = datetime.now(UTC).replace(tzinfo=None)
    sketch = text_sketch(doc.text)
    exact = store.query(load_sql("news/article_by_id"), {"article_id": article_id})
    dup_of, sim, kind = (exact[0][0], 1.0, "identical") if exact else (None, 0.0, "")
    if dup_of is None:
        best = max(((sketch_similarity(sketch, s), aid) for aid, s in sketches), default=(0.0, None))
        if best[1] is not None and best[0] >= NEAR_DUPLICATE_SIMILARITY:
            sim, dup_of, kind = best[0], best[1], "near"
    if dup_of is not None:
        with store.transaction() as con:
            con.execute(
                load_sql("news/insert_duplicate"),
                {
                    "source": raw.source,
                    "content_hash": article_id,
                    "duplicate_of": dup_of,
                    "match_kind": kind,
                    "similarity": sim,
                    "seen_at": now,
                },
            )
        return FileOutcome(raw.source, "duplicate", duplicate_of=dup_of, similarity=round(sim, 3), title=raw.title)
    mentions = [
        replace(m, article_id=article_id, article_source=raw.source, extractor=extractor.name)
        for m in extractor.extract(doc)
    ]
    with store.transaction() as con:
        con.execute(
            load_sql("news/insert_article"),
            {
                "article_id": article_id,
                "source": raw.source,
                "source_path": raw.source_path,
                "format": raw.format,
                "title": raw.title,
                "url": raw.url,
                "outlet": raw.outlet,
                "published_on": raw.published_on,
                "published_from": raw.published_from,
                "body": doc.text,
                "word_count": len(doc.text.split()),
                "sketch": sketch,
                "extractor": extractor.name,
                "ingested_at": now,
            },
        )
        for m in mentions:
            con.execute(load_sql("news/insert_mention"), _mention_row(m))
    sketches.append((article_id, sketch))
    return FileOutcome(raw.source, "added", article_id=article_id, mention_count=len(mentions), title=raw.title)


def add_articles(
    store: Store,
    paths: Iterable[str | Path],
    extractor: Extractor | str = DEFAULT_EXTRACTOR,
    *,
    stdin: Callable[[], bytes] | None = None,
    progress: Callable[[FileOutcome], None] | None = None,
) -> AddReport:
    """Ingest article files, folders (recursively) and "-" (stdin); one outcome per file or record.

    Args:
        store: the open store; each added article and its mentions are committed in their own transaction.
        paths: files, folders or "-".
        extractor: an Extractor, or a spec for `load_extractor` ("spacy", "spacy:<model>", "rules").
        stdin: reads standard input when "-" is given (default: sys.stdin's bytes).
        progress: called with each outcome as it is decided.

    Raises:
        InputError: the extractor spec is unknown or its model is not installed (before anything is read).
    """
    ex = load_extractor(extractor) if isinstance(extractor, str) else extractor
    report = AddReport(extractor=ex.name)
    sketches = [(row[0], list(row[1])) for row in store.query(load_sql("news/article_sketches"))]

    def emit(outcome: FileOutcome) -> None:
        report.outcomes.append(outcome)
        if progress:
            progress(outcome)

    for name, path, skip in _expand(paths):
        if skip:
            emit(FileOutcome(name, "skipped", reason=skip))
            continue
        try:
            if path is None:
                data = (stdin or sys.stdin.buffer.read)()
                file_time = None
            else:
                if not path.exists():
                    raise InputError("no such file or folder", path=name)
                size = path.stat().st_size
                limit = MAX_JSONL_BYTES if path.suffix.lower() in {".jsonl", ".ndjson"} else MAX_ARTICLE_BYTES
                if size > limit:
                    raise InputError(
                        f"file is {size / 2**20:.0f} MB, larger than the {limit // 2**20} MB limit", path=name
                    )
                data = path.read_bytes()
                file_time = datetime.fromtimestamp(path.stat().st_mtime, UTC).date()
        except (InputError, OSError) as exc:
            emit(FileOutcome(name, "refused", reason=str(exc)))
            continue
        for item in read_articles(name, data, file_time):
            if isinstance(item, InputError):
                emit(FileOutcome(item.path or name, "refused", reason=str(item)))
                continue
            try:
                emit(_store_article(store, item, ex, sketches))
            except InputError as exc:
                emit(FileOutcome(item.source, "refused", reason=str(exc)))
    return report


def list_mentions(store: Store, article_id: str | None = None) -> list[dict[str, Any]]:
    """Stored mentions (all, or of one article) as dicts with stable keys, in article and text order.

    Raises:
        NotFound: article_id is given but no such article is stored.
    """
    if article_id is not None and not store.query(load_sql("news/article_count"), {"article_id": article_id})[0][0]:
        raise NotFound(f"no article {article_id!r}; list articles with `reconcile mentions`")
    cur = store.con.execute(load_sql("news/mentions"), {"article_id": article_id})
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]
