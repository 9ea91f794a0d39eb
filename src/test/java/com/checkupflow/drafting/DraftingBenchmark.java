package com.checkupflow.drafting;

import com.checkupflow.ai.AiProperties;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.checkupflow.ReviewTasks;
import com.checkupflow.demo.SyntheticScreenings;
import com.checkupflow.engine.ExternalTaskWorker;
import com.checkupflow.document.DocumentFixtures;
import com.checkupflow.process.ScreeningReportProcess;

import ca.uhn.fhir.context.FhirContext;

/**
 * Not a unit test: a load harness, skipped unless run with {@code -Dgroups=benchmark}:
 * <pre>./mvnw test -Dtest=DraftingBenchmark -Dgroups=benchmark</pre>
 * 500 screenings through the whole application against a stand-in model with 2 s latency and
 * {@code max-concurrency=32}; the harness approves every review. The worker starts once all 500 screenings wait
 * at "Draft report summary" (a backlog), so the draft phase measures the worker, not the intake. Prints the
 * draft throughput next to the Little's-law bound (32 in flight / 2 s = 16 drafts/s) and the wait of the
 * engine's other jobs created while the drafts run (creation → successful execution, from the job log).
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "groups", matches = ".*benchmark.*")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "checkupflow.demo.screenings=0",
        "spring.datasource.url=jdbc:h2:mem:drafting-benchmark;DB_CLOSE_DELAY=-1",
        "checkupflow.ai.provider=openai",
        "checkupflow.ai.openai.model=stand-in",
        "checkupflow.ai.timeout=PT30S",
        "checkupflow.ai.max-concurrency=32",
        "checkupflow.ai.poll-interval=PT0.05S",
        "checkupflow.ai.worker-enabled=false",
        "logging.level.com.checkupflow=WARN",
        "logging.level.org.camunda=WARN"})
class DraftingBenchmark {

    static final int SCREENINGS = Integer.getInteger("benchmark.screenings", 500);
    static final int MODEL_LATENCY_MS = 2000;
    static final int CONCURRENCY = 32;
    static final StandInModel model = new StandInModel();

    @DynamicPropertySource
    static void modelUrl(DynamicPropertyRegistry registry) {
        model.latencyMs = MODEL_LATENCY_MS;
        registry.add("checkupflow.ai.openai.base-url", model::openAiBaseUrl);
    }

    @AfterAll
    static void stop() {
        model.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    FhirContext fhir;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ExternalTaskService externalTasks;
    @Autowired
    DraftingService drafting;
    @Autowired
    AiProperties properties;

    @Test
    void shouldReportThroughputAgainstLittlesLawWhenFiveHundredScreeningsAreDrafted() throws Exception {
        SyntheticScreenings synthetic = new SyntheticScreenings(fhir);
        SyntheticScreenings.Profile[] profiles = {SyntheticScreenings.Profile.HEALTHY, SyntheticScreenings.Profile.BORDERLINE,
                SyntheticScreenings.Profile.SUSPECT};
        List<String> bundles = new ArrayList<>();
        for (int i = 0; i < SCREENINGS; i++) {
            bundles.add(synthetic.bundleJson("bench-" + i, profiles[i % profiles.length], i));
        }
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger approved = new AtomicInteger();
        Thread approver = new Thread(() -> approveReviews(running, approved), "benchmark-approver");
        approver.start();

        long start = System.nanoTime();
        ExecutorService posters = Executors.newFixedThreadPool(4);
        HttpClient http = HttpClient.newHttpClient();
        for (String bundle : bundles) {
            posters.execute(() -> {
                try {
                    http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/screenings?center=gangnam"))
                            .header("Content-Type", "application/fhir+json")
                            .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                                    "integration:demo".getBytes(StandardCharsets.UTF_8)))
                            .POST(HttpRequest.BodyPublishers.ofString(bundle, StandardCharsets.UTF_8)).build(),
                            HttpResponse.BodyHandlers.discarding());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        posters.shutdown();
        posters.awaitTermination(10, TimeUnit.MINUTES);
        double intakeSeconds = (System.nanoTime() - start) / 1e9;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(15);
        while (externalTasks.createExternalTaskQuery().topicName(ScreeningReportProcess.Topics.DRAFT_DOCUMENT).count() < SCREENINGS
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        double backlogSeconds = (System.nanoTime() - start) / 1e9;

        ExternalTaskWorker.Settings settings = properties.workerSettings();
        ExternalTaskWorker worker = DocumentFixtures.draftDocumentWorker(externalTasks, ExternalTaskWorker.Settings.of(
                settings.threads(), settings.lockDuration(), settings.pollInterval(), true), new ReportSummaryDrafter(drafting));
        long draftStart = System.currentTimeMillis();
        worker.start();
        while (drafts() < SCREENINGS && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        long draftEnd = System.currentTimeMillis();
        while (issued() < SCREENINGS && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        double totalSeconds = (System.nanoTime() - start) / 1e9;
        worker.stop();
        running.set(false);
        approver.join();

        long drafts = drafts();
        Object fallbacks = jdbc.sql("SELECT COUNT(*) FROM cf_draft WHERE fallback").query(Long.class).single();
        double draftSeconds = (draftEnd - draftStart) / 1000.0;
        double throughput = drafts / draftSeconds;
        double bound = CONCURRENCY / (MODEL_LATENCY_MS / 1000.0);
        JobWaits waits = jobWaits(draftStart, draftEnd);

        System.out.printf("""

                ==== DraftingBenchmark ====
                screenings          %d (issued %d, approved by harness %d)
                intake              %.1f s (%.1f posts/s); all waiting at the draft task after %.1f s
                end to end          %.1f s
                drafts              %d (fallbacks %s), model calls %d
                draft throughput    %.2f drafts/s over %.1f s (worker start → last draft stored)
                Little's law bound  %.1f drafts/s (%d in flight / %.1f s latency) → %.0f%% of the bound
                other engine jobs   %d jobs created while drafting: p50 %d ms, p99 %d ms, max %d ms (creation → success)
                ===========================
                %n""", SCREENINGS, issued(), approved.get(), intakeSeconds, SCREENINGS / intakeSeconds, backlogSeconds,
                totalSeconds, drafts, fallbacks, model.calls(), throughput, draftSeconds, bound, CONCURRENCY,
                MODEL_LATENCY_MS / 1000.0, 100 * throughput / bound, waits.count, waits.p50, waits.p99, waits.max);
        Assertions.assertThat(issued()).isEqualTo(SCREENINGS);
    }

    private long drafts() {
        return jdbc.sql("SELECT COUNT(*) FROM cf_draft").query(Long.class).single();
    }

    private long issued() {
        return jdbc.sql("SELECT COUNT(*) FROM cf_screening WHERE stage IN ('ISSUED', 'DELIVERED')").query(Long.class)
                .single();
    }

    private void approveReviews(AtomicBoolean running, AtomicInteger approved) {
        while (running.get()) {
            List<Task> reviews = taskService.createTaskQuery().taskDefinitionKey("Activity_ReviewReport").listPage(0, 50);
            for (Task review : reviews) {
                try {
                    ReviewTasks.approveAsDrafted(taskService, review, "physicianGangnam");
                    approved.incrementAndGet();
                } catch (RuntimeException raced) {
                    // claimed or completed meanwhile; the next round sees the current state
                }
            }
            if (reviews.isEmpty()) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private record JobWaits(int count, long p50, long p99, long max) {
    }

    /** Waits of the jobs created in [from, to]. */
    private JobWaits jobWaits(long from, long to) {
        Map<String, Long> created = new HashMap<>();
        for (HistoricJobLog log : historyService.createHistoricJobLogQuery().creationLog().list()) {
            long at = log.getTimestamp().getTime();
            if (at >= from && at <= to) {
                created.put(log.getJobId(), at);
            }
        }
        List<Long> waits = new ArrayList<>();
        for (HistoricJobLog log : historyService.createHistoricJobLogQuery().successLog().list()) {
            Long at = created.get(log.getJobId());
            if (at != null) {
                waits.add(log.getTimestamp().getTime() - at);
            }
        }
        waits.sort(Long::compare);
        if (waits.isEmpty()) {
            return new JobWaits(0, 0, 0, 0);
        }
        return new JobWaits(waits.size(), waits.get(waits.size() / 2), waits.get((int) Math.ceil(waits.size() * 0.99) - 1),
                waits.get(waits.size() - 1));
    }
}
