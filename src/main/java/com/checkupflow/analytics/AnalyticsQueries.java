package com.checkupflow.analytics;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;


import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Read side of the timeline: every figure is one indexed SQL aggregate over our own tables (percentiles with
 * {@code PERCENTILE_CONT … WITHIN GROUP}, supported by PostgreSQL and H2 2.x); no historic instance is loaded
 * into Java. Only constant SQL fragments are concatenated; every value is a bind parameter.
 */
@Repository
class AnalyticsQueries {

    static final double MS_PER_MINUTE = 60_000.0;
    static final List<String> ACTIVITY_DURATION_COLUMNS = List.of("activityId", "count", "avgMinutes", "p90Minutes");

    private final JdbcClient jdbc;
    private final AnalyticsProperties properties;
    private final Clock clock;

    AnalyticsQueries(JdbcClient jdbc, AnalyticsProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    record Figures(long count, Double p50Minutes, Double p90Minutes) {
        static final Figures NONE = new Figures(0, null, null);
    }

    record SlaBreaches(long reviewOverdueOpen, long reviewCompletedLate, long deliveryOverdueOpen,
                       long deliveredLate) {
        long total() {
            return reviewOverdueOpen + reviewCompletedLate + deliveryOverdueOpen + deliveredLate;
        }
    }

    /** Per stage of the timeline: intervals that started in the range and have ended. */
    Map<TimelineStage, Figures> stageFigures(AnalyticsFilter f) {
        Map<TimelineStage, Figures> figures = new LinkedHashMap<>();
        for (TimelineStage stage : TimelineStage.values()) {
            figures.put(stage, Figures.NONE);
        }
        query("""
                SELECT stage, COUNT(*) AS n,
                    PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY duration_ms) AS p50,
                    PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY duration_ms) AS p90
                FROM cf_stage_interval
                WHERE started_at >= :from AND started_at < :to AND duration_ms IS NOT NULL""", f,
                " GROUP BY stage")
                .query((rs, n) -> Map.entry(TimelineStage.valueOf(rs.getString("stage")), figures(rs)))
                .list()
                .forEach(e -> figures.put(e.getKey(), e.getValue()));
        return figures;
    }

    /** Receipt to delivery (see {@code delivered-stage}) of screenings received in the range. */
    Figures endToEnd(AnalyticsFilter f) {
        String ms = endToEndColumn();
        return query("SELECT COUNT(*) AS n, "
                + "PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY " + ms + ") AS p50, "
                + "PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY " + ms + ") AS p90 "
                + "FROM cf_screening_cycle WHERE received_at >= :from AND received_at < :to AND " + ms
                + " IS NOT NULL", f, "")
                .query((rs, n) -> figures(rs)).single();
    }

    SlaBreaches slaBreaches(AnalyticsFilter f) {
        Timestamp now = Timestamp.from(clock.instant());
        long[] review = query("""
                SELECT SUM(CASE WHEN ended_at IS NULL AND due_at < :now THEN 1 ELSE 0 END) AS open_late,
                       SUM(CASE WHEN ended_at IS NOT NULL AND ended_at > due_at THEN 1 ELSE 0 END) AS done_late
                FROM cf_stage_interval
                WHERE stage = 'REVIEW' AND started_at >= :from AND started_at < :to""", f, "")
                .param("now", now)
                .query((rs, n) -> new long[] {rs.getLong("open_late"), rs.getLong("done_late")}).single();
        String ms = endToEndColumn();
        String at = properties.deliveredStage() == TimelineStage.DELIVERED ? "delivered_at" : "issued_at";
        long[] delivery = query("SELECT SUM(CASE WHEN " + at + " IS NULL AND received_at < :deadline THEN 1 ELSE 0 END)"
                + " AS open_late, SUM(CASE WHEN " + ms + " > :deadlineMs THEN 1 ELSE 0 END) AS done_late"
                + " FROM cf_screening_cycle WHERE received_at >= :from AND received_at < :to", f, "")
                .param("deadline", Timestamp.from(clock.instant().minus(properties.deliveryDeadline())))
                .param("deadlineMs", properties.deliveryDeadline().toMillis())
                .query((rs, n) -> new long[] {rs.getLong("open_late"), rs.getLong("done_late")}).single();
        return new SlaBreaches(review[0], review[1], delivery[0], delivery[1]);
    }

    /** End-to-end cycle time distribution: screenings per duration band. */
    DataTable endToEndDistribution(AnalyticsFilter f) {
        String ms = endToEndColumn();
        String[] labels = {"< 1 h", "1–4 h", "4–24 h", "1–3 d", "3–7 d", "7–15 d", "≥ 15 d"};
        long[] bounds = {Duration.ofHours(1).toMillis(), Duration.ofHours(4).toMillis(),
                Duration.ofDays(1).toMillis(), Duration.ofDays(3).toMillis(), Duration.ofDays(7).toMillis(),
                Duration.ofDays(15).toMillis()};
        StringBuilder band = new StringBuilder("CASE");
        for (int i = 0; i < bounds.length; i++) {
            band.append(" WHEN ").append(ms).append(" < ").append(bounds[i]).append(" THEN ").append(i);
        }
        band.append(" ELSE ").append(bounds.length).append(" END");
        long[] counts = new long[labels.length];
        query("SELECT " + band + " AS band, COUNT(*) AS n FROM cf_screening_cycle"
                + " WHERE received_at >= :from AND received_at < :to AND " + ms + " IS NOT NULL", f,
                " GROUP BY " + band)
                .query((rs, n) -> counts[rs.getInt("band")] = rs.getLong("n")).list();
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            rows.add(List.of(labels[i], counts[i]));
        }
        return new DataTable(List.of("band", "screenings"), rows);
    }

