-- Encryption at rest of direct identifiers (branch crypto). The data keys, each wrapped by the master key
-- (privacy.DataKeys): one AES-256-GCM key per month for column values (FIELD), one HMAC key for lookup hashes
-- (LOOKUP). kek_id names the master key that wraps the row, so a rotation knows what is left to re-wrap.
CREATE TABLE cf_data_key (
    key_id      VARCHAR(64)  NOT NULL PRIMARY KEY,
    purpose     VARCHAR(16)  NOT NULL,
    period      VARCHAR(16)  NOT NULL,
    kek_id      VARCHAR(32)  NOT NULL,
    wrapped_key TEXT         NOT NULL,
    created_at  TIMESTAMP    NOT NULL,
    wrapped_at  TIMESTAMP    NOT NULL,
    CONSTRAINT uq_cf_data_key_period UNIQUE (purpose, period)
);

-- Ciphertexts (enc1:<key id>:<base64>) are longer than the values. The name, the RRN, the rendered report and
-- referral letter (they print the name) and the original Bundle are encrypted by V14_1 and from then on.
ALTER TABLE cf_screening ALTER COLUMN patient_name SET DATA TYPE VARCHAR(1000);
ALTER TABLE cf_screening ALTER COLUMN patient_rrn SET DATA TYPE VARCHAR(1000);
-- The keyed hash of the RRN's digits: finds a patient's screenings without the plain RRN.
ALTER TABLE cf_screening ADD COLUMN patient_rrn_hash VARCHAR(64);
CREATE INDEX ix_cf_screening_rrn_hash ON cf_screening (patient_rrn_hash);

-- Retention: when the original Bundle was reduced to what the report still needs (the Observations' codes).
ALTER TABLE cf_screening_bundle ADD COLUMN reduced_at TIMESTAMP;
