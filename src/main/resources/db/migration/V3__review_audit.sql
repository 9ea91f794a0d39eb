-- Who signed what and when: every review decision keeps the draft it was made on and, when it signs
-- (APPROVE / WRITE_MANUALLY), the signed text, a line diff draft -> signed and the edit ratio
-- (character Levenshtein distance / length of the longer text: 0 = signed as drafted, 1 = rewritten).
-- V2 is reserved for another branch. TEXT is a character large object in both H2 and PostgreSQL.
ALTER TABLE cf_review ADD COLUMN draft_round INT;
ALTER TABLE cf_review ADD COLUMN draft_text TEXT;
ALTER TABLE cf_review ADD COLUMN signed_text TEXT;
ALTER TABLE cf_review ADD COLUMN text_diff TEXT;
ALTER TABLE cf_review ADD COLUMN edit_ratio DECIMAL(5, 4);
