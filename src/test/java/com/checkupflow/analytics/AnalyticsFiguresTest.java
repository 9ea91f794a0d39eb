package com.checkupflow.analytics;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.checkupflow.TestHttp;
import com.checkupflow.OwnJvm;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Figures from a known set of timelines (jeju and busan, March 2025) against hand-computed percentiles
 * (PERCENTILE_CONT: linear interpolation between the closest ranks, as in PostgreSQL).
 */
@AutoConfigureObservability(tracing = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "checkupflow.demo.screenings=0",
        // The hand-made timelines below end when the report is issued.
        "checkupflow.analytics.delivered-stage=ISSUED",
        "spring.datasource.url=jdbc:h2:mem:analytics-test;DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.wait-time-in-millis=200",
        "camunda.bpm.job-execution.max-wait=1000"})
@OwnJvm
class AnalyticsFiguresTest {

    static final String RANGE = "from=2025-03-01&to=2025-03-31";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TimelineRepository timelineRepository;
    @Autowired
    ObjectMapper json;

    @BeforeEach
    void knownTimelines() {
        jdbc.sql("DELETE FROM cf_stage_interval WHERE process_instance_id LIKE 'known-%'").update();
        jdbc.sql("DELETE FROM cf_screening_cycle WHERE process_instance_id LIKE 'known-%'").update();
        jdbc.sql("DELETE FROM cf_analytics_code WHERE process_instance_id LIKE 'known-%'").update();
        timelineRepository.forgetAll();
        // Reviews of 10, 20, 30, 40, 50 minutes: p50 = 30, p90 = 40 + 0.6 × 10 = 46. The 50-minute one was due after 45.
        int[] reviews = {10, 20, 30, 40, 50};
        for (int i = 0; i < reviews.length; i++) {
            Instant start = at(3 + i, 9);
            interval("known-r" + i, "jeju", "REVIEW", start, reviews[i], start.plus(Duration.ofMinutes(45)));
        }
        // Still open, due 2025-03-05: overdue now; not in the percentiles.
        jdbc.sql("""
                INSERT INTO cf_stage_interval (activity_instance_id, process_instance_id, center, stage, activity_id,
                    started_at, due_at) VALUES ('known-open', 'known-c5', 'jeju', 'REVIEW', 'Activity_ReviewReport', ?, ?)""")
                .params(ts(at(3, 9)), ts(at(5, 9))).update();
        // Drafting 1 and 3 minutes: p50 = 2, p90 = 1 + 0.9 × 2 = 2.8.
        interval("known-d0", "jeju", "DRAFTING", at(3, 8), 1, null);
        interval("known-d1", "jeju", "DRAFTING", at(4, 8), 3, null);
        // Another center: only in the unfiltered figures.
        interval("known-b0", "busan", "REVIEW", at(3, 9), 1000, at(3, 10));
        // End to end 60, 120, 180 (bands 1–4 h), 240 (4–24 h) minutes and 16 days (23 040 min, late):
        // p50 = 180, p90 = 240 + 0.6 × (23 040 − 240) = 13 920.
        long[] cycles = {60, 120, 180, 240, 23_040};
        String[] outcomes = {"NORMAL_A", "NORMAL_A", "NORMAL_B", "GENERAL_SUSPECT", "KNOWN_DISEASE"};
        for (int i = 0; i < cycles.length; i++) {
            Instant received = at(2 + i, 8);
            jdbc.sql("""
                    INSERT INTO cf_screening_cycle (process_instance_id, screening_id, center, received_at, issued_at,
                        issue_ms, outcome, draft_rounds) VALUES (?, ?, 'jeju', ?, ?, ?, ?, ?)""")
                    .params("known-c" + i, "s" + i, ts(received), ts(received.plus(Duration.ofMinutes(cycles[i]))),
                            cycles[i] * 60_000, outcomes[i], i == 0 ? 2 : 1)
                    .update();
        }
        // Received, never issued: overdue against the 15-day deadline.
        jdbc.sql("""
                INSERT INTO cf_screening_cycle (process_instance_id, screening_id, center, received_at, draft_rounds)
                VALUES ('known-c5', 's5', 'jeju', ?, 1)""").param(ts(at(2, 8))).update();
        jdbc.sql("""
                INSERT INTO cf_analytics_code (process_instance_id, center, kind, code, recorded_at)
                VALUES ('known-c3', 'jeju', 'ABNORMAL_ITEM', 'fastingGlucose', ?),
                       ('known-c4', 'jeju', 'ABNORMAL_ITEM', 'fastingGlucose', ?),
                       ('known-c4', 'jeju', 'ABNORMAL_ITEM', 'ldl', ?)""")
                .params(ts(at(5, 9)), ts(at(6, 9)), ts(at(6, 9))).update();
    }

