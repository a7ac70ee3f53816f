-- Purpose: every change between two snapshots, one row per change: entries added, removed, and each field
--          of an amended entry that differs (entry columns, aliases, remarks facts by kind, addresses).
-- Reads: sdn_entries, sdn_names, sdn_facts, sdn_addresses.
-- Parameters: $from_id, $to_id (snapshot ids).
-- Columns: ent_num, change (added | removed | amended), field (NULL for added/removed), old_value, new_value,
--          sdn_name (the name in the newer version, else the older).
WITH
entry_fields AS (
    SELECT snapshot_id, ent_num, field, value
    FROM (
        SELECT snapshot_id, ent_num,
               sdn_name AS name, sdn_type AS type,
               array_to_string(list_sort(programs), '; ') AS programs,
               title, call_sign, vess_type, tonnage, grt, vess_flag, vess_owner
        FROM sdn_entries
        WHERE snapshot_id IN ($from_id, $to_id)
    ) UNPIVOT INCLUDE NULLS (value FOR field IN
        (name, type, programs, title, call_sign, vess_type, tonnage, grt, vess_flag, vess_owner))
),
alias_fields AS (
    SELECT snapshot_id, ent_num, 'aliases' AS field,
           string_agg(name_kind || ' ' || name_raw, '; ' ORDER BY name_kind, name_raw) AS value
    FROM sdn_names
    WHERE snapshot_id IN ($from_id, $to_id) AND name_kind <> 'primary'
    GROUP BY ALL
),
fact_fields AS (
    SELECT snapshot_id, ent_num,
           -- a fact kind that is also an entry column (title) is named apart so the two never pair up
           CASE WHEN fact_kind = 'other' THEN 'remarks (other)'
                WHEN fact_kind IN ('name', 'type', 'programs', 'title', 'call_sign', 'vess_type', 'tonnage', 'grt',
                                   'vess_flag', 'vess_owner', 'aliases', 'addresses')
                THEN fact_kind || ' (remarks)'
                ELSE fact_kind END AS field,
           string_agg(
               concat_ws(' ', CASE WHEN is_alt THEN 'alt.' END, detail, value,
                         CASE WHEN country IS NOT NULL THEN '(' || country || ')' END),
               '; ' ORDER BY seq) AS value
    FROM sdn_facts
    WHERE snapshot_id IN ($from_id, $to_id)
    GROUP BY ALL
),
address_fields AS (
    SELECT snapshot_id, ent_num, 'addresses' AS field,
           string_agg(concat_ws(', ', address, city_state_postal, country, add_remarks), '; '
                      ORDER BY concat_ws(', ', address, city_state_postal, country, add_remarks)) AS value
    FROM sdn_addresses
    WHERE snapshot_id IN ($from_id, $to_id)
    GROUP BY ALL
),
all_fields AS (
    SELECT * FROM entry_fields
    UNION ALL SELECT * FROM alias_fields
    UNION ALL SELECT * FROM fact_fields
    UNION ALL SELECT * FROM address_fields
),
old_e AS (SELECT ent_num, sdn_name FROM sdn_entries WHERE snapshot_id = $from_id),
new_e AS (SELECT ent_num, sdn_name FROM sdn_entries WHERE snapshot_id = $to_id),
both_e AS (SELECT ent_num, new_e.sdn_name FROM old_e JOIN new_e USING (ent_num)),
old_f AS (SELECT * FROM all_fields WHERE snapshot_id = $from_id AND ent_num IN (SELECT ent_num FROM both_e)),
new_f AS (SELECT * FROM all_fields WHERE snapshot_id = $to_id AND ent_num IN (SELECT ent_num FROM both_e)),
amended AS (
    SELECT coalesce(o.ent_num, n.ent_num) AS ent_num, 'amended' AS change,
           coalesce(o.field, n.field) AS field, o.value AS old_value, n.value AS new_value
    FROM old_f o
    FULL OUTER JOIN new_f n ON o.ent_num = n.ent_num AND o.field = n.field
    WHERE o.value IS DISTINCT FROM n.value
)
SELECT ent_num, 'added' AS change, NULL AS field, NULL AS old_value, sdn_name AS new_value, sdn_name
FROM new_e WHERE ent_num NOT IN (SELECT ent_num FROM old_e)
UNION ALL
SELECT ent_num, 'removed', NULL, sdn_name, NULL, sdn_name
FROM old_e WHERE ent_num NOT IN (SELECT ent_num FROM new_e)
UNION ALL
SELECT a.ent_num, a.change, a.field, a.old_value, a.new_value, b.sdn_name
FROM amended a JOIN both_e b USING (ent_num)
ORDER BY change, ent_num, field
