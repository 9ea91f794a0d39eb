package com.checkupflow.analytics;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.checkupflow.screening.ScreeningRepository;

/** Writes the timeline tables. Runs inside the caller's transaction, which is the engine's. */
@Repository
class TimelineRepository {

    static final String ABNORMAL_ITEM = "ABNORMAL_ITEM";
    static final String CHECK_FINDING = "CHECK_FINDING";

    /** Bounds the remembered cycles: past it they are forgotten all at once and read again when needed. */
    static final int MAX_REMEMBERED_CYCLES = 4096;

    private final JdbcClient jdbc;
    private final ScreeningRepository screenings;
    /**
     * The cycles of running screenings, by process instance: their columns here never change once inserted, so any
     * node may answer from its own copy; each screening's judgement, check, issue and delivery read it (4 reads).
     * An entry goes with the delivery or the end of its process instance (completed, cancelled, deleted).
     */
    private final Map<String, Cycle> cycles = new ConcurrentHashMap<>();

    TimelineRepository(JdbcClient jdbc, ScreeningRepository screenings) {
        this.jdbc = jdbc;
        this.screenings = screenings;
    }

    record Cycle(String processInstanceId, String screeningId, String center, Instant receivedAt) {
    }

    /** Remembered once the transaction commits: a rolled-back start leaves nothing behind, here or in the table. */
    void startCycle(Cycle cycle) {
        jdbc.sql("""
                INSERT INTO cf_screening_cycle (process_instance_id, screening_id, center, received_at)
                VALUES (?, ?, ?, ?)""")
                .params(cycle.processInstanceId(), cycle.screeningId(), cycle.center(), ts(cycle.receivedAt()))
                .update();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    remember(cycle);
                }
            });
        }
    }

    Optional<Cycle> cycle(String processInstanceId) {
        Cycle known = cycles.get(processInstanceId);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Cycle> read = jdbc.sql("""
                SELECT process_instance_id, screening_id, center, received_at FROM cf_screening_cycle
                WHERE process_instance_id = ?""")
                .param(processInstanceId)
                .query((rs, n) -> new Cycle(rs.getString("process_instance_id"), rs.getString("screening_id"),
                        rs.getString("center"), rs.getTimestamp("received_at").toInstant()))
                .optional();
        read.ifPresent(this::remember);
        return read;
    }

    /** Its screening was delivered or its process instance ended: a later read, if any, asks the table again. */
    void forget(String processInstanceId) {
        cycles.remove(processInstanceId);
    }

    /** Everything remembered, for whoever deleted or rewrote cycles in the table directly (the analytics tests). */
    void forgetAll() {
        cycles.clear();
    }

    private void remember(Cycle cycle) {
        if (cycles.size() >= MAX_REMEMBERED_CYCLES) {
            forgetAll();
        }
        cycles.put(cycle.processInstanceId(), cycle);
    }

    record Interval(String activityInstanceId, String processInstanceId, String center, TimelineStage stage,
                    String activityId, Instant startedAt, Instant dueAt) {
    }

    void openInterval(Interval interval) {
        jdbc.sql("""
                INSERT INTO cf_stage_interval (activity_instance_id, process_instance_id, center, stage, activity_id,
                    started_at, due_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(interval.activityInstanceId(), interval.processInstanceId(), interval.center(),
                        interval.stage().name(), interval.activityId(), ts(interval.startedAt()), ts(interval.dueAt()))
                .update();
    }

    /** An interval that opened and closed in one transaction, in one statement. */
    void writeInterval(Interval interval, Instant endedAt, long durationMs) {
        jdbc.sql("""
                INSERT INTO cf_stage_interval (activity_instance_id, process_instance_id, center, stage, activity_id,
                    started_at, due_at, ended_at, duration_ms)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(interval.activityInstanceId(), interval.processInstanceId(), interval.center(),
                        interval.stage().name(), interval.activityId(), ts(interval.startedAt()), ts(interval.dueAt()),
                        ts(endedAt), durationMs)
                .update();
    }

    /**
     * Closes the open interval that started at {@code startedAt} (the activity instance's start, as opened) in one
     * statement; @return its duration in milliseconds, or -1 if there was no open interval.
     */
    long closeInterval(String activityInstanceId, Instant startedAt, Instant endedAt) {
        if (startedAt == null) {
            return closeInterval(activityInstanceId, endedAt);
        }
        long durationMs = Math.max(0, endedAt.toEpochMilli() - startedAt.toEpochMilli());
        int closed = jdbc.sql("""
                UPDATE cf_stage_interval SET ended_at = ?, duration_ms = ?
                WHERE activity_instance_id = ? AND ended_at IS NULL""")
                .params(ts(endedAt), durationMs, activityInstanceId)
                .update();
        return closed == 0 ? -1 : durationMs;
    }

    /** Closes the open interval, reading its start first; @return its duration, or -1 if there was no open interval. */
    private long closeInterval(String activityInstanceId, Instant endedAt) {
        Optional<Timestamp> started = jdbc.sql("""
                SELECT started_at FROM cf_stage_interval WHERE activity_instance_id = ? AND ended_at IS NULL""")
                .param(activityInstanceId).query(Timestamp.class).optional();
        if (started.isEmpty()) {
            return -1;
        }
        long durationMs = Math.max(0, endedAt.toEpochMilli() - started.get().toInstant().toEpochMilli());
        jdbc.sql("UPDATE cf_stage_interval SET ended_at = ?, duration_ms = ? WHERE activity_instance_id = ?")
                .params(ts(endedAt), durationMs, activityInstanceId)
                .update();
        return durationMs;
    }

    /**
     * Closes a completed human step's open interval that started at {@code startedAt} and records its completer, in
     * one statement; @return its duration in milliseconds, or -1 if there was no open interval.
     */
    long closeCompleted(String activityInstanceId, Instant startedAt, Instant endedAt, String userId) {
        long durationMs = Math.max(0, endedAt.toEpochMilli() - startedAt.toEpochMilli());
        int closed = jdbc.sql("""
                UPDATE cf_stage_interval SET ended_at = ?, duration_ms = ?, completed_by = ?
                WHERE activity_instance_id = ? AND ended_at IS NULL""")
                .params(ts(endedAt), durationMs, userId, activityInstanceId)
                .update();
        return closed == 0 ? -1 : durationMs;
    }

    void completedBy(String activityInstanceId, String userId) {
        jdbc.sql("UPDATE cf_stage_interval SET completed_by = ? WHERE activity_instance_id = ?")
                .params(userId, activityInstanceId).update();
    }

    /** Writes a changed due date (a task's update event repeats it unchanged, e.g. when it is claimed). */
    void dueAt(String activityInstanceId, Instant dueAt) {
        jdbc.sql("""
                UPDATE cf_stage_interval SET due_at = ?
                WHERE activity_instance_id = ? AND (due_at IS NULL OR due_at <> ?)""")
                .params(ts(dueAt), activityInstanceId, ts(dueAt)).update();
    }

    void issued(String processInstanceId, Instant at, long sinceReceiptMs) {
        jdbc.sql("UPDATE cf_screening_cycle SET issued_at = ?, issue_ms = ? WHERE process_instance_id = ?")
                .params(ts(at), sinceReceiptMs, processInstanceId).update();
    }

    void delivered(String processInstanceId, Instant at, long sinceReceiptMs) {
        jdbc.sql("UPDATE cf_screening_cycle SET delivered_at = ?, delivery_ms = ? WHERE process_instance_id = ?")
                .params(ts(at), sinceReceiptMs, processInstanceId).update();
    }

    void draftRound(String processInstanceId) {
        jdbc.sql("UPDATE cf_screening_cycle SET draft_rounds = draft_rounds + 1 WHERE process_instance_id = ?")
                .param(processInstanceId).update();
    }

    void outcome(Cycle cycle, String outcome, Collection<String> abnormalItems, Instant at) {
        jdbc.sql("UPDATE cf_screening_cycle SET outcome = ? WHERE process_instance_id = ?")
                .params(outcome, cycle.processInstanceId()).update();
        jdbc.sql("DELETE FROM cf_analytics_code WHERE process_instance_id = ? AND kind = ?")
                .params(cycle.processInstanceId(), ABNORMAL_ITEM).update();
        addCodes(cycle, ABNORMAL_ITEM, abnormalItems, at);
    }

    /** One statement for all codes (a judgement's abnormal items, a check's finding types). */
    void addCodes(Cycle cycle, String kind, Collection<String> codes, Instant at) {
        if (codes.isEmpty()) {
            return;
        }
        List<Object> values = new ArrayList<>(codes.size() * 5);
        for (String code : codes) {
            values.addAll(Arrays.asList(cycle.processInstanceId(), cycle.center(), kind, code, ts(at)));
        }
        jdbc.sql("INSERT INTO cf_analytics_code (process_instance_id, center, kind, code, recorded_at) VALUES "
                        + String.join(", ", Collections.nCopies(codes.size(), "(?, ?, ?, ?, ?)")))
                .params(values)
                .update();
    }

    Optional<String> judgementJson(String screeningId) {
        return screenings.judgementJson(screeningId);
    }

    /** The check findings (JSON list of {type, detail}) of the screening's latest checked draft. */
    Optional<String> latestCheckFindings(String screeningId) {
        return jdbc.sql("""
                SELECT check_findings FROM cf_draft
                WHERE screening_id = ? AND check_passed IS NOT NULL ORDER BY round DESC""")
                .param(screeningId).query(String.class).list().stream().findFirst();
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
