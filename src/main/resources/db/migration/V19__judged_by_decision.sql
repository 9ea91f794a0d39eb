-- The deployed version of screening_judgement (its decision definition id) that judged the screening: the report
-- prints the reference bands of that version. Null for screenings judged before it was recorded.
ALTER TABLE cf_screening ADD COLUMN judged_by_decision VARCHAR(64);
