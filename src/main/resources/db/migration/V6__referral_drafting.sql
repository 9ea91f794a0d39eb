-- How a referral letter was drafted, as for report drafts: provider and prompt version of the draft, whether the
-- template letter stands in for a model letter (fallback), and the check of the model's letter (findings JSON).
ALTER TABLE cf_referral ADD COLUMN provider VARCHAR(32) DEFAULT 'template' NOT NULL;
ALTER TABLE cf_referral ADD COLUMN prompt_version VARCHAR(64);
ALTER TABLE cf_referral ADD COLUMN fallback BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE cf_referral ADD COLUMN check_passed BOOLEAN;
ALTER TABLE cf_referral ADD COLUMN check_findings TEXT;
ALTER TABLE cf_referral ADD COLUMN input_sha256 VARCHAR(64);
