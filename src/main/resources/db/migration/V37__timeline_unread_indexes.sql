-- Two indexes of the analytics tables that no query reads: every analytics query is bounded by started_at,
-- received_at or issued_at, or reads the open intervals (ended_at), and the timeline finds its rows by their primary
-- keys (activity instance, process instance). Each was one more index entry written per stage interval (six per
-- screening) and per cycle; the plans of every analytics query are the same without them, on H2 and PostgreSQL
-- (docs/benchmarks.md 14.3).
DROP INDEX ix_cf_stage_interval_process;
DROP INDEX ix_cf_screening_cycle_screening;
