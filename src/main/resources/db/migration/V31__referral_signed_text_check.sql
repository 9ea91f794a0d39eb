-- The referral letter a physician signs goes through the draft check too (trial 4, H5), like the report's signed text
-- (V11): the findings on the signed letter (JSON array of {type, detail, shown}, empty when it passed), whether the
-- physician signed despite them, and why.
ALTER TABLE cf_referral ADD COLUMN signed_check_findings TEXT;
ALTER TABLE cf_referral ADD COLUMN signed_anyway BOOLEAN;
ALTER TABLE cf_referral ADD COLUMN sign_anyway_reason TEXT;