    @Test
    void shouldMatchHandComputedPercentilesWhenFilteredByCenter() throws Exception {
        JsonNode r = getJson("/api/analytics/cycle-times?" + RANGE + "&center=jeju");

        Assertions.assertThat(r.at("/stages/REVIEW/count").asLong()).isEqualTo(5);
        Assertions.assertThat(r.at("/stages/REVIEW/p50Minutes").asDouble()).isEqualTo(30.0);
        Assertions.assertThat(r.at("/stages/REVIEW/p90Minutes").asDouble()).isEqualTo(46.0);
        Assertions.assertThat(r.at("/stages/DRAFTING/p50Minutes").asDouble()).isEqualTo(2.0);
        Assertions.assertThat(r.at("/stages/DRAFTING/p90Minutes").asDouble()).isEqualTo(2.8);
        Assertions.assertThat(r.at("/stages/ISSUED/count").asLong()).isZero();
        Assertions.assertThat(r.at("/stages/ISSUED/p50Minutes").isNull()).isTrue();
        Assertions.assertThat(r.at("/endToEnd/count").asLong()).isEqualTo(5);
        Assertions.assertThat(r.at("/endToEnd/p50Minutes").asDouble()).isEqualTo(180.0);
        Assertions.assertThat(r.at("/endToEnd/p90Minutes").asDouble()).isEqualTo(13_920.0);
        Assertions.assertThat(r.at("/slaBreaches/reviewOverdueOpen").asLong()).isEqualTo(1);
        Assertions.assertThat(r.at("/slaBreaches/reviewCompletedLate").asLong()).isEqualTo(1);
        Assertions.assertThat(r.at("/slaBreaches/deliveryOverdueOpen").asLong()).isEqualTo(1);
        Assertions.assertThat(r.at("/slaBreaches/deliveredLate").asLong()).isEqualTo(1);
        Assertions.assertThat(r.at("/slaBreaches/total").asLong()).isEqualTo(4);
    }

    @Test
    void shouldIncludeEveryCenterWhenNoCenterIsGiven() throws Exception {
        JsonNode r = getJson("/api/analytics/cycle-times?" + RANGE);

        // 10, 20, 30, 40, 50, 1000: p50 = 35, p90 = 50 + 0.5 × 950 = 525.
        Assertions.assertThat(r.at("/stages/REVIEW/count").asLong()).isEqualTo(6);
        Assertions.assertThat(r.at("/stages/REVIEW/p50Minutes").asDouble()).isEqualTo(35.0);
        Assertions.assertThat(r.at("/stages/REVIEW/p90Minutes").asDouble()).isEqualTo(525.0);
    }

    @Test
    void shouldLabelEveryKeyOfTheTablesInKoreanWhenDashboardIsQueried() throws Exception {
        JsonNode dashboard = getJson("/api/analytics/dashboard?" + RANGE);
        JsonNode labels = dashboard.get("labels");

        Assertions.assertThat(labels.get("center.gangnam").asText()).isEqualTo("강남센터");
        Assertions.assertThat(labels.get("item.fastingGlucose").asText()).isEqualTo("공복혈당");
        Assertions.assertThat(labels.get("item.fasting_glucose").asText()).isEqualTo("공복혈당");
        Assertions.assertThat(labels.get("stage.REVIEW").asText()).isEqualTo("의사 검토");
        dashboard.get("tables").get("stage-percentiles").get("rows").forEach(r ->
                Assertions.assertThat(labels.has("stage." + r.get(0).asText())).as(r.get(0).asText()).isTrue());
        dashboard.get("tables").get("ai").get("rows").forEach(r ->
                Assertions.assertThat(labels.has("figure." + r.get(0).asText())).as(r.get(0).asText()).isTrue());
        dashboard.get("tables").get("sla-breaches").get("rows").forEach(r ->
                Assertions.assertThat(labels.has("breach." + r.get(0).asText())).as(r.get(0).asText()).isTrue());
        dashboard.get("tables").get("end-to-end-distribution").get("rows").forEach(r ->
                Assertions.assertThat(labels.has("band." + r.get(0).asText())).as(r.get(0).asText()).isTrue());
        dashboard.get("tables").get("check-findings").get("rows").forEach(r ->
                Assertions.assertThat(labels.has("finding." + r.get(0).asText())).as(r.get(0).asText()).isTrue());
    }

