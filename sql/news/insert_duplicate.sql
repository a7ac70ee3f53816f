-- Record a copy of a stored article (identical or near-identical text) instead of storing it again.
-- Reads: none.  Writes: article_duplicates.
-- Parameters: $source, $content_hash, $duplicate_of, $match_kind, $similarity, $seen_at.
INSERT INTO article_duplicates (source, content_hash, duplicate_of, match_kind, similarity, seen_at)
VALUES ($source, $content_hash, $duplicate_of, $match_kind, $similarity, $seen_at)
