-- 005: the information of each name's key word (its surname, or its rarest word), so the name
-- comparison can tell a rare key word agreeing from a common one by level, the way it already splits
-- the covering levels by name_bits. Snapshots prepared before this are re-prepared on next use
-- (prepare.PREPARE_VERSION), which fills the column.
ALTER TABLE sdn_names_std ADD COLUMN key_bits DOUBLE;
