package com.checkupflow.analytics;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.checkupflow.center.Centers;
import com.checkupflow.process.ScreeningReportProcess.Activities;

/**
 * Writes synthetic historic screenings with realistic timelines straight into the analytics tables (batch inserts,
 * no engine), for benchmarks and demos. Volume grows with time, as in a real deployment: {@code perDay} screenings a
 * day, ending yesterday, so N screenings cover N / perDay days. The last two days are partly still open.
 */
@Component
class TimelineSeeder {

    static final int BATCH = 2_000;
    private static final String[] ITEMS = {"fastingGlucose", "systolicBp", "diastolicBp", "bmi", "waist",
            "totalCholesterol", "ldl", "triglycerides", "hdl", "ast", "alt", "ggt", "creatinine", "egfr",
            "hemoglobin", "urineProtein"};
    /** The types DraftChecker reports (DraftCheck.Finding.type), as the real timeline records them. */
    private static final String[] FINDINGS = {"NUMBER_MISMATCH", "MISSING_FINDING", "UNSUPPORTED_VALUE",
            "DIAGNOSIS_LANGUAGE", "CATEGORY_CONTRADICTION"};

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Centers centers;
    private final Clock clock;

    TimelineSeeder(JdbcTemplate jdbc, TransactionTemplate tx, Centers centers, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.centers = centers;
        this.clock = clock;
    }

    record Interval(String processInstanceId, String center, TimelineStage stage, String activityId, Instant start,
                    Instant end, Instant due, String completedBy) {
    }

    /** @return the number of interval rows written */
    long seed(int screenings, int perDay, long randomSeed) {
        return seed(screenings, perDay, randomSeed, LocalDate.now(clock).minusDays(1));
    }

    /** Screenings received on the days up to {@code lastDay}, {@code perDay} a day. */
    long seed(int screenings, int perDay, long randomSeed, LocalDate lastDay) {
        Random random = new Random(randomSeed);
        List<String> centerIds = centers.all().stream().map(c -> c.id()).toList();
        int days = Math.max(1, (screenings + perDay - 1) / perDay);
        Instant firstDay = lastDay.minusDays(days - 1L).atStartOfDay(clock.getZone()).toInstant();
        Instant now = clock.instant();
        List<Object[]> cycles = new ArrayList<>();
        List<Object[]> intervals = new ArrayList<>();
        List<Object[]> codes = new ArrayList<>();
        long written = 0;
        for (int i = 0; i < screenings; i++) {
            String pid = "seed-" + UUID.randomUUID();
            String center = centerIds.get(random.nextInt(centerIds.size()));
            Instant received = firstDay.plus(Duration.ofDays(i / perDay))
                    .plus(Duration.ofMinutes(8 * 60 + random.nextInt(9 * 60)));
            List<Interval> timeline = timeline(pid, center, received, random);
            Instant issued = null;
            int rounds = 0;
            for (Interval in : timeline) {
                if (in.end() != null && in.end().isAfter(now)) {
                    in = new Interval(in.processInstanceId(), in.center(), in.stage(), in.activityId(), in.start(),
                            null, in.due(), null);
                }
                if (in.start().isAfter(now)) {
                    break;
                }
                intervals.add(new Object[] {pid + "-" + intervals.size() + "-" + i, pid, center, in.stage().name(),
                        in.activityId(), ts(in.start()), ts(in.end()),
                        in.end() == null ? null : Duration.between(in.start(), in.end()).toMillis(), ts(in.due()),
                        in.completedBy()});
                if (in.stage() == TimelineStage.DRAFTING) {
                    rounds++;
                }
                if (in.stage() == TimelineStage.ISSUED && in.end() != null) {
                    issued = in.end();
                }
                if (in.end() == null) {
                    break;
                }
            }
            String outcome = outcome(random);
            cycles.add(new Object[] {pid, UUID.randomUUID().toString(), center, ts(received), ts(issued),
                    issued == null ? null : Duration.between(received, issued).toMillis(), outcome, rounds});
            if (outcome.endsWith("SUSPECT") || outcome.equals("KNOWN_DISEASE")) {
                for (int k = 0, n = 1 + random.nextInt(3); k < n; k++) {
                    codes.add(new Object[] {pid, center, TimelineRepository.ABNORMAL_ITEM,
                            ITEMS[Math.min(ITEMS.length - 1, (int) Math.abs(random.nextGaussian() * 5))],
                            ts(received)});
                }
            }
            if (rounds > 0 && random.nextInt(5) == 0) {
                codes.add(new Object[] {pid, center, TimelineRepository.CHECK_FINDING,
                        FINDINGS[random.nextInt(FINDINGS.length)], ts(received)});
            }
            if (cycles.size() >= BATCH) {
                written += flush(cycles, intervals, codes);
            }
        }
        written += flush(cycles, intervals, codes);
        return written;
    }