    DataTable stagePercentiles(AnalyticsFilter f) {
        List<List<Object>> rows = new ArrayList<>();
        stageFigures(f).forEach((stage, fig) -> rows.add(row(stage.name(), fig.count(), fig.p50Minutes(),
                fig.p90Minutes())));
        return new DataTable(List.of("stage", "count", "p50Minutes", "p90Minutes"), rows);
    }

    /** Centers side by side: received, completed and end-to-end percentiles per center. */
    DataTable centers(AnalyticsFilter f) {
        String ms = endToEndColumn();
        return new DataTable(List.of("center", "received", "completed", "p50Hours", "p90Hours"),
                query("SELECT center, COUNT(*) AS received, COUNT(" + ms + ") AS completed, "
                        + "PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY " + ms + ") AS p50, "
                        + "PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY " + ms + ") AS p90 "
                        + "FROM cf_screening_cycle WHERE received_at >= :from AND received_at < :to", f,
                        " GROUP BY center ORDER BY center")
                        .query((rs, n) -> row(rs.getString("center"), rs.getLong("received"),
                                rs.getLong("completed"), hours(rs, "p50"), hours(rs, "p90")))
                        .list());
    }

    /** What is open now, per stage, by age; the date range does not apply (it is the present backlog). */
    DataTable backlog(AnalyticsFilter f) {
        Instant now = clock.instant();
        String sql = """
                SELECT stage, COUNT(*) AS n,
                    SUM(CASE WHEN started_at >= :d1 THEN 1 ELSE 0 END) AS under1d,
                    SUM(CASE WHEN started_at < :d1 AND started_at >= :d3 THEN 1 ELSE 0 END) AS d1to3,
                    SUM(CASE WHEN started_at < :d3 AND started_at >= :d7 THEN 1 ELSE 0 END) AS d3to7,
                    SUM(CASE WHEN started_at < :d7 THEN 1 ELSE 0 END) AS over7d
                FROM cf_stage_interval WHERE ended_at IS NULL""";
        JdbcClient.StatementSpec spec = jdbc.sql(sql + (f.center() == null ? "" : " AND center = :center")
                + " GROUP BY stage ORDER BY stage")
                .param("d1", Timestamp.from(now.minus(Duration.ofDays(1))))
                .param("d3", Timestamp.from(now.minus(Duration.ofDays(3))))
                .param("d7", Timestamp.from(now.minus(Duration.ofDays(7))));
        if (f.center() != null) {
            spec = spec.param("center", f.center());
        }
        return new DataTable(List.of("stage", "open", "under1d", "1to3d", "3to7d", "over7d"),
                spec.query((rs, n) -> row(rs.getString("stage"), rs.getLong("n"), rs.getLong("under1d"),
                        rs.getLong("d1to3"), rs.getLong("d3to7"), rs.getLong("over7d"))).list());
    }

