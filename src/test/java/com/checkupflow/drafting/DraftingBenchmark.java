package com.checkupflow.drafting;

import com.checkupflow.ai.AiProperties;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
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
 * at "Draft report summary" (a backlog), so the draft phase measures the worker, not the intake. Before them,
 * {@code -Dbenchmark.warmup=64} screenings go the whole way (drafted, reviewed, issued), so that the measured drafts
 * meet a model path that has run before, as on a node in service, not its first class loading and compilation.
 * Prints the draft throughput next to the Little's-law bound (32 in flight / 2 s = 16 drafts/s) and the wait of the
 * engine's other jobs created while the drafts run: until the job starts (creation in the job log → start of the
 * async-before activity's instance, what issue 15 asks about) and, as before, until its successful end (creation →
 * success in the job log, which adds the job's own run and any failed attempts). The model worker polls with the
 * application's own idle wait (a created task wakes it at once), as in production. The JVM's CPU while drafting is
 * split by thread (job threads, model worker, the harness's stand-in model and physician), so that the harness's
 * own share is known.
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
        "checkupflow.ai.worker-enabled=false",
        "logging.level.com.checkupflow=WARN",
        "logging.level.org.camunda=WARN"})
class DraftingBenchmark {

    static final int SCREENINGS = Integer.getInteger("benchmark.screenings", 500);
    static final int WARMUP = Integer.getInteger("benchmark.warmup", 64);
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
    @Autowired
    @Qualifier("camundaTaskExecutor")
    TaskExecutor jobExecutor;

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

        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(20);
        // a node that has drafted before: the model path's classes loaded, its code compiled, its caches filled
        List<String> warmup = new ArrayList<>();
        for (int i = 0; i < WARMUP; i++) {
            warmup.add(synthetic.bundleJson("warmup-" + i, profiles[i % profiles.length], SCREENINGS + i));
        }
        post(warmup);
        ExternalTaskWorker warmupWorker = worker();
        warmupWorker.start();
        while (issued() < WARMUP && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        warmupWorker.stop();
        long draftsBefore = drafts();
        long issuedBefore = issued();
        int callsBefore = model.calls();
        int approvedBefore = approved.get();

        long start = System.nanoTime();
        post(bundles);
        double intakeSeconds = (System.nanoTime() - start) / 1e9;
        while (externalTasks.createExternalTaskQuery().activityId(ScreeningReportProcess.Activities.DRAFT_SUMMARY).count()
                < SCREENINGS && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        double backlogSeconds = (System.nanoTime() - start) / 1e9;

        ExternalTaskWorker worker = worker();
        long draftStart = System.currentTimeMillis();
        long cpuStart = com.checkupflow.LoadStats.processCpuNanos();
        Map<Long, Long> threadCpuStart = threadCpu();
        long[] gcAndJitStart = gcAndJitMillis();
        worker.start();
        JobQueue queue = new JobQueue();
        while (drafts() - draftsBefore < SCREENINGS && System.nanoTime() < deadline) {
            Thread.sleep(50);
            queue.sample();
        }
        long draftEnd = System.currentTimeMillis();
        double draftCpuSeconds = (com.checkupflow.LoadStats.processCpuNanos() - cpuStart) / 1e9;
        String cpuByThread = cpuByThread(threadCpuStart, draftCpuSeconds, gcAndJitStart);
        while (issued() - issuedBefore < SCREENINGS && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        double totalSeconds = (System.nanoTime() - start) / 1e9;
        worker.stop();
        running.set(false);
        approver.join();

        long drafts = drafts() - draftsBefore;
        Object fallbacks = jdbc.sql("SELECT COUNT(*) FROM cf_draft WHERE fallback").query(Long.class).single();
        double draftSeconds = (draftEnd - draftStart) / 1000.0;
        double throughput = drafts / draftSeconds;
        double bound = CONCURRENCY / (MODEL_LATENCY_MS / 1000.0);
        JobWaits waits = jobWaits(draftStart, draftEnd);

        System.out.printf("""

                ==== DraftingBenchmark ====
                warm-up             %d screenings drafted, reviewed and issued before the measured ones
                screenings          %d (issued %d, approved by harness %d)
                intake              %.1f s (%.1f posts/s); all waiting at the draft task after %.1f s
                end to end          %.1f s
                drafts              %d (fallbacks %s), model calls %d
                draft throughput    %.2f drafts/s over %.1f s (worker start → last draft stored, %s–%s UTC: a JFR's window)
                Little's law bound  %.1f drafts/s (%d in flight / %.1f s latency) → %.0f%% of the bound
                other engine jobs   %d jobs created while drafting, wait until started: p50 %d ms, p99 %d ms, max %d ms (creation → activity start)%s
                other engine jobs   until success: p50 %d ms, p99 %d ms, max %d ms (creation → success in the job log)%s
                job queue while drafting (every 50 ms) %s
                JVM CPU while drafting %.1f s over %.1f s wall (%.2f cores); %s%s
                ===========================
                %n""", WARMUP, SCREENINGS, issued() - issuedBefore, approved.get() - approvedBefore, intakeSeconds, SCREENINGS / intakeSeconds, backlogSeconds,
                totalSeconds, drafts, fallbacks, model.calls() - callsBefore, throughput, draftSeconds,
                java.time.Instant.ofEpochMilli(draftStart).toString().substring(11, 19),
                java.time.Instant.ofEpochMilli(draftEnd).toString().substring(11, 19), bound, CONCURRENCY,
                MODEL_LATENCY_MS / 1000.0, 100 * throughput / bound, waits.started.count, waits.started.p50,
                waits.started.p99, waits.started.max, waits.started.byActivity, waits.succeeded.p50, waits.succeeded.p99,
                waits.succeeded.max, waits.succeeded.byActivity, queue, draftCpuSeconds, draftSeconds,
                draftCpuSeconds / draftSeconds, com.checkupflow.LoadStats.uptime(), cpuByThread);
        Assertions.assertThat(issued() - issuedBefore).isEqualTo(SCREENINGS);
    }

    /** The report summary's worker as the application configures it (slots, lock, idle wait), enabled. */
    private ExternalTaskWorker worker() {
        ExternalTaskWorker.Settings settings = properties.workerSettings();
        return DocumentFixtures.draftDocumentWorker(externalTasks, ExternalTaskWorker.Settings.of(settings.threads(),
                settings.lockDuration(), settings.pollInterval(), true), new ReportSummaryDrafter(drafting));
    }

    /** Posts the Bundles with 4 clients and returns when all are answered. */
    private void post(List<String> bundles) throws InterruptedException {
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

    /**
     * Where the other jobs are while the drafts run, sampled: due in the database and not acquired (waiting for the
     * acquisition), acquired and waiting in the executor's queue or running (locked), and job threads busy.
     */
    private final class JobQueue {
        private int samples;
        private long due;
        private long locked;
        private long busy;
        private long maxDue;
        private long maxLocked;
        private int allThreadsBusy;

        private final ThreadPoolTaskExecutor jobThreads = (ThreadPoolTaskExecutor) jobExecutor;

        void sample() {
            long dueNow = jdbc.sql("SELECT COUNT(*) FROM ACT_RU_JOB WHERE LOCK_OWNER_ IS NULL AND RETRIES_ > 0"
                    + " AND (DUEDATE_ IS NULL OR DUEDATE_ <= CURRENT_TIMESTAMP)").query(Long.class).single();
            long lockedNow = jdbc.sql("SELECT COUNT(*) FROM ACT_RU_JOB WHERE LOCK_OWNER_ IS NOT NULL").query(Long.class)
                    .single();
            int busyNow = jobThreads.getActiveCount();
            samples++;
            due += dueNow;
            locked += lockedNow;
            busy += busyNow;
            maxDue = Math.max(maxDue, dueNow);
            maxLocked = Math.max(maxLocked, lockedNow);
            if (busyNow >= jobThreads.getMaxPoolSize()) {
                allThreadsBusy++;
            }
        }

        @Override
        public String toString() {
            if (samples == 0) {
                return "not sampled";
            }
            return String.format("due, not acquired: mean %.1f, max %d; locked (queued or running): mean %.1f, max %d;"
                    + " job threads busy: mean %.1f of %d, all busy in %.0f %% of samples", (double) due / samples,
                    maxDue, (double) locked / samples, maxLocked, (double) busy / samples, jobThreads.getMaxPoolSize(),
                    100.0 * allThreadsBusy / samples);
        }
    }

    private record Waits(int count, long p50, long p99, long max, String byActivity) {
    }

    private record JobWaits(Waits started, Waits succeeded) {
    }

    /**
     * Waits of the jobs created in [from, to] (count, p50, p99 in ms), all together and per activity: until the job
     * started (the first instance of its async-before activity in its process instance that started at or after the
     * job's creation: the engine logs no job start) and until its success.
     */
    private JobWaits jobWaits(long from, long to) {
        Map<String, HistoricJobLog> created = new HashMap<>();
        for (HistoricJobLog log : historyService.createHistoricJobLogQuery().creationLog().list()) {
            long at = log.getTimestamp().getTime();
            if (at >= from && at <= to) {
                created.put(log.getJobId(), log);
            }
        }
        Map<String, List<Long>> activityStarts = new HashMap<>();
        for (HistoricActivityInstance activity : historyService.createHistoricActivityInstanceQuery().list()) {
            activityStarts.computeIfAbsent(activity.getProcessInstanceId() + " " + activity.getActivityId(),
                    k -> new ArrayList<>()).add(activity.getStartTime().getTime());
        }
        Map<String, List<Long>> startedPerActivity = new java.util.TreeMap<>();
        for (HistoricJobLog log : created.values()) {
            long at = log.getTimestamp().getTime();
            activityStarts.getOrDefault(log.getProcessInstanceId() + " " + log.getActivityId(), List.of()).stream()
                    .filter(start -> start >= at).min(Long::compare)
                    .ifPresent(start -> startedPerActivity.computeIfAbsent(label(log), k -> new ArrayList<>())
                            .add(start - at));
        }
        Map<String, List<Long>> succeededPerActivity = new java.util.TreeMap<>();
        for (HistoricJobLog log : historyService.createHistoricJobLogQuery().successLog().list()) {
            HistoricJobLog creation = created.get(log.getJobId());
            if (creation != null) {
                succeededPerActivity.computeIfAbsent(label(log), k -> new ArrayList<>())
                        .add(log.getTimestamp().getTime() - creation.getTimestamp().getTime());
            }
        }
        return new JobWaits(waits(startedPerActivity), waits(succeededPerActivity));
    }

    private static String label(HistoricJobLog log) {
        return log.getActivityId() + " " + log.getJobDefinitionConfiguration();
    }

    private static Waits waits(Map<String, List<Long>> perActivity) {
        List<Long> all = perActivity.values().stream().flatMap(List::stream).toList();
        if (all.isEmpty()) {
            return new Waits(0, 0, 0, 0, "");
        }
        StringBuilder byActivity = new StringBuilder();
        perActivity.forEach((activity, w) -> byActivity.append(String.format("%n                  %-55s %4d: p50 %6d ms, p99 %6d ms",
                activity, w.size(), percentile(w, 0.5), percentile(w, 0.99))));
        return new Waits(all.size(), percentile(all, 0.5), percentile(all, 0.99), percentile(all, 1.0),
                byActivity.toString());
    }

    /** CPU time (ns) of every live thread, by thread id. */
    private static Map<Long, Long> threadCpu() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Long, Long> cpu = new HashMap<>();
        for (long id : threads.getAllThreadIds()) {
            long nanos = threads.getThreadCpuTime(id);
            if (nanos >= 0) {
                cpu.put(id, nanos);
            }
        }
        return cpu;
    }

    /**
     * The CPU the threads alive at the end used since {@code before}, by group, in cores-share of the process's CPU
     * (threads that ended meanwhile are in the process total only).
     */
    private static String cpuByThread(Map<Long, Long> before, double processCpuSeconds, long[] gcAndJitBefore) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Double> seconds = new java.util.TreeMap<>();
        for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long nanos = threads.getThreadCpuTime(info.getThreadId());
            if (nanos >= 0) {
                seconds.merge(threadGroup(info.getThreadName()),
                        (nanos - before.getOrDefault(info.getThreadId(), 0L)) / 1e9, Double::sum);
            }
        }
        seconds.put("not a Java thread (GC, JIT compiler), or a thread that ended",
                processCpuSeconds - seconds.values().stream().mapToDouble(Double::doubleValue).sum());
        StringBuilder text = new StringBuilder();
        seconds.forEach((group, s) -> text.append(String.format("%n                  %-55s %6.1f s (%4.1f %%)", group, s,
                100 * s / processCpuSeconds)));
        long[] gcAndJit = gcAndJitMillis();
        // elapsed times as the JVM reports them (the collectors' pauses and cycles, the compilers' work), not CPU
        text.append(String.format("%n                  of these, garbage collection %.1f s, JIT compilation %.1f s (elapsed)",
                (gcAndJit[0] - gcAndJitBefore[0]) / 1000.0, (gcAndJit[1] - gcAndJitBefore[1]) / 1000.0));
        return text.toString();
    }

    /** Milliseconds the collectors and the JIT compilers spent so far. */
    private static long[] gcAndJitMillis() {
        long gc = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime).filter(t -> t > 0).sum();
        return new long[] {gc, ManagementFactory.getCompilationMXBean().getTotalCompilationTime()};
    }

    private static String threadGroup(String name) {
        if (name.startsWith("camundaTaskExecutor")) {
            return "job threads";
        }
        if (name.startsWith("JobExecutor[")) {
            return "job acquisition";
        }
        if (name.startsWith(ScreeningReportProcess.Topics.DRAFT_DOCUMENT)) {
            return "model worker (draft, fetch, complete, lock extension)";
        }
        if (name.startsWith("qtp")) {
            return "harness: stand-in model (WireMock's Jetty)";
        }
        if (name.equals("benchmark-approver")) {
            return "harness: physician (claim, read, complete)";
        }
        if (name.equals("main")) {
            return "harness: main (progress queries)";
        }
        if (name.startsWith("http-nio")) {
            return "HTTP threads";
        }
        return "other Java threads";
    }

    private static long percentile(List<Long> values, double p) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(Math.max((int) Math.ceil(sorted.size() * p) - 1, 0));
    }
}
