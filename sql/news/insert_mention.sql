-- Store one mention of an article (append-only).
-- Reads: none.  Writes: mentions.  Parameters: one per column.
INSERT INTO mentions (mention_id, article_id, article_source, span_start, span_end, surface, canonical_name,
                      name_key, kind, role, countries, sanction, sanction_cue, delisting, identifiers, aliases,
                      sentence, label, extractor)
VALUES ($mention_id, $article_id, $article_source, $span_start, $span_end, $surface, $canonical_name,
        $name_key, $kind, $role, $countries, $sanction, $sanction_cue, $delisting, $identifiers, $aliases,
        $sentence, $label, $extractor)
