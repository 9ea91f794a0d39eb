package com.checkupflow.analytics;

import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import com.checkupflow.ReviewTasks;
import com.checkupflow.TestHttp;
import com.checkupflow.demo.SyntheticScreenings;
import com.checkupflow.intake.IntakeService;
import com.checkupflow.screening.ScreeningRepository;
import com.checkupflow.screening.Stage;
import com.checkupflow.OwnJvm;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ca.uhn.fhir.context.FhirContext;

/** The real workflow feeds the timeline from engine history events, in the engine's transaction. */
@AutoConfigureObservability(tracing = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "checkupflow.demo.screenings=0",
        "spring.datasource.url=jdbc:h2:mem:analytics-test;DB_CLOSE_DELAY=-1;QUERY_STATISTICS=TRUE;QUERY_STATISTICS_MAX_ENTRIES=2000",
        "camunda.bpm.job-execution.wait-time-in-millis=200",
        "camunda.bpm.job-execution.max-wait=1000"})
@OwnJvm
class StageTimelineRecordingTest {

    static final String WRITTEN_ONCE = "INSERT INTO cf_stage_interval%ended_at, duration_ms)%";
    static final String READ_TO_CLOSE = "SELECT started_at FROM cf_stage_interval%";
    static final String COMPLETER_ALONE = "UPDATE cf_stage_interval SET completed_by%";
    static final String CLOSED_WITH_COMPLETER = "UPDATE cf_stage_interval SET ended_at = ?, duration_ms = ?, completed_by%";
    static final String CYCLE_READ = "SELECT process_instance_id, screening_id, center, received_at FROM cf_screening_cycle%";