    /** Report path with realistic waits: judging, sometimes corrections, drafting, check, review (sometimes sent back). */
    private List<Interval> timeline(String pid, String center, Instant received, Random r) {
        List<Interval> out = new ArrayList<>();
        Instant t = received.plusSeconds(1 + r.nextInt(20));
        t = add(out, pid, center, TimelineStage.RECEIVED, Activities.JUDGE_RESULTS, t, secs(r, 2, 0.5), null);
        if (r.nextInt(100) < 3) {
            add(out, pid, center, TimelineStage.CRITICAL_CONFIRMATION, Activities.CONFIRM_CRITICAL_RESULT, t,
                    mins(r, 40, 0.8), "physician" + center);
        }
        if (r.nextInt(100) < 10) {
            t = add(out, pid, center, TimelineStage.CORRECTING, Activities.RESOLVE_INVALID_RESULTS, t,
                    mins(r, 240, 1.0), "nurse" + center);
            t = add(out, pid, center, TimelineStage.CORRECTING, Activities.APPLY_CORRECTIONS, t, secs(r, 1, 0.3), null);
            t = add(out, pid, center, TimelineStage.RECEIVED, Activities.JUDGE_RESULTS, t, secs(r, 2, 0.5), null);
        }
        int rounds = r.nextInt(100) < 12 ? 2 : 1;
        for (int round = 0; round < rounds; round++) {
            t = add(out, pid, center, TimelineStage.DRAFTING, Activities.DRAFT_SUMMARY, t.plusSeconds(1),
                    secs(r, 8, 0.6), null);
            t = add(out, pid, center, TimelineStage.CHECKING, Activities.CHECK_DRAFT, t.plusSeconds(1),
                    Duration.ofMillis(50 + r.nextInt(400)), null);
            t = add(out, pid, center, TimelineStage.REVIEW, Activities.REVIEW_REPORT, t, mins(r, 360, 1.1),
                    "physician" + center);
        }
        add(out, pid, center, TimelineStage.ISSUED, Activities.ISSUE_REPORT, t.plusSeconds(2), secs(r, 3, 0.5), null);
        return out;
    }

    private static Instant add(List<Interval> out, String pid, String center, TimelineStage stage, String activity,
                               Instant start, Duration duration, String user) {
        Instant end = start.plus(duration);
        Instant due = stage == TimelineStage.REVIEW ? start.plus(Duration.ofDays(2)) : null;
        out.add(new Interval(pid, center, stage, activity, start, end, due, user));
        return end;
    }

    private static Duration secs(Random r, double median, double sigma) {
        return Duration.ofMillis((long) (1000 * median * Math.exp(sigma * r.nextGaussian())));
    }

    private static Duration mins(Random r, double median, double sigma) {
        return Duration.ofMillis((long) (60_000 * median * Math.exp(sigma * r.nextGaussian())));
    }

    private static String outcome(Random r) {
        int p = r.nextInt(100);
        return p < 22 ? "NORMAL_A" : p < 55 ? "NORMAL_B" : p < 75 ? "GENERAL_SUSPECT"
                : p < 88 ? "CARDIOMETABOLIC_SUSPECT" : p < 99 ? "KNOWN_DISEASE" : "UNDETERMINED";
    }

    private long flush(List<Object[]> cycles, List<Object[]> intervals, List<Object[]> codes) {
        long n = intervals.size();
        tx.executeWithoutResult(status -> {
            jdbc.batchUpdate("""
                    INSERT INTO cf_screening_cycle (process_instance_id, screening_id, center, received_at, issued_at,
                        issue_ms, outcome, draft_rounds) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", cycles);
            jdbc.batchUpdate("""
                    INSERT INTO cf_stage_interval (activity_instance_id, process_instance_id, center, stage,
                        activity_id, started_at, ended_at, duration_ms, due_at, completed_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", intervals);
            jdbc.batchUpdate("""
                    INSERT INTO cf_analytics_code (process_instance_id, center, kind, code, recorded_at)
                    VALUES (?, ?, ?, ?, ?)""", codes);
        });
        cycles.clear();
        intervals.clear();
        codes.clear();
        return n;
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
