"""News ingest: turn article files (text, Markdown, HTML, JSON Lines) into stored articles and mentions.

Each article is stored once, keyed by the sha256 of its normalized text; identical and near-identical
copies (syndication) are linked to the first copy instead of being stored again. Extraction of mentions
is delegated to `reconcile.extraction`, whose backends load lazily (spaCy is never imported here).
"""

from reconcile.news.ingest import AddReport, FileOutcome, add_articles, list_mentions

__all__ = ["AddReport", "FileOutcome", "add_articles", "list_mentions"]
