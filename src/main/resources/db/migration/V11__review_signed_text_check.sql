-- The text a physician signs goes through the draft check too (issue 10): the findings on the signed text (JSON
-- array of {type, detail}, empty when it passed; null when the decision signs nothing) and, when there were findings,
-- the physician's explicit decision to sign anyway and the reason given.
ALTER TABLE cf_review ADD COLUMN signed_check_findings TEXT;
ALTER TABLE cf_review ADD COLUMN signed_anyway BOOLEAN;
ALTER TABLE cf_review ADD COLUMN sign_anyway_reason TEXT;
