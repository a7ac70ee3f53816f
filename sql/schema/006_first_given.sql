-- 006: a person's first given name and its phonetic code, so the name comparison can tell a variant of
-- the listed person (surname and own first name agree) from a relative (surname and father's or
-- patronymic names agree, the first name differs). Snapshots prepared before this are re-prepared on
-- next use (prepare.PREPARE_VERSION), which fills the columns.
ALTER TABLE sdn_names_std ADD COLUMN first_given VARCHAR;
ALTER TABLE sdn_names_std ADD COLUMN first_given_code VARCHAR;
