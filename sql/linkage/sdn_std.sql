-- The Splink input of one snapshot: its name variants in the standard record schema (no snapshot_id).
-- Reads: sdn_names_std. Parameters: $snapshot_id. Output: the columns of prepare.STD_SCHEMA.
SELECT unique_id, query_id, ent_num, name_id, name_raw, entity_kind, full_norm, sorted_key, tokens,
       token_codes, surnames, surname_codes,
       joined, phonetic, key_token, key_bits, first_given, first_given_code, name_bits, phonetic_bits, countries, program_countries, block_keys
FROM sdn_names_std
WHERE snapshot_id = $snapshot_id
