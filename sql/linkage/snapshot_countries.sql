-- Countries tied to each entry of one snapshot: nationality and citizenship facts, address countries.
-- Reads: sdn_facts, sdn_addresses. Parameters: $snapshot_id. Output: ent_num, country (as published).
SELECT ent_num, coalesce(country, value) AS country
FROM sdn_facts
WHERE snapshot_id = $snapshot_id AND fact_kind IN ('nationality', 'citizenship')
UNION
SELECT ent_num, country
FROM sdn_addresses
WHERE snapshot_id = $snapshot_id AND country IS NOT NULL
