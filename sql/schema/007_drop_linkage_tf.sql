-- 007: no name level uses Splink's term-frequency adjustment any more (the key word's information,
-- sdn_names_std.key_bits, splits the levels instead; see linkage/settings.py), so the per-snapshot
-- term-frequency lookup is no longer built or read.
DROP TABLE linkage_tf;
