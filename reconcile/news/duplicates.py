"""Is a story already stored? Exact copies by content hash, near copies by bottom-k shingle sketches.

Why a module of its own: syndication and re-wrapping make the same story arrive many times; how copies
are recognised (what is hashed, shingle size, sketch size, the similarity threshold) changes on its own
evidence, independently of file formats and of how articles are written to the store.
Near-duplicates are found with bottom-k sketches of word 4-shingles (estimated Jaccard >= 0.75).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from unidecode import unidecode

from reconcile.store import Store, load_sql

__all__ = [
    "NEAR_DUPLICATE_SIMILARITY",
    "SHINGLE_WORDS",
    "SKETCH_SIZE",
    "Duplicate",
    "content_hash",
    "find_duplicate",
    "sketch_similarity",
    "text_sketch",
]

#: Estimated Jaccard similarity of word 4-shingles at or above which a new text is a copy of a stored one.
NEAR_DUPLICATE_SIMILARITY = 0.75
#: How many of the smallest shingle hashes a sketch keeps (bottom-k).
SKETCH_SIZE = 64
#: Words per shingle.
SHINGLE_WORDS = 4


@dataclass(frozen=True)
class Duplicate:
    """A stored article the new text copies: match_kind is identical | near."""

    duplicate_of: str
    similarity: float
    match_kind: str


def content_hash(body: str) -> str:
    """sha256 of the normalized body: NFC text, whitespace collapsed (so re-wrapping does not matter)."""
    return hashlib.sha256(" ".join(body.split()).encode("utf-8")).hexdigest()


def text_sketch(body: str) -> list[int]:
    """Bottom-k 64-bit hashes of the word 4-shingles of the casefolded ASCII text."""
    words = re.findall(r"\w+", unidecode(body).casefold())
    if len(words) < SHINGLE_WORDS:
        shingles = {" ".join(words)}
    else:
        shingles = {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}
    hashes = {int.from_bytes(hashlib.blake2b(s.encode(), digest_size=8).digest(), "big") for s in shingles}
    return sorted(hashes)[:SKETCH_SIZE]


def sketch_similarity(a: list[int], b: list[int]) -> float:
    """Estimated Jaccard similarity of two bottom-k sketches."""
    if not a or not b:
        return 0.0
    sa, sb = set(a), set(b)
    union = sorted(sa | sb)[: max(len(a), len(b))]
    return sum(1 for h in union if h in sa and h in sb) / len(union)


def find_duplicate(
    store: Store, article_id: str, sketch: list[int], sketches: list[tuple[str, list[int]]]
) -> Duplicate | None:
    """The stored article this text copies: the identical one, else the most similar at or above the threshold.

    Args:
        store: the store holding the articles (checked for the exact content hash).
        article_id: the new text's content hash.
        sketch: the new text's sketch.
        sketches: (article_id, sketch) of every stored article, including those added earlier in the batch.
    """
    exact = store.query(load_sql("news/article_by_id"), {"article_id": article_id})
    if exact:
        return Duplicate(exact[0][0], 1.0, "identical")
    best = max(((sketch_similarity(sketch, s), aid) for aid, s in sketches), default=(0.0, None))
    if best[1] is not None and best[0] >= NEAR_DUPLICATE_SIMILARITY:
        return Duplicate(best[1], best[0], "near")
    return None
