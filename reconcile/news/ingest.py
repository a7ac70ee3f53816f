"""`add_articles`: read article files, store each story once, extract and store its mentions.

Per file (or JSON Lines record) the outcome is added, duplicate (identical or near-identical to a stored
article, linked to it in article_duplicates) or refused with a reason; a refused file never stops the batch,
and each added article is committed on its own, so a later failure cannot lose it.

This module only walks the inputs and hands each one on: reading and format sniffing are in
`reconcile.news.formats`, copy detection in `reconcile.news.duplicates`, writing in
`reconcile.news.storage`. Names other packages import from here are re-exported below.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from reconcile.errors import InputError, NotFound
from reconcile.extraction import DEFAULT_EXTRACTOR, Extractor, load_extractor
from reconcile.news.duplicates import NEAR_DUPLICATE_SIMILARITY, content_hash, sketch_similarity, text_sketch
from reconcile.news.formats import (
    MAX_ARTICLE_BYTES,
    MAX_JSONL_BYTES,
    RawArticle,
    expand_paths,
    read_articles,
    size_error,
)
from reconcile.news.outcomes import AddReport, FileOutcome
from reconcile.news.storage import store_article
from reconcile.store import Store, load_sql

__all__ = [
    "MAX_ARTICLE_BYTES",
    "MAX_JSONL_BYTES",
    "NEAR_DUPLICATE_SIMILARITY",
    "AddReport",
    "FileOutcome",
    "RawArticle",
    "add_articles",
    "content_hash",
    "list_mentions",
    "read_articles",
    "sketch_similarity",
    "text_sketch",
]

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

    for name, path, skip in expand_paths(paths):
        if skip:
            emit(FileOutcome(name, "skipped", reason=skip))
            continue
        try:
            data, file_time = _read_input(name, path, stdin)
        except (InputError, OSError) as exc:
            emit(FileOutcome(name, "refused", reason=str(exc)))
            continue
        for item in read_articles(name, data, file_time):
            if isinstance(item, InputError):
                emit(FileOutcome(item.path or name, "refused", reason=str(item)))
                continue
            try:
                emit(store_article(store, item, ex, sketches))
            except InputError as exc:
                emit(FileOutcome(item.source, "refused", reason=str(exc)))
    return report


def _read_input(name: str, path: Path | None, stdin: Callable[[], bytes] | None) -> tuple[bytes, date | None]:
    """The bytes of one input and its modification date; a file over its size limit is refused unread.

    Raises:
        InputError: the file is missing or too large.
        OSError: it cannot be read.
    """
    if path is None:
        return (stdin or sys.stdin.buffer.read)(), None
    if not path.exists():
        raise InputError("no such file or folder", path=name)
    too_big = size_error(name, path.stat().st_size)
    if too_big:
        raise too_big
    data = path.read_bytes()
    return data, datetime.fromtimestamp(path.stat().st_mtime, UTC).date()


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
