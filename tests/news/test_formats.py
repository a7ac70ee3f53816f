"""Reading limits: one article file and one JSON Lines export have their own size limits."""

from __future__ import annotations

from reconcile.errors import InputError
from reconcile.news.formats import MAX_ARTICLE_BYTES, MAX_JSONL_BYTES, read_articles, size_error


def test_size_limit_depends_on_the_format_by_suffix():
    assert size_error("story.txt", MAX_ARTICLE_BYTES) is None
    assert "5 MB limit" in str(size_error("story.txt", MAX_ARTICLE_BYTES + 1))
    assert size_error("feed.NDJSON", MAX_ARTICLE_BYTES + 1) is None  # an export holds many stories
    assert "200 MB limit" in str(size_error("feed.jsonl", MAX_JSONL_BYTES + 1))


def test_read_articles_refuses_oversized_bytes_with_the_file_name():
    [refusal] = read_articles("-", b"x" * (MAX_ARTICLE_BYTES + 1))
    assert isinstance(refusal, InputError) and refusal.path == "-"
    assert "larger than the 5 MB limit" in str(refusal)