    @LocalServerPort
    int port;
    @Autowired
    IntakeService intake;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ScreeningRepository screenings;
    @Autowired
    FhirContext fhir;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectMapper json;
    @Autowired
    StageTimeline timeline;
    @Autowired
    TimelineRepository timelineRepository;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void shouldRecordEveryStageWithCompleterWhenScreeningIsIssued() throws Exception {
        // The other tests of this class record suwon's steps in the same database: this one's are what it adds.
        JsonNode before = getJson("/api/analytics/cycle-times?center=suwon");
        String bundle = new SyntheticScreenings(fhir).bundleJson("timeline-1", SyntheticScreenings.Profile.SUSPECT, 5);
        String id = intake.receive("suwon", null, bundle.getBytes(StandardCharsets.UTF_8)).id();
        Task review = ReviewTasks.awaitReview(taskService, id);
        String pid = review.getProcessInstanceId();
        Assertions.assertThat(openStages(pid)).contains("REVIEW");

        ReviewTasks.approveAsDrafted(taskService, review, "physicianSuwon");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> screenings.find(id).orElseThrow().stage(), Stage.DELIVERED::equals);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> jdbc.sql("SELECT delivery_ms FROM cf_screening_cycle WHERE process_instance_id = ?")
                        .param(pid).query(Long.class).optional().isPresent());

        List<Map<String, Object>> rows = jdbc.sql("""
                SELECT stage, activity_id, center, started_at, ended_at, duration_ms, completed_by, due_at
                FROM cf_stage_interval WHERE process_instance_id = ? ORDER BY started_at""")
                .param(pid).query().listOfRows();
        Assertions.assertThat(rows).extracting(r -> r.get("STAGE"))
                .containsSubsequence("RECEIVED", "DRAFTING", "CHECKING", "REVIEW", "ISSUED", "DELIVERED");
        // The referral (a side task beside the report path) may still be waiting for its physician.
        Assertions.assertThat(rows).filteredOn(r -> !"REFERRAL".equals(r.get("STAGE"))).allSatisfy(r -> {
            Assertions.assertThat(r.get("ENDED_AT")).isNotNull();
            Assertions.assertThat(r.get("CENTER")).isEqualTo("suwon");
        });
        Map<String, Object> reviewRow = rows.stream().filter(r -> "REVIEW".equals(r.get("STAGE"))).findFirst()
                .orElseThrow();
        Assertions.assertThat(reviewRow.get("COMPLETED_BY")).isEqualTo("physicianSuwon");
        Assertions.assertThat(reviewRow.get("DUE_AT")).isNotNull();

        Map<String, Object> cycle = jdbc.sql("SELECT * FROM cf_screening_cycle WHERE process_instance_id = ?")
                .param(pid).query().singleRow();
        Assertions.assertThat(cycle.get("SCREENING_ID")).isEqualTo(id);
        Assertions.assertThat(cycle.get("OUTCOME")).isIn("GENERAL_SUSPECT", "CARDIOMETABOLIC_SUSPECT");
        Assertions.assertThat((Integer) cycle.get("DRAFT_ROUNDS")).isEqualTo(1);
        Assertions.assertThat(jdbc.sql("SELECT COUNT(*) FROM cf_analytics_code WHERE process_instance_id = ? AND kind = ?")
                .params(pid, TimelineRepository.ABNORMAL_ITEM).query(Long.class).single()).isPositive();

        JsonNode figures = getJson("/api/analytics/cycle-times?center=suwon");
        Assertions.assertThat(figures.at("/stages/REVIEW/count").asLong())
                .isEqualTo(before.at("/stages/REVIEW/count").asLong() + 1);
        Assertions.assertThat(figures.at("/endToEnd/count").asLong())
                .isEqualTo(before.at("/endToEnd/count").asLong() + 1);
        Assertions.assertThat(figures.at("/endToEnd/p50Minutes").isNumber()).isTrue();

        String prometheus = get("/actuator/prometheus").body();
        Assertions.assertThat(prometheus)
                .contains("checkupflow_stage_duration_seconds_count{center=\"suwon\",stage=\"REVIEW\"}")
                .contains("checkupflow_screening_cycle_seconds_count{center=\"suwon\"}")
                .doesNotContain(id);
    }

    @Test
    void shouldOpenTheReviewWithItsDueDateAndWriteEachAsyncStepOnceWhenAScreeningIsDelivered() {
        // H2's statement statistics count since the database opened: this screening's are the growth over the run
        long writtenOnceBefore = executions(WRITTEN_ONCE);
        long readToCloseBefore = executions(READ_TO_CLOSE);
        long completerAloneBefore = executions(COMPLETER_ALONE);
        long closedWithCompleterBefore = executions(CLOSED_WITH_COMPLETER);
        String bundle = new SyntheticScreenings(fhir).bundleJson("timeline-2", SyntheticScreenings.Profile.HEALTHY, 7);
        String id = intake.receive("suwon", null, bundle.getBytes(StandardCharsets.UTF_8)).id();
        Task review = ReviewTasks.awaitReview(taskService, id);
        ReviewTasks.approveAsDrafted(taskService, review, "physicianSuwon");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> screenings.find(id).orElseThrow().stage(), Stage.DELIVERED::equals);

        java.sql.Timestamp due = jdbc.sql("SELECT due_at FROM cf_stage_interval WHERE activity_instance_id = ?")
                .param(activityInstance(review))
                .query(java.sql.Timestamp.class).single();
        Assertions.assertThat(due.toInstant()).isEqualTo(review.getDueDate().toInstant());
        // H2's statement statistics of this database: a step that starts and ends in one transaction (the async
        // service steps, 4 of the report path's 6) is written by one INSERT with both ends, neither read nor updated;
        // the intervals that wait across transactions (the model's draft, the review) are closed by one UPDATE each
        // from the start the engine gives with the end, never read first; the review's with its completer
        Assertions.assertThat(executions(WRITTEN_ONCE) - writtenOnceBefore).as("intervals written with both ends")
                .isGreaterThanOrEqualTo(4);
        Assertions.assertThat(executions(READ_TO_CLOSE) - readToCloseBefore).as("intervals read to close them")
                .isZero();
        Assertions.assertThat(executions(COMPLETER_ALONE) - completerAloneBefore).as("completers written alone")
                .isZero();
        Assertions.assertThat(executions(CLOSED_WITH_COMPLETER) - closedWithCompleterBefore)
                .as("human steps closed with their completer").isGreaterThanOrEqualTo(1);
        String pid = review.getProcessInstanceId();
        Assertions.assertThat(jdbc.sql("SELECT COUNT(*) FROM cf_stage_interval WHERE process_instance_id = ? AND stage IN"
                        + " ('RECEIVED', 'CHECKING', 'ISSUED', 'DELIVERED') AND ended_at IS NOT NULL AND duration_ms >= 0")
                .param(pid).query(Long.class).single()).isEqualTo(4);
        // the same ends, durations and completer as read from the rows themselves
        List<Map<String, Object>> closedAcross = jdbc.sql("""
                SELECT stage, started_at, ended_at, duration_ms, completed_by FROM cf_stage_interval
                WHERE process_instance_id = ? AND stage IN ('DRAFTING', 'REVIEW')""").param(pid).query().listOfRows();
        Assertions.assertThat(closedAcross).extracting(r -> r.get("STAGE"))
                .containsExactlyInAnyOrder("DRAFTING", "REVIEW");
        Assertions.assertThat(closedAcross).allSatisfy(r -> Assertions.assertThat(((Number) r.get("DURATION_MS")).longValue())
                .isEqualTo(millis(r.get("ENDED_AT")) - millis(r.get("STARTED_AT"))));
        Assertions.assertThat(closedAcross).filteredOn(r -> "REVIEW".equals(r.get("STAGE")))
                .extracting(r -> r.get("COMPLETED_BY")).containsExactly("physicianSuwon");
        java.sql.Timestamp taskStart = jdbc.sql("SELECT START_TIME_ FROM ACT_HI_TASKINST WHERE ID_ = ?")
                .param(review.getId()).query(java.sql.Timestamp.class).single();
        Assertions.assertThat(closedAcross).filteredOn(r -> "REVIEW".equals(r.get("STAGE")))
                .extracting(r -> millis(r.get("STARTED_AT"))).containsExactly(taskStart.getTime());
    }

    @Test
    void shouldWriteTheCompleterBeforeTheCommitWhenTheStepDoesNotEndInTheSameTransaction() {
        Instant start = Instant.parse("2026-11-30T01:00:00Z");
        transactions.executeWithoutResult(tx -> timeline.taskStarted("pid-held", "ai-held", "Activity_ReviewReport",
                "suwon", start, null));
        long alone = executions(COMPLETER_ALONE);
        transactions.executeWithoutResult(tx -> timeline.taskCompleted("ai-held", "Activity_ReviewReport", "nurse1",
                start));

        Map<String, Object> row = jdbc.sql("SELECT completed_by, ended_at FROM cf_stage_interval WHERE activity_instance_id = ?")
                .param("ai-held").query().singleRow();
        Assertions.assertThat(row.get("COMPLETED_BY")).isEqualTo("nurse1");
        Assertions.assertThat(row.get("ENDED_AT")).isNull();

        transactions.executeWithoutResult(tx -> timeline.taskCompleted("ai-unmapped", "Activity_NotMapped", "nurse1",
                start));
        Assertions.assertThat(executions(COMPLETER_ALONE) - alone)
                .as("only the mapped step's").isEqualTo(1);
    }

    @Test
    void shouldCloseAndRecordTheCompleterInOneStatementWhenTheTaskIsCompletedAndItsStepEnds() {
        Instant start = Instant.parse("2026-11-30T02:00:00Z");
        Instant end = start.plusSeconds(95);
        transactions.executeWithoutResult(tx -> timeline.taskStarted("pid-one", "ai-one", "Activity_ReviewReport",
                "suwon", start, null));
        long closedBefore = executions(CLOSED_WITH_COMPLETER);
        transactions.executeWithoutResult(tx -> {
            timeline.taskCompleted("ai-one", "Activity_ReviewReport", "physicianSuwon", start);
            timeline.activityEnded("pid-one", "ai-one", "Activity_ReviewReport", "suwon", null, end);
        });

        Map<String, Object> row = jdbc.sql("""
                SELECT completed_by, ended_at, duration_ms FROM cf_stage_interval WHERE activity_instance_id = ?""")
                .param("ai-one").query().singleRow();
        Assertions.assertThat(row.get("COMPLETED_BY")).isEqualTo("physicianSuwon");
        Assertions.assertThat(millis(row.get("ENDED_AT"))).isEqualTo(end.toEpochMilli());
        Assertions.assertThat(((Number) row.get("DURATION_MS")).longValue()).isEqualTo(95_000);
        Assertions.assertThat(executions(CLOSED_WITH_COMPLETER)
                - closedBefore).isEqualTo(1);
    }

    @Test
    void shouldReadACycleOnceAndNothingOfARolledBackStartWhenTheCycleIsAskedForAgain() {
        TimelineRepository.Cycle cycle = new TimelineRepository.Cycle("pid-cycle", "scr-cycle", "suwon",
                Instant.parse("2026-11-30T03:00:00Z"));
        transactions.executeWithoutResult(tx -> {
            timelineRepository.startCycle(new TimelineRepository.Cycle("pid-undone", "scr-undone", "suwon",
                    Instant.parse("2026-11-30T03:00:00Z")));
            tx.setRollbackOnly();
        });
        Assertions.assertThat(timelineRepository.cycle("pid-undone")).isEmpty();

        transactions.executeWithoutResult(tx -> timelineRepository.startCycle(cycle));
        long reads = executions(CYCLE_READ);
        Assertions.assertThat(timelineRepository.cycle("pid-cycle")).contains(cycle);
        Assertions.assertThat(timelineRepository.cycle("pid-cycle")).contains(cycle);
        Assertions.assertThat(executions(CYCLE_READ))
                .as("reads of a cycle this node inserted").isEqualTo(reads);

        timelineRepository.forget("pid-cycle");
        Assertions.assertThat(timelineRepository.cycle("pid-cycle")).contains(cycle);
        Assertions.assertThat(executions(CYCLE_READ))
                .as("reads once forgotten").isEqualTo(reads + 1);
    }

    @Test
    void shouldForgetTheCycleWhenTheScreeningIsDeliveredOrItsProcessInstanceIsDeleted() {
        String delivered = intake.receive("suwon", null, new SyntheticScreenings(fhir)
                .bundleJson("timeline-forget-1", SyntheticScreenings.Profile.HEALTHY, 11)
                .getBytes(StandardCharsets.UTF_8)).id();
        String cancelled = intake.receive("suwon", null, new SyntheticScreenings(fhir)
                .bundleJson("timeline-forget-2", SyntheticScreenings.Profile.HEALTHY, 12)
                .getBytes(StandardCharsets.UTF_8)).id();
        Task review = ReviewTasks.awaitReview(taskService, delivered);
        String deliveredPid = review.getProcessInstanceId();
        String cancelledPid = ReviewTasks.awaitReview(taskService, cancelled).getProcessInstanceId();
        long reads = executions(CYCLE_READ);
        Assertions.assertThat(timelineRepository.cycle(cancelledPid)).isPresent();
        Assertions.assertThat(executions(CYCLE_READ)).as("a running screening's cycle is remembered").isEqualTo(reads);

        runtimeService.deleteProcessInstance(cancelledPid, "cancelled by the test");
        ReviewTasks.approveAsDrafted(taskService, review, "physicianSuwon");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> jdbc.sql("SELECT delivery_ms FROM cf_screening_cycle WHERE process_instance_id = ?")
                        .param(deliveredPid).query(Long.class).optional().isPresent());

        reads = executions(CYCLE_READ);
        Assertions.assertThat(timelineRepository.cycle(cancelledPid)).isPresent();
        Assertions.assertThat(executions(CYCLE_READ) - reads).as("read again once its instance was deleted")
                .isEqualTo(1);
        Assertions.assertThat(timelineRepository.cycle(deliveredPid)).isPresent();
        Assertions.assertThat(executions(CYCLE_READ) - reads).as("read again once delivered").isEqualTo(2);
    }

    @Test
    void shouldAnswerFromTheTableWhenCyclesRewrittenThereWereForgotten() {
        Instant received = Instant.parse("2026-11-30T04:00:00Z");
        transactions.executeWithoutResult(tx -> timelineRepository.startCycle(
                new TimelineRepository.Cycle("pid-rewritten", "scr-rewritten", "suwon", received)));
        Assertions.assertThat(timelineRepository.cycle("pid-rewritten")).isPresent();
        // what AnalyticsFiguresTest and AnalyticsBenchmarkTest do to the table behind the timeline's back
        jdbc.sql("DELETE FROM cf_screening_cycle WHERE process_instance_id = 'pid-rewritten'").update();
        jdbc.sql("""
                INSERT INTO cf_screening_cycle (process_instance_id, screening_id, center, received_at)
                VALUES ('pid-rewritten', 'scr-other', 'busan', ?)""").param(TimelineRepository.ts(received)).update();

        timelineRepository.forgetAll();

        Assertions.assertThat(timelineRepository.cycle("pid-rewritten")).contains(
                new TimelineRepository.Cycle("pid-rewritten", "scr-other", "busan", received));
    }

    private static long millis(Object timestamp) {
        return ((java.sql.Timestamp) timestamp).getTime();
    }

    private long executions(String statement) {
        return jdbc.sql("""
                SELECT COALESCE(SUM(EXECUTION_COUNT), 0) FROM INFORMATION_SCHEMA.QUERY_STATISTICS
                WHERE SQL_STATEMENT LIKE ?""").param(statement).query(Long.class).single();
    }

    private String activityInstance(Task task) {
        return jdbc.sql("SELECT ACT_INST_ID_ FROM ACT_HI_TASKINST WHERE ID_ = ?").param(task.getId())
                .query(String.class).single();
    }

    @Test
    void shouldIgnoreUnmappedActivitiesWhenRecording() {
        Assertions.assertThat(jdbc.sql("SELECT COUNT(*) FROM cf_stage_interval WHERE activity_id LIKE 'Gateway%'"
                + " OR activity_id LIKE 'Event%'").query(Long.class).single()).isZero();
    }

    private List<String> openStages(String pid) {
        return jdbc.sql("SELECT stage FROM cf_stage_interval WHERE process_instance_id = ? AND ended_at IS NULL")
                .param(pid).query(String.class).list();
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