    @Test
    void shouldShowOutcomeSharesRedraftsAndAbnormalItemsWhenDashboardIsQueried() throws Exception {
        JsonNode tables = getJson("/api/analytics/dashboard?" + RANGE + "&center=jeju").get("tables");

        JsonNode outcomes = tables.at("/outcomes/rows/0");
        Assertions.assertThat(outcomes.get(0).asText()).isEqualTo("jeju");
        Assertions.assertThat(outcomes.get(1).asText()).isEqualTo("2025-03");
        Assertions.assertThat(outcomes.get(2).asLong()).isEqualTo(5);
        Assertions.assertThat(outcomes.get(3).asDouble()).isEqualTo(0.4);
        Assertions.assertThat(outcomes.get(4).asDouble()).isEqualTo(0.2);
        Assertions.assertThat(outcomes.get(5).asDouble()).isEqualTo(0.2);
        Assertions.assertThat(outcomes.get(6).asDouble()).isEqualTo(0.2);
        Assertions.assertThat(tables.at("/abnormal-items/rows/0/0").asText()).isEqualTo("fastingGlucose");
        Assertions.assertThat(tables.at("/abnormal-items/rows/0/1").asLong()).isEqualTo(2);
        Assertions.assertThat(tables.at("/ai/rows").toString()).contains("[\"redraft rate\",0.1667]");
        Assertions.assertThat(tables.at("/end-to-end-distribution/rows").toString())
                .contains("[\"1–4 h\",3]", "[\"4–24 h\",1]").contains("[\"≥ 15 d\",1]");
    }

    @Test
    void shouldServeTheTableAsCsvWhenCsvIsRequested() throws Exception {
        HttpResponse<String> r = get("/api/analytics/stage-percentiles.csv?" + RANGE + "&center=jeju");

        Assertions.assertThat(r.statusCode()).isEqualTo(200);
        Assertions.assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> Assertions.assertThat(ct).startsWith("text/csv"));
        Assertions.assertThat(r.body().lines().toList())
                .startsWith("\uFEFFstage,count,p50Minutes,p90Minutes")
                .contains("REVIEW,5,30.0,46.0", "ISSUED,0,,");
    }

    @Test
    void shouldAnswerProblemJsonWhenParametersAreBad() throws Exception {
        for (String query : new String[] {"from=2025-13-01", "from=2025-03-10&to=2025-03-01", "center=atlantis",
                "from=2020-01-01&to=2025-01-01"}) {
            HttpResponse<String> r = get("/api/analytics/cycle-times?" + query);
            Assertions.assertThat(r.statusCode()).as(query).isEqualTo(400);
            Assertions.assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                    ct -> Assertions.assertThat(ct).startsWith("application/problem+json"));
            Assertions.assertThat(json.readTree(r.body()).get("problems")).as(query).isNotEmpty();
        }
        Assertions.assertThat(get("/api/analytics/nothing.csv").statusCode()).isEqualTo(404);
    }

    private void interval(String id, String center, String stage, Instant start, long minutes, Instant due) {
        jdbc.sql("""
                INSERT INTO cf_stage_interval (activity_instance_id, process_instance_id, center, stage, activity_id,
                    started_at, ended_at, duration_ms, due_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, id, center, stage, "Activity_" + stage, ts(start),
                        ts(start.plus(Duration.ofMinutes(minutes))), minutes * 60_000, due == null ? null : ts(due))
                .update();
    }

    private static Instant at(int day, int hour) {
        return LocalDateTime.of(2025, 3, day, hour, 0).atZone(ZoneId.systemDefault()).toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }

    private JsonNode getJson(String path) throws Exception {
        HttpResponse<String> r = get(path);
        Assertions.assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return new TestHttp(port).get("manager", path);
    }
}
