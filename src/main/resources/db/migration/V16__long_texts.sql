-- A physician's request-changes note and a nurse's correction note are as long as they write them (the limits are
-- enforced by the application with a 400, see docs/robustness.md): VARCHAR(2000) overflowed with real notes.
-- TEXT is a character large object in both H2 and PostgreSQL; SET DATA TYPE is understood by both.
ALTER TABLE cf_review ALTER COLUMN note SET DATA TYPE TEXT;
ALTER TABLE cf_correction ALTER COLUMN note SET DATA TYPE TEXT;