    DataTable sla(AnalyticsFilter f) {
        SlaBreaches b = slaBreaches(f);
        return new DataTable(List.of("breach", "count"), List.of(
                row("review overdue (open)", b.reviewOverdueOpen()),
                row("review completed after due date", b.reviewCompletedLate()),
                row("not delivered, deadline passed", b.deliveryOverdueOpen()),
                row("delivered after deadline", b.deliveredLate())));
    }

    /** Received and issued screenings per day. */
    DataTable throughput(AnalyticsFilter f) {
        Map<LocalDate, long[]> days = new TreeMap<>();
        for (LocalDate d = f.from(); !d.isAfter(f.to()); d = d.plusDays(1)) {
            days.put(d, new long[2]);
        }
        query("SELECT CAST(received_at AS DATE) AS on_day, COUNT(*) AS n FROM cf_screening_cycle"
                + " WHERE received_at >= :from AND received_at < :to", f, " GROUP BY CAST(received_at AS DATE)")
                .query((rs, n) -> count(days, rs, 0)).list();
        query("SELECT CAST(issued_at AS DATE) AS on_day, COUNT(*) AS n FROM cf_screening_cycle"
                + " WHERE issued_at >= :from AND issued_at < :to", f, " GROUP BY CAST(issued_at AS DATE)")
                .query((rs, n) -> count(days, rs, 1)).list();
        List<List<Object>> rows = new ArrayList<>();
        days.forEach((day, n) -> rows.add(row(day.toString(), n[0], n[1])));
        return new DataTable(List.of("day", "received", "issued"), rows);
    }

    private static Object count(Map<LocalDate, long[]> days, ResultSet rs, int column) throws SQLException {
        long[] slot = days.get(rs.getObject("on_day", LocalDate.class));
        if (slot != null) {
            slot[column] = rs.getLong("n");
        }
        return null;
    }

