-- 008: each name's adjacent words written together ("su nam" -> "sunam", "mozaffari nia" ->
-- "mozaffarinia"), so a name one source writes in one word and another in two still agrees word by
-- word. Snapshots prepared before this are re-prepared on next use (prepare.PREPARE_VERSION).
ALTER TABLE sdn_names_std ADD COLUMN joined VARCHAR[];
