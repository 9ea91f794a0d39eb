package com.checkupflow.review;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import com.checkupflow.LoadStats;
import com.checkupflow.ReviewTasks;
import com.checkupflow.StatementLog;
import com.checkupflow.demo.SyntheticScreenings;
import com.checkupflow.intake.IntakeService;
import com.checkupflow.process.ScreeningReportProcess.Activities;
import com.checkupflow.process.ScreeningReportProcess.Topics;
import com.checkupflow.process.ScreeningReportProcess.Vars;

import ca.uhn.fhir.context.FhirContext;

/**
 * Not a unit test: skipped unless run with {@code -Dgroups=benchmark}:
 * <pre>./mvnw test -Dtest=ApprovalCallsBenchmark -Dgroups=benchmark [-Dbenchmark.reviews=4]</pre>
 * The SQL statements and rows of each of the physician's three calls ({@code claim}, {@code getVariable(finalText)},
 * {@code complete} up to the next async boundary), on CheckupFlow and on a bare engine with
 * {@code benchmark/bare-screening.bpmn} (the e2e harness's), each call counted on its own thread
 * ({@link StatementLog}); CheckupFlow's also as an authenticated physician of the center, as the Tasklist calls them.
 * Averages per review of the last {@code benchmark.reviews} reviews (the first is a warm-up) go to
 * {@code target/benchmark/approval-calls.txt}.
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "groups", matches = ".*benchmark.*")
@SpringBootTest(properties = {
        "checkupflow.demo.screenings=0",
        "spring.datasource.url=jdbc:h2:mem:approval-calls;DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.wait-time-in-millis=200",
        "camunda.bpm.job-execution.max-wait=1000",
        "checkupflow.delivery.outbox-dir=target/approval-calls-outbox",
        "checkupflow.crypto.master-key-file=target/approval-calls-master-key.json",
        "logging.level.com.checkupflow=WARN"})
class ApprovalCallsBenchmark {

    static final String FILE = "approval-calls.txt";
    static final int REVIEWS = Integer.getInteger("benchmark.reviews", 4);
    static final StatementLog APP = new StatementLog();
    static final StatementLog BARE = new StatementLog();
    static ProcessEngine bare;

    @TestConfiguration
    static class Recorded {
        @Bean
        static BeanPostProcessor recordedDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof DataSource data && "dataSource".equals(name) ? APP.recorded(data) : bean;
                }
            };
        }
    }

    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;
    @Autowired
    IntakeService intake;
    @Autowired
    FhirContext fhir;

    @BeforeAll
    static void startBareEngine() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneProcessEngineConfiguration()
                .setProcessEngineName("bare-approval")
                .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
                .setHistory(ProcessEngineConfiguration.HISTORY_FULL)
                .setJobExecutorActivate(true);
        configuration.setDataSource(BARE.recorded(new org.apache.ibatis.datasource.pooled.PooledDataSource(
                "org.h2.Driver", "jdbc:h2:mem:approval-calls-bare;DB_CLOSE_DELAY=-1", "sa", "")));
        bare = configuration.buildProcessEngine();
        bare.getRepositoryService().createDeployment().addClasspathResource("benchmark/bare-screening.bpmn").deploy();
    }

    @AfterAll
    static void stopBareEngine() {
        bare.close();
    }

    /** Statements and rows per call, by statement shape, summed over the measured reviews. */
    static final class Calls {
        final Map<String, Map<String, long[]>> byCall = new LinkedHashMap<>();

        void add(String call, List<StatementLog.Executed> executed) {
            Map<String, long[]> shapes = byCall.computeIfAbsent(call, k -> new LinkedHashMap<>());
            for (StatementLog.Executed e : executed) {
                long[] n = shapes.computeIfAbsent(e.shape(), k -> new long[2]);
                n[0]++;
                n[1] += e.rows();
            }
        }

        String table(String side, int reviews) {
            StringBuilder out = new StringBuilder();
            byCall.forEach((call, shapes) -> {
                long statements = shapes.entrySet().stream().filter(e -> !e.getKey().startsWith("commit "))
                        .mapToLong(e -> e.getValue()[0]).sum();
                long rows = shapes.values().stream().mapToLong(n -> n[1]).sum();
                out.append(String.format("%s %s: %.1f statements (commits not counted), %.1f rows per review%n", side, call,
                        statements / (double) reviews, rows / (double) reviews));
                shapes.forEach((shape, n) -> out.append(String.format("    %5.1f x  %6.1f rows  %s%n",
                        n[0] / (double) reviews, n[1] / (double) reviews, shape)));
            });
            return out.toString();
        }
    }

    @Test
    void shouldCountTheStatementsOfEachApprovalCallOnBothSides() throws Exception {
        SyntheticScreenings synthetic = new SyntheticScreenings(fhir);
        Calls app = new Calls();
        Calls authenticated = new Calls();
        Calls baseline = new Calls();
        List<String> firstSql = new ArrayList<>();
        List<String> authenticatedSql = new ArrayList<>();
        for (int i = 0; i <= REVIEWS; i++) {
            boolean measured = i > 0;
            String id = intake.receive("gangnam", null, synthetic.bundleJson("approval-" + i,
                    i % 2 == 0 ? SyntheticScreenings.Profile.HEALTHY : SyntheticScreenings.Profile.BORDERLINE, i)
                    .getBytes(StandardCharsets.UTF_8)).id();
            approve(taskService, ReviewTasks.awaitReview(taskService, id), measured ? app : new Calls(),
                    i == REVIEWS ? firstSql : null);

            String tasklist = intake.receive("gangnam", null, synthetic.bundleJson("approval-tl-" + i,
                    SyntheticScreenings.Profile.HEALTHY, 100 + i).getBytes(StandardCharsets.UTF_8)).id();
            Task review = ReviewTasks.awaitReview(taskService, tasklist);
            identityService.setAuthentication("physicianGangnam", List.of("physician"), List.of("gangnam"));
            try {
                approve(taskService, review, measured ? authenticated : new Calls(), i == REVIEWS ? authenticatedSql : null);
            } finally {
                identityService.clearAuthentication();
            }

            approveBare(measured ? baseline : new Calls(), i);
        }
        String report = "==== ApprovalCallsBenchmark " + java.time.Instant.now() + " · " + REVIEWS + " reviews per side · "
                + LoadStats.uptime() + "\n" + app.table("CheckupFlow (harness, unauthenticated)", REVIEWS)
                + authenticated.table("CheckupFlow (as physicianGangnam, as the Tasklist)", REVIEWS)
                + baseline.table("bare", REVIEWS) + "-- CheckupFlow's statements of the last review, in order\n"
                + String.join("\n", firstSql) + "\n-- the same, authenticated\n" + String.join("\n", authenticatedSql);
        LoadStats.log(FILE, report);
        System.out.println(report);
        Assertions.assertThat(baseline.byCall).containsKeys("claim", "getVariable", "complete");
    }

    private static void approve(TaskService tasks, Task review, Calls calls, List<String> sql) throws Exception {
        Object[] text = new Object[1];
        record(calls, sql, "claim", APP, () -> {
            tasks.claim(review.getId(), "physicianGangnam");
            return null;
        });
        record(calls, sql, "getVariable", APP, () -> text[0] = tasks.getVariable(review.getId(), Vars.FINAL_TEXT));
        record(calls, sql, "complete", APP, () -> {
            tasks.complete(review.getId(), Map.of(Vars.REVIEW_DECISION, "APPROVE", Vars.FINAL_TEXT, text[0]));
            return null;
        });
    }

    private static void record(Calls calls, List<String> sql, String call, StatementLog log, Callable<?> body)
            throws Exception {
        List<StatementLog.Executed> executed = log.during(body);
        calls.add(call, executed);
        if (sql != null) {
            executed.forEach(e -> sql.add(String.format("%-11s %4d rows  %s", call, e.rows(),
                    e.sql().substring(0, Math.min(220, e.sql().length())))));
        }
    }

    /** The e2e harness's bare physician (claim, the form's text read, complete) on a bare review. */
    private void approveBare(Calls calls, int i) throws Exception {
        bare.getRuntimeService().startProcessInstanceByKey("bare-screening", "bare-" + i, Map.of(
                "center", "gangnam", "screeningId", "bare-" + i, Vars.INVALID_ITEMS, false, Vars.NEW_CRITICAL_RESULT, false,
                Vars.DRAFT_CHECK_PASSED, true, Vars.REFERRAL_NEEDED, false, Vars.CONSULTATION_SUMMARY_WANTED, false,
                "bundleSize", 4000));
        TaskService tasks = bare.getTaskService();
        Task review = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> {
            List<LockedExternalTask> locked = bare.getExternalTaskService().fetchAndLock(20, "benchmark")
                    .topic(Topics.DRAFT_DOCUMENT, 60_000).execute();
            locked.forEach(t -> bare.getExternalTaskService().complete(t.getId(), "benchmark"));
            return tasks.createTaskQuery().processInstanceBusinessKey("bare-" + i)
                    .taskDefinitionKey(Activities.REVIEW_REPORT).singleResult();
        }, java.util.Objects::nonNull);
        record(calls, null, "claim", BARE, () -> {
            tasks.claim(review.getId(), "physicianGangnam");
            return null;
        });
        record(calls, null, "getVariable", BARE, () -> tasks.getVariable(review.getId(), Vars.FINAL_TEXT));
        record(calls, null, "complete", BARE, () -> {
            tasks.complete(review.getId(), Map.of(Vars.REVIEW_DECISION, "APPROVE"));
            return null;
        });
    }
}
