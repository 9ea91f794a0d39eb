-- Year views: the SLA, end-to-end, outcome and redraft aggregates read columns (ended_at, due_at, delivery_ms,
-- delivered_at, outcome, draft_rounds) that the range indexes they use did not hold, so over 365 days each fetched
-- ~100 000 table rows one by one (the review SLA alone was half of GET /api/analytics/cycle-times). The trailing
-- columns make these range indexes covering; the leading columns are unchanged, so every plan that used them still
-- can.
DROP INDEX ix_cf_stage_interval_stage_started;
CREATE INDEX ix_cf_stage_interval_stage_started ON cf_stage_interval (stage, started_at, ended_at, due_at);
DROP INDEX ix_cf_stage_interval_center_stage_started;
CREATE INDEX ix_cf_stage_interval_center_stage_started
    ON cf_stage_interval (center, stage, started_at, ended_at, due_at);
DROP INDEX ix_cf_screening_cycle_received;
CREATE INDEX ix_cf_screening_cycle_received
    ON cf_screening_cycle (received_at, center, issue_ms, delivery_ms, issued_at, delivered_at, outcome, draft_rounds);
DROP INDEX ix_cf_screening_cycle_center_received;
CREATE INDEX ix_cf_screening_cycle_center_received
    ON cf_screening_cycle (center, received_at, issue_ms, delivery_ms, issued_at, delivered_at, outcome, draft_rounds);
