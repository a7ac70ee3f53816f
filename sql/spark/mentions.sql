-- Stored mentions in the column order of the mentions table, for export to Parquet.
-- Reads: mentions.  Parameters: none.
-- Output: every column of mentions, in article then text order.
SELECT mention_id, article_id, article_source, span_start, span_end, surface, canonical_name, name_key, kind,
       role, countries, sanction, sanction_cue, delisting, identifiers, aliases, sentence, label, extractor
FROM mentions
ORDER BY article_id, span_start, span_end
