-- Audit of model-backed drafting (provider, model, prompt_version, fallback and the check columns exist since V1).
-- input_sha256 is the hash of the de-identified model input: it proves what was sent without storing it twice.
ALTER TABLE cf_draft ADD COLUMN input_sha256 VARCHAR(64);
ALTER TABLE cf_draft ADD COLUMN tokens_in INT;
ALTER TABLE cf_draft ADD COLUMN tokens_out INT;
ALTER TABLE cf_draft ADD COLUMN latency_ms BIGINT;
ALTER TABLE cf_draft ADD COLUMN attempts INT DEFAULT 0 NOT NULL;
ALTER TABLE cf_draft ADD COLUMN evidence TEXT;