    /** Drafting figures (cf_draft, cf_review) of screenings received in the range. */
    DataTable ai(AnalyticsFilter f) {
        String screeningFilter = " s.received_at >= :from AND s.received_at < :to"
                + (f.center() == null ? "" : " AND s.center = :center");
        List<List<Object>> rows = new ArrayList<>();
        Object[] drafts = bind(jdbc.sql("""
                SELECT COUNT(*) AS drafts,
                       SUM(CASE WHEN d.fallback THEN 1 ELSE 0 END) AS fallbacks,
                       SUM(CASE WHEN d.check_passed = FALSE THEN 1 ELSE 0 END) AS flagged
                FROM cf_draft d JOIN cf_screening s ON s.id = d.screening_id WHERE""" + screeningFilter), f)
                .query((rs, n) -> new Object[] {rs.getLong("drafts"), rs.getLong("fallbacks"), rs.getLong("flagged")})
                .single();
        long draftCount = (Long) drafts[0];
        rows.add(row("drafts", draftCount));
        rows.add(row("fallback rate", ratio((Long) drafts[1], draftCount)));
        rows.add(row("drafts with check findings", ratio((Long) drafts[2], draftCount)));
        Object[] reviews = bind(jdbc.sql("""
                SELECT COUNT(*) AS approved,
                       SUM(CASE WHEN CAST(COALESCE(r.signed_text, r.draft_text, d.text) AS VARCHAR(100000))
                           = CAST(d.text AS VARCHAR(100000)) THEN 1 ELSE 0 END) AS unchanged
                FROM cf_review r
                JOIN cf_screening s ON s.id = r.screening_id
                JOIN cf_draft d ON d.screening_id = r.screening_id
                    AND d.round = (SELECT MAX(d2.round) FROM cf_draft d2 WHERE d2.screening_id = r.screening_id)
                WHERE r.decision = 'APPROVE' AND s.issued_at IS NOT NULL AND""" + screeningFilter), f)
                .query((rs, n) -> new Object[] {rs.getLong("approved"), rs.getLong("unchanged")}).single();
        rows.add(row("approvals", reviews[0]));
        rows.add(row("approved unchanged", ratio((Long) reviews[1], (Long) reviews[0])));
        Object[] redraft = query("""
                SELECT COUNT(*) AS drafted, SUM(CASE WHEN draft_rounds > 1 THEN 1 ELSE 0 END) AS redrafted
                FROM cf_screening_cycle WHERE draft_rounds > 0 AND received_at >= :from AND received_at < :to""",
                f, "").query((rs, n) -> new Object[] {rs.getLong("drafted"), rs.getLong("redrafted")}).single();
        rows.add(row("redraft rate", ratio((Long) redraft[1], (Long) redraft[0])));
        rows.add(row("median edit ratio", medianEditRatio(f, screeningFilter)));
        return new DataTable(List.of("figure", "value"), rows);
    }

    /** Median share of the draft a physician changed before signing (cf_review.edit_ratio), null without reviews. */
    private Double medianEditRatio(AnalyticsFilter f, String screeningFilter) {
        List<Double> median = bind(jdbc.sql("SELECT PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY r.edit_ratio) AS m"
                + " FROM cf_review r JOIN cf_screening s ON s.id = r.screening_id WHERE r.edit_ratio IS NOT NULL AND"
                + screeningFilter), f)
                .query((rs, n) -> rs.getObject("m") == null ? null : round(rs.getDouble("m"), 3)).list();
        return median.isEmpty() ? null : median.get(0);
    }

    DataTable checkFindings(AnalyticsFilter f) {
        return codes(f, TimelineRepository.CHECK_FINDING, 50, "findingType");
    }

    DataTable abnormalItems(AnalyticsFilter f) {
        return codes(f, TimelineRepository.ABNORMAL_ITEM, 10, "item");
    }

    private DataTable codes(AnalyticsFilter f, String kind, int limit, String column) {
        return new DataTable(List.of(column, "count"),
                query("SELECT code, COUNT(*) AS n FROM cf_analytics_code"
                        + " WHERE kind = :kind AND recorded_at >= :from AND recorded_at < :to", f,
                        " GROUP BY code ORDER BY n DESC, code FETCH FIRST " + limit + " ROWS ONLY")
                        .param("kind", kind)
                        .query((rs, n) -> row(rs.getString("code"), rs.getLong("n"))).list());
    }

