-- Keyed hash (FieldCipher.lookupHash) of a screening's canonical Bundle and center: a re-post of the same
-- Bundle.identifier is the idempotent 200 only when it matches, otherwise a 409 (the Bundle holds personal data, so
-- no plain digest). Rows received before this column have none and keep the old idempotent answer.
ALTER TABLE cf_screening ADD COLUMN content_hash VARCHAR(64);
