"""Writing one read article to the store: the article, or its duplicate record, and its mentions.

Why a module of its own: this is the only news code that knows the columns of `articles`,
`article_duplicates` and `mentions` (sql/schema/003_news.sql) and how they are written; it changes
with the schema, not with input formats or duplicate rules. Mentions go in as one Arrow table per
article (one INSERT) rather than one statement per mention.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import pyarrow as pa

from reconcile.extraction import Document, Extractor, Mention
from reconcile.news.duplicates import content_hash, find_duplicate, text_sketch
from reconcile.news.formats import RawArticle
from reconcile.news.outcomes import FileOutcome
from reconcile.store import Store, load_sql

__all__ = ["MENTION_SCHEMA", "mention_row", "mention_table", "store_article"]

#: The mentions table (sql/schema/003_news.sql) as Arrow types, in its column order.
MENTION_SCHEMA = pa.schema(
    [
        ("mention_id", pa.string()),
        ("article_id", pa.string()),
        ("article_source", pa.string()),
        ("span_start", pa.int32()),
        ("span_end", pa.int32()),
        ("surface", pa.string()),
        ("canonical_name", pa.string()),
        ("name_key", pa.string()),
        ("kind", pa.string()),
        ("role", pa.string()),
        ("countries", pa.list_(pa.string())),
        ("sanction", pa.bool_()),
        ("sanction_cue", pa.string()),
        ("delisting", pa.bool_()),
        ("identifiers", pa.list_(pa.struct([("kind", pa.string()), ("value", pa.string())]))),
        ("aliases", pa.list_(pa.string())),
        ("sentence", pa.string()),
        ("label", pa.string()),
        ("extractor", pa.string()),
    ]
)


def mention_row(m: Mention) -> dict[str, Any]:
    """One row of the mentions table for a mention already stamped with its article and extractor."""
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


def mention_table(mentions: list[Mention]) -> pa.Table:
    """The mentions as rows of the mentions table, typed by MENTION_SCHEMA (so an empty list is typed too)."""
    return pa.Table.from_pylist([mention_row(m) for m in mentions], schema=MENTION_SCHEMA)


def store_article(
    store: Store, raw: RawArticle, extractor: Extractor, sketches: list[tuple[str, list[int]]]
) -> FileOutcome:
    """Store one article and its mentions in one transaction, or record it as a copy of a stored one.

    `sketches` holds (article_id, sketch) of every stored article; an added article's sketch is appended,
    so later files of the same batch are compared with it too.
    """
    doc = Document.from_paragraphs(list(raw.paragraphs))
    article_id = content_hash(doc.text)
    now = datetime.now(UTC).replace(tzinfo=None)
    sketch = text_sketch(doc.text)
    dup = find_duplicate(store, article_id, sketch, sketches)
    if dup is not None:
        with store.transaction() as con:
            con.execute(
                load_sql("news/insert_duplicate"),
                {
                    "source": raw.source,
                    "content_hash": article_id,
                    "duplicate_of": dup.duplicate_of,
                    "match_kind": dup.match_kind,
                    "similarity": dup.similarity,
                    "seen_at": now,
                },
            )
        return FileOutcome(
            raw.source, "duplicate", duplicate_of=dup.duplicate_of, similarity=round(dup.similarity, 3), title=raw.title
        )
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
        if mentions:
            store.insert_arrow("mentions", mention_table(mentions))
    sketches.append((article_id, sketch))
    return FileOutcome(raw.source, "added", article_id=article_id, mention_count=len(mentions), title=raw.title)