    /** Share of overall outcomes (정상A / 정상B / 질환의심 / 유질환) per center and month of receipt. */
    DataTable outcomes(AnalyticsFilter f) {
        Map<String, long[]> byCenterMonth = new TreeMap<>();
        query("""
                SELECT center, EXTRACT(YEAR FROM received_at) AS y, EXTRACT(MONTH FROM received_at) AS m,
                    outcome, COUNT(*) AS n
                FROM cf_screening_cycle
                WHERE received_at >= :from AND received_at < :to AND outcome IS NOT NULL""", f,
                " GROUP BY center, EXTRACT(YEAR FROM received_at), EXTRACT(MONTH FROM received_at), outcome")
                .query((rs, n) -> {
                    String key = rs.getString("center") + "|"
                            + String.format("%04d-%02d", rs.getInt("y"), rs.getInt("m"));
                    byCenterMonth.computeIfAbsent(key, k -> new long[OutcomeGroup.values().length])
                            [OutcomeGroup.of(rs.getString("outcome")).ordinal()] += rs.getLong("n");
                    return null;
                }).list();
        List<String> columns = new ArrayList<>(List.of("center", "month", "screenings"));
        for (OutcomeGroup g : OutcomeGroup.values()) {
            columns.add(g.label);
        }
        List<List<Object>> rows = new ArrayList<>();
        byCenterMonth.forEach((key, counts) -> {
            long total = 0;
            for (long c : counts) {
                total += c;
            }
            List<Object> row = new ArrayList<>(List.of(key.split("\\|")[0], key.split("\\|")[1], total));
            for (long c : counts) {
                row.add(ratio(c, total));
            }
            rows.add(row);
        });
        return new DataTable(columns, rows);
    }

    /** Per activity: count, average and p90 minutes (the Cockpit heatmap). */
    DataTable activityDurations(AnalyticsFilter f) {
        return new DataTable(ACTIVITY_DURATION_COLUMNS,
                query("""
                        SELECT activity_id, COUNT(*) AS n, AVG(duration_ms) AS avg_ms,
                            PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY duration_ms) AS p90
                        FROM cf_stage_interval
                        WHERE started_at >= :from AND started_at < :to AND duration_ms IS NOT NULL""", f,
                        " GROUP BY activity_id ORDER BY activity_id")
                        .query((rs, n) -> row(rs.getString("activity_id"), rs.getLong("n"),
                                minutes(rs, "avg_ms"), minutes(rs, "p90"))).list());
    }

    enum OutcomeGroup {
        NORMAL_A("정상A"), NORMAL_B("정상B"), SUSPECT("질환의심"), KNOWN_DISEASE("유질환"), OTHER("판정불가");

        final String label;

        OutcomeGroup(String label) {
            this.label = label;
        }

        static OutcomeGroup of(String primary) {
            return switch (primary) {
                case "NORMAL_A" -> NORMAL_A;
                case "NORMAL_B" -> NORMAL_B;
                case "CARDIOMETABOLIC_SUSPECT", "GENERAL_SUSPECT" -> SUSPECT;
                case "KNOWN_DISEASE" -> KNOWN_DISEASE;
                default -> OTHER;
            };
        }
    }

    // --- helpers

    private String endToEndColumn() {
        return properties.deliveredStage() == TimelineStage.DELIVERED ? "delivery_ms" : "issue_ms";
    }

    /** {@code where} must end inside a WHERE clause; the center condition and {@code tail} are appended. */
    private JdbcClient.StatementSpec query(String where, AnalyticsFilter f, String tail) {
        return bind(jdbc.sql(where + (f.center() == null ? "" : " AND center = :center") + tail), f);
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, AnalyticsFilter f) {
        spec = spec.param("from", Timestamp.from(f.fromInstant())).param("to", Timestamp.from(f.toInstant()));
        return f.center() == null ? spec : spec.param("center", f.center());
    }

    private static Figures figures(ResultSet rs) throws SQLException {
        return new Figures(rs.getLong("n"), minutes(rs, "p50"), minutes(rs, "p90"));
    }

    private static Double minutes(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column) == null ? null : round(rs.getDouble(column) / MS_PER_MINUTE, 1);
    }

    private static Double hours(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column) == null ? null : round(rs.getDouble(column) / 3_600_000.0, 2);
    }

    private static Double ratio(long part, long whole) {
        return whole == 0 ? null : round((double) part / whole, 4);
    }

    static Double round(double value, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }

    private static List<Object> row(Object... cells) {
        return Arrays.asList(cells);
    }
}
