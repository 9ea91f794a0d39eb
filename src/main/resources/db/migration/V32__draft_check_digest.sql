-- The digest of every input of a draft's text check (DraftChecker.inputDigest: the rules' version, the text, the
-- judgement, the language, the critical findings). Signing that very draft with the same inputs takes the stored
-- check instead of checking again; null (a model's draft, checked with its structured answer, or a check stored
-- before) means the signed text is checked.
ALTER TABLE cf_draft ADD COLUMN check_digest VARCHAR(64);
