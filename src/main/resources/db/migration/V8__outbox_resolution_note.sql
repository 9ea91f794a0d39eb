-- 'DELIVERED_MANUALLY' (18 characters) did not fit the status column, so a coordinator could not record a report
-- handed over by hand. The coordinator's note gets a column of its own: last_error holds failure reasons only.
ALTER TABLE cf_outbox ALTER COLUMN status SET DATA TYPE VARCHAR(24);
ALTER TABLE cf_outbox ADD COLUMN resolution_note VARCHAR(500);
