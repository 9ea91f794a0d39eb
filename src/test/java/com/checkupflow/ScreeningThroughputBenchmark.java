package com.checkupflow;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;

import javax.sql.DataSource;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.checkupflow.demo.SyntheticScreenings;
import com.checkupflow.process.ScreeningReportProcess.Activities;
import com.checkupflow.process.ScreeningReportProcess.Topics;
import com.checkupflow.process.ScreeningReportProcess.Vars;
import com.checkupflow.process.ScreeningReportProcess;

import ca.uhn.fhir.context.FhirContext;

/**
 * Not a unit test: a load harness, skipped unless run with {@code -Dgroups=benchmark}:
 * <pre>./mvnw test -Dtest=ScreeningThroughputBenchmark -Dgroups=benchmark [-Dbenchmark.stored=1000,10000] [-Dbenchmark.batch=100]
 *     [-Dbenchmark.pairs=2] [-Dbenchmark.prefill=copy|http] [-Dbenchmark.templates=200] [-Dbenchmark.bare-ids=db|uuid]</pre>
 * CheckupFlow end to end (intake over HTTP as {@code integration}, offline template drafter, the harness approves
 * each review as it opens, until DELIVERED) against a bare Camunda engine built by the harness in the same JVM: its
 * own H2 file, full history, the default job executor, and {@code benchmark/bare-screening.bpmn} of the same shape
 * (same gateways, async continuations, external task, user tasks, boundary events; no-op steps, 8 variables), its
 * intake posted over HTTP to an unauthenticated endpoint of the same Tomcat, its external task completed by a
 * harness worker polling like the application's. Batches run one at a time, interleaved (bare, CheckupFlow, bare,
 * CheckupFlow), so each has the machine to itself; both databases grow by the same number per batch. At each level
 * of stored screenings it prints throughput ratio, CPU per screening (whole JVM), latency percentiles (process start to
 * end, from each engine's history) and database bytes per stored screening. Results also in target/benchmark/e2e.txt.
 * Beyond the first {@code benchmark.templates} screenings run per side, the stored history is filled up to each level
 * by SQL copies of the finished ones ({@link StoredHistory}, the same way on both databases) unless
 * {@code -Dbenchmark.prefill=http}.
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "groups", matches = ".*benchmark.*")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "checkupflow.demo.screenings=0",
        "spring.datasource.url=jdbc:h2:file:./target/benchmark/e2e-app;DB_CLOSE_ON_EXIT=FALSE;QUERY_STATISTICS=TRUE;QUERY_STATISTICS_MAX_ENTRIES=2000",
        "checkupflow.data-dir=./target/benchmark/e2e-data",
        "logging.level.com.checkupflow=WARN",
        "logging.level.org.camunda=WARN"})
class ScreeningThroughputBenchmark {

    static final String FILE = "e2e.txt";
    /** H2's statement statistics of the application's database at each level, by cumulative time. */
    static final String QUERIES = "e2e-queries.txt";
    /** Every statement of both databases at each level, whole text, by text: for a diff of the two sides per screening. */
    static final String STATEMENTS = "e2e-statements.txt";
    /** CheckupFlow's commits per screening by origin in each measured batch ({@link CommitOrigins}). */
    static final String COMMITS = "e2e-commits.txt";
    static final int BATCH = Integer.getInteger("benchmark.batch", 100);
    static final int[] LEVELS = Arrays.stream(System.getProperty("benchmark.stored", "1000,10000").split(","))
            .mapToInt(s -> Integer.parseInt(s.trim())).toArray();
    static final int MEASURED_PAIRS = Integer.getInteger("benchmark.pairs", 2);
    /** {@code copy} (default): stored screenings beyond the first {@link #TEMPLATES} are SQL copies ({@link StoredHistory}); {@code http}: all run. */
    static final boolean COPY = !"http".equals(System.getProperty("benchmark.prefill", "copy"));
    static final int TEMPLATES = Integer.getInteger("benchmark.templates", 200);
    /**
     * {@code db} (default): the standalone engine's own ids (short numbers from a database sequence); {@code uuid}: the
     * 36-character UUIDs of the Spring Boot starter's default ({@code camunda.bpm.id-generator: strong}), which
     * CheckupFlow uses: every id column and index entry of the history is that much longer.
     */
    static final String BARE_IDS = System.getProperty("benchmark.bare-ids", "db");
    static final String BARE_DB = "./target/benchmark/e2e-bare";
    static final String APP_DB = "./target/benchmark/e2e-app";
    static ProcessEngine bare;

    @BeforeAll
    static void startBareEngine() throws Exception {
        Files.deleteIfExists(Path.of(BARE_DB + ".mv.db"));
        // before the application context opens it (JUnit runs @BeforeAll before creating the test instance)
        Files.deleteIfExists(Path.of(APP_DB + ".mv.db"));
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneProcessEngineConfiguration()
                .setProcessEngineName("bare")
                .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
                .setHistory(ProcessEngineConfiguration.HISTORY_FULL)
                .setJobExecutorActivate(true);
        // the application's lock time (camunda.bpm.job-execution.lock-time-in-millis): a job left locked by a rejected
        // hand-over to the job threads is acquired again after 30 s, not the engine's default 5 minutes
        org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor jobs = new org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor();
        jobs.setLockTimeInMillis(30_000);
        configuration.setJobExecutor(jobs);
        // a pool like the application's (Hikari, 30): MyBatis' default of 10 connections, each reclaimed after 20 s
        // checked out, made the bare engine's transactions fail on a loaded machine ("Connection is invalid")
        org.apache.ibatis.datasource.pooled.PooledDataSource pool = new org.apache.ibatis.datasource.pooled.PooledDataSource(
                "org.h2.Driver", "jdbc:h2:file:" + BARE_DB + ";DB_CLOSE_ON_EXIT=FALSE;QUERY_STATISTICS=TRUE;QUERY_STATISTICS_MAX_ENTRIES=2000",
                "sa", "");
        pool.setPoolMaximumActiveConnections(30);
        pool.setPoolMaximumCheckoutTime(600_000);
        // the engine's own pool (what setJdbcUrl builds), behind the commit counter that CheckupFlow's pool has too
        configuration.setDataSource(CommitOrigins.BARE.counted(pool));
        if ("uuid".equals(BARE_IDS)) {
            configuration.setIdGenerator(new org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator());
        }
        bare = configuration.buildProcessEngine();
        bare.getRepositoryService().createDeployment()
                .addClasspathResource("benchmark/bare-screening.bpmn").deploy();
    }

    @AfterAll
    static void stopBareEngine() {
        bare.close();
    }

    /** The bare engine's intake: the same Bundle posted, a process instance with the variables its gateways read. */
    @TestConfiguration
    static class BareIntake {
        @RestController
        static class BareIntakeController {
            private final AtomicInteger next = new AtomicInteger();

            @PostMapping(path = "/bench/bare/screenings", consumes = "application/fhir+json")
            @ResponseStatus(HttpStatus.CREATED)
            String post(@RequestBody String bundle) {
                String id = "bare-" + next.incrementAndGet();
                bare.getRuntimeService().startProcessInstanceByKey("bare-screening", id, Map.of(
                        "center", "gangnam", "screeningId", id, Vars.INVALID_ITEMS, false, Vars.NEW_CRITICAL_RESULT, false,
                        Vars.DRAFT_CHECK_PASSED, true, Vars.REFERRAL_NEEDED, false, Vars.CONSULTATION_SUMMARY_WANTED, false,
                        "bundleSize", bundle.length()));
                return id;
            }
        }
    }


    /**
     * Counts each side's commits by where they came from during its measured batches (the first two frames of our
     * code, an engine service or the job executor's runnables), printed per screening to {@value #COMMITS}: what H2's
     * {@code COMMIT} count does not say. Both sides' connections go through the same counting proxy.
     */
    @TestConfiguration
    static class CommitOrigins {
        static final CommitOrigins APP = new CommitOrigins();
        static final CommitOrigins BARE = new CommitOrigins();
        private static final java.util.regex.Pattern ORIGIN = java.util.regex.Pattern.compile(
                "com\\.checkupflow\\.(?!ScreeningThroughputBenchmark\\$CommitOrigins|engine\\.JobSuccessWithoutTransaction\\.).*"
                        + "|org\\.camunda\\.bpm\\.engine\\.impl\\.(\\w+ServiceImpl|jobexecutor\\.\\w+Runnable)\\..*");

        final Map<String, java.util.concurrent.atomic.LongAdder> counts = new java.util.concurrent.ConcurrentHashMap<>();
        volatile boolean counting;

        @org.springframework.context.annotation.Bean
        static org.springframework.beans.factory.config.BeanPostProcessor commitOrigins() {
            return new org.springframework.beans.factory.config.BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof DataSource data && "dataSource".equals(name) ? APP.counted(data) : bean;
                }
            };
        }

        DataSource counted(DataSource data) {
            return proxy(DataSource.class, data, (method, result) -> result instanceof java.sql.Connection c
                    ? proxy(java.sql.Connection.class, c, (m, r) -> r, "commit") : result, null);
        }

        /** A proxy that counts the named method's calls before it and maps every result. */
        private <T> T proxy(Class<T> type, T target, java.util.function.BiFunction<java.lang.reflect.Method, Object, Object> results,
                            String counted) {
            return type.cast(java.lang.reflect.Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, (p, method, args) -> {
                if (counting && method.getName().equals(counted)) {
                    String origin = StackWalker.getInstance().walk(frames -> frames
                            .map(f -> f.getClassName() + "." + f.getMethodName()).filter(f -> ORIGIN.matcher(f).matches())
                            .limit(2).collect(java.util.stream.Collectors.joining(" < ")));
                    counts.computeIfAbsent(origin, k -> new java.util.concurrent.atomic.LongAdder()).increment();
                }
                try {
                    return results.apply(method, method.invoke(target, args));
                } catch (java.lang.reflect.InvocationTargetException e) {
                    throw e.getCause();
                }
            }));
        }

        /** Counts the commits of {@code batch} only. */
        <T> T during(java.util.concurrent.Callable<T> batch) throws Exception {
            counts.clear();
            counting = true;
            try {
                return batch.call();
            } finally {
                counting = false;
            }
        }

        String perScreening(int screenings) {
            StringBuilder out = new StringBuilder();
            counts.entrySet().stream().sorted((x, y) -> Long.compare(y.getValue().sum(), x.getValue().sum()))
                    .forEach(e -> out.append(String.format("%7.2f  %s%n", e.getValue().sum() / (double) screenings, e.getKey())));
            out.append(String.format("%7.2f  all%n", counts.values().stream().mapToLong(java.util.concurrent.atomic.LongAdder::sum)
                    .sum() / (double) screenings));
            return out.toString();
        }
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
    DataSource dataSource;

    record Batch(String pipeline, int stored, int count, double seconds, double perSecond, double cpuMsPerScreening,
                 double commitsPerScreening, double p50, double p90, double p99, String jobs, String window) {
        @Override
        public String toString() {
            return String.format("%-11s stored %,7d  %4d in %6.1f s  %6.2f /s  cpu %7.1f ms/screening  %5.1f commits/screening  "
                    + "latency p50 %6.0f p90 %6.0f p99 %6.0f ms  jobs per screening: %s  window %s", pipeline, stored, count, seconds,
                    perSecond, cpuMsPerScreening, commitsPerScreening, p50, p90, p99, jobs, window);
        }
    }

    /** The job log's states (ACT_HI_JOB_LOG.JOB_STATE_: 0 created, 1 failed, 2 succeeded, 3 deleted), by job type. */
    private static final String[] JOB_STATES = {"created", "failed", "succeeded", "deleted"};

    private static Map<String, Long> jobLog(JdbcClient db) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        db.sql("SELECT JOB_STATE_, JOB_DEF_TYPE_, COUNT(*) FROM ACT_HI_JOB_LOG GROUP BY JOB_STATE_, JOB_DEF_TYPE_")
                .query((rs, n) -> counts.put(JOB_STATES[rs.getInt(1)] + " " + rs.getString(2), rs.getLong(3))).list();
        return counts;
    }

    /** Job log entries per screening written between two {@link #jobLog} counts. */
    private static String jobsPerScreening(Map<String, Long> before, Map<String, Long> after, int screenings) {
        return after.entrySet().stream().filter(e -> e.getValue() > before.getOrDefault(e.getKey(), 0L))
                .map(e -> String.format("%s %.2f", e.getKey(), (e.getValue() - before.getOrDefault(e.getKey(), 0L)) / (double) screenings))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    @Test
    void shouldCompareWithTheBareEngineWhenStoredScreeningsGrow() throws Exception {
        SyntheticScreenings synthetic = new SyntheticScreenings(fhir);
        SyntheticScreenings.Profile[] profiles = {SyntheticScreenings.Profile.HEALTHY, SyntheticScreenings.Profile.BORDERLINE};
        AtomicInteger posted = new AtomicInteger();
        IntFunction<String> bundle = i -> synthetic.bundleJson("e2e-" + i, profiles[i % profiles.length], i);
        AtomicBoolean running = new AtomicBoolean(true);
        Thread worker = new Thread(() -> bareWorker(running), "benchmark-bare-worker");
        worker.start();
        HttpClient http = HttpClient.newHttpClient();
        DataSource bareDb = ((ProcessEngineConfigurationImpl) bare.getProcessEngineConfiguration()).getDataSource();
        Pipeline app = new Pipeline("checkupflow", historyService, ScreeningReportProcess.PROCESS_ID,
                ScreeningLoad.intake(http, port, bundle),
                since -> jdbc.sql("SELECT COUNT(*) FROM cf_screening WHERE received_at >= ? AND stage = 'DELIVERED'")
                        .param(new java.sql.Timestamp(since.getTime())).query(Long.class).single(),
                new StoredHistory(dataSource, true),
                () -> jdbc.sql("SELECT COUNT(*) FROM cf_screening").query(Long.class).single(), () -> commits(jdbc), jdbc);
        JdbcClient bareJdbc = JdbcClient.create(bareDb);
        Pipeline baseline = new Pipeline("bare", bare.getHistoryService(), "bare-screening", i -> http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/bench/bare/screenings"))
                        .header("Content-Type", "application/fhir+json")
                        .POST(HttpRequest.BodyPublishers.ofString(bundle.apply(i), StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode(),
                since -> bareJdbc.sql("SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE START_TIME_ >= ? AND END_TIME_ IS NOT NULL")
                        .param(new java.sql.Timestamp(since.getTime())).query(Long.class).single(),
                new StoredHistory(bareDb, false),
                () -> bareJdbc.sql("SELECT COUNT(*) FROM ACT_HI_PROCINST").query(Long.class).single(),
                () -> commits(bareJdbc), bareJdbc);

        LoadStats.log(FILE, "==== ScreeningThroughputBenchmark " + java.time.Instant.now() + " · batch " + BATCH + " · "
                + "pre-population " + (COPY ? "by SQL copies of " + TEMPLATES + " run screenings" : "over HTTP") + " · bare engine's ids "
                + BARE_IDS + " · "
                + LoadStats.uptime());
        List<String> summary = new ArrayList<>();
        try (ScreeningLoad.Approver approver = new ScreeningLoad.Approver(List.of(
                ScreeningLoad.Approver.reviews(taskService, "physicianGangnam"), () -> approveBareReviews(bare.getTaskService())))) {
            for (int level : LEVELS) {
                int seeded = level - MEASURED_PAIRS * BATCH;
                while (app.stored < (COPY ? Math.min(seeded, TEMPLATES) : seeded)) {
                    LoadStats.log(FILE, "seed  " + baseline.run(BATCH, posted));
                    LoadStats.log(FILE, "seed  " + app.run(BATCH, posted));
                }
                if (COPY && app.stored < seeded) {
                    LoadStats.log(FILE, "copy  " + baseline.prefill(seeded));
                    LoadStats.log(FILE, "copy  " + app.prefill(seeded));
                }
                List<Batch> bareBatches = new ArrayList<>();
                List<Batch> appBatches = new ArrayList<>();
                for (int pair = 0; pair < MEASURED_PAIRS; pair++) {
                    bareBatches.add(CommitOrigins.BARE.during(() -> baseline.run(BATCH, posted)));
                    appBatches.add(CommitOrigins.APP.during(() -> app.run(BATCH, posted)));
                    LoadStats.log(COMMITS, "==== level " + level + ", commits (Connection.commit) per screening by origin · "
                            + LoadStats.uptime() + "\n-- CheckupFlow\n" + CommitOrigins.APP.perScreening(BATCH)
                            + "-- bare\n" + CommitOrigins.BARE.perScreening(BATCH));
                    LoadStats.log(FILE, "meas  " + bareBatches.get(pair));
                    LoadStats.log(FILE, "meas  " + appBatches.get(pair));
                }
                double ratio = sum(appBatches, Batch::perSecond) / sum(bareBatches, Batch::perSecond);
                double cpuRatio = sum(appBatches, Batch::cpuMsPerScreening) / sum(bareBatches, Batch::cpuMsPerScreening);
                double appBytes = Files.size(Path.of(APP_DB + ".mv.db")) / (double) app.stored;
                double bareBytes = Files.size(Path.of(BARE_DB + ".mv.db")) / (double) baseline.stored;
                String line = String.format("LEVEL %,d stored: throughput CheckupFlow/bare %.2f (target >= 0.8), CPU per "
                                + "screening %.1f ms vs %.1f ms (%.2fx), commits per screening %.1f vs %.1f, p99 %.0f vs %.0f ms, DB bytes per screening %,.0f vs "
                                + "%,.0f (%.2fx, target <= 3); %s", app.stored, ratio,
                        sum(appBatches, Batch::cpuMsPerScreening) / MEASURED_PAIRS,
                        sum(bareBatches, Batch::cpuMsPerScreening) / MEASURED_PAIRS, cpuRatio,
                        sum(appBatches, Batch::commitsPerScreening) / MEASURED_PAIRS,
                        sum(bareBatches, Batch::commitsPerScreening) / MEASURED_PAIRS,
                        sum(appBatches, Batch::p99) / MEASURED_PAIRS, sum(bareBatches, Batch::p99) / MEASURED_PAIRS,
                        appBytes, bareBytes, appBytes / bareBytes, LoadStats.uptime());
                LoadStats.log(FILE, line);
                summary.add(line);
                String rows = "ROWS per screening (CheckupFlow / bare): " + rowsPerScreening(app.stored, baseline.stored);
                LoadStats.log(FILE, rows);
                summary.add(rows);
                double appTables = tableBytes(jdbc) / (double) app.stored;
                double bareTables = tableBytes(bareJdbc) / (double) baseline.stored;
                String bytes = String.format("BYTES per screening in tables (H2 DISK_SPACE_USED, without the file's free "
                        + "space) %,.0f vs %,.0f (%.2fx); largest (CheckupFlow | bare): ", appTables, bareTables,
                        appTables / bareTables) + bytesPerScreening(jdbc, app.stored) + " | "
                        + bytesPerScreening(bareJdbc, baseline.stored);
                LoadStats.log(FILE, bytes);
                summary.add(bytes);
                LoadStats.log(QUERIES, "==== level " + app.stored + " · " + LoadStats.uptime());
                LoadStats.log(QUERIES, "-- CheckupFlow\n" + topStatements(jdbc) + "-- bare\n" + topStatements(bareJdbc));
                LoadStats.log(STATEMENTS, "==== level " + app.stored + ", screenings run CheckupFlow " + app.ran + " / bare "
                        + baseline.ran + " · " + LoadStats.uptime());
                LoadStats.log(STATEMENTS, "-- CheckupFlow\n" + allStatements(jdbc) + "-- bare\n" + allStatements(bareJdbc));
            }
        } finally {
            running.set(false);
            worker.join();
        }
        summary.forEach(System.out::println);
        Assertions.assertThat(app.stored).isGreaterThanOrEqualTo(LEVELS[LEVELS.length - 1]);
    }

    /** Engine tables whose rows per stored screening the issue names, for both sides (whole database, so 0 for none). */
    static final List<String> TABLES = List.of("ACT_RU_VARIABLE", "ACT_HI_VARINST", "ACT_HI_DETAIL", "ACT_HI_ACTINST",
            "ACT_HI_TASKINST", "ACT_HI_JOB_LOG", "ACT_HI_OP_LOG", "ACT_HI_IDENTITYLINK", "ACT_HI_EXT_TASK_LOG",
            "ACT_HI_DECINST", "ACT_HI_DEC_IN", "ACT_HI_DEC_OUT", "ACT_GE_BYTEARRAY");

    private String rowsPerScreening(int appStored, int bareStored) {
        JdbcClient bareJdbc = JdbcClient.create(((ProcessEngineConfigurationImpl) bare.getProcessEngineConfiguration())
                .getDataSource());
        StringBuilder out = new StringBuilder();
        for (String table : TABLES) {
            long app = jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
            long base = bareJdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
            out.append(String.format("%s %.1f / %.1f; ", table, app / (double) appStored, base / (double) bareStored));
        }
        return out.toString();
    }

    private static long tableBytes(JdbcClient db) {
        return db.sql("""
                SELECT COALESCE(SUM(DISK_SPACE_USED('"' || TABLE_NAME || '"')), 0) FROM INFORMATION_SCHEMA.TABLES
                WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_TYPE = 'BASE TABLE'""").query(Long.class).single();
    }

    /** The ten largest tables (H2's {@code DISK_SPACE_USED}, indexes and LOBs included) per stored screening. */
    private static String bytesPerScreening(JdbcClient db, int stored) {
        return db.sql("""
                SELECT TABLE_NAME, DISK_SPACE_USED('"' || TABLE_NAME || '"') FROM INFORMATION_SCHEMA.TABLES
                WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_TYPE = 'BASE TABLE' ORDER BY 2 DESC LIMIT 10""")
                .query((rs, n) -> String.format("%s %,.0f", rs.getString(1), rs.getLong(2) / (double) stored)).list()
                .stream().collect(java.util.stream.Collectors.joining("; "));
    }

    /** The 60 costliest, cumulative over the run: a statement whose average time or rows grow from level to level grows with history. */
    private static String topStatements(JdbcClient db) {
        StringBuilder out = new StringBuilder();
        db.sql("""
                SELECT EXECUTION_COUNT, CUMULATIVE_EXECUTION_TIME, AVERAGE_EXECUTION_TIME, AVERAGE_ROW_COUNT, SQL_STATEMENT
                FROM INFORMATION_SCHEMA.QUERY_STATISTICS ORDER BY CUMULATIVE_EXECUTION_TIME DESC LIMIT 60""")
                .query((rs, n) -> String.format("%8d x  total %9.0f ms  avg %8.3f ms  rows %8.1f  %s%n", rs.getLong(1),
                        rs.getDouble(2), rs.getDouble(3), rs.getDouble(4),
                        rs.getString(5).replaceAll("\\s+", " ").substring(0, Math.min(260, rs.getString(5).replaceAll("\\s+", " ").length()))))
                .list().forEach(out::append);
        return out.toString();
    }

    /** Every statement so far, by its text (one line each), with its executions and average rows. */
    private static String allStatements(JdbcClient db) {
        StringBuilder out = new StringBuilder();
        db.sql("""
                SELECT EXECUTION_COUNT, CUMULATIVE_EXECUTION_TIME, AVERAGE_ROW_COUNT, SQL_STATEMENT
                FROM INFORMATION_SCHEMA.QUERY_STATISTICS ORDER BY SQL_STATEMENT""")
                .query((rs, n) -> String.format("%8d x  total %9.0f ms  rows %8.1f  %s%n", rs.getLong(1), rs.getDouble(2),
                        rs.getDouble(3), rs.getString(4).replaceAll("\\s+", " ")))
                .list().forEach(out::append);
        return out.toString();
    }

    /**
     * Transactions committed on a database so far (H2's statement statistics count each {@code COMMIT}); during a
     * batch they include the engine's idle polling (job acquisition, external-task fetches, the approver's queries).
     */
    private static long commits(JdbcClient db) {
        return db.sql("SELECT COALESCE(SUM(EXECUTION_COUNT), 0) FROM INFORMATION_SCHEMA.QUERY_STATISTICS WHERE SQL_STATEMENT = 'COMMIT'")
                .query(Long.class).single();
    }

    private static double sum(List<Batch> batches, java.util.function.ToDoubleFunction<Batch> f) {
        return batches.stream().mapToDouble(f).sum();
    }

    /** One side of the comparison: how to post a screening, how many have reached the end, how to copy history. */
    static final class Pipeline {
        final String name;
        final HistoryService history;
        final String processKey;
        final ScreeningLoad.Post post;
        /**
         * Screenings started at or after the given time that have reached the end, polled every 100 ms during a batch:
         * a range over the batch's own rows (cf_screening's and ACT_HI_PROCINST's start-time indexes), so that the
         * poll's cost does not grow with the stored history and count against the side it polls.
         */
        final java.util.function.ToLongFunction<Date> delivered;
        final StoredHistory copies;
        final LongSupplier instances;
        final LongSupplier commits;
        final JdbcClient db;
        int stored;
        /** Screenings run through the pipeline (not copied): what the statement statistics count. */
        int ran;
        int nextTag;

        Pipeline(String name, HistoryService history, String processKey, ScreeningLoad.Post post,
                 java.util.function.ToLongFunction<Date> delivered,
                 StoredHistory copies, LongSupplier instances, LongSupplier commits, JdbcClient db) {
            this.name = name;
            this.history = history;
            this.processKey = processKey;
            this.post = post;
            this.delivered = delivered;
            this.copies = copies;
            this.instances = instances;
            this.commits = commits;
            this.db = db;
        }

        Batch run(int count, AtomicInteger posted) throws Exception {
            Date startedAfter = new Date(System.currentTimeMillis() - 1);
            long cpu = LoadStats.processCpuNanos();
            long commitsBefore = commits.getAsLong();
            Map<String, Long> jobsBefore = jobLog(db);
            long start = System.nanoTime();
            java.time.LocalTime from = java.time.LocalTime.now(java.time.ZoneOffset.UTC);
            int first = posted.getAndAdd(count) + 1;
            try {
                ScreeningLoad.postAll(first, count, 4, post);
            } catch (IllegalStateException e) {
                throw new IllegalStateException(name + ": " + e.getMessage(), e);
            }
            long done = ScreeningLoad.awaitCount(() -> delivered.applyAsLong(startedAfter), count, Duration.ofMinutes(20));
            double seconds = (System.nanoTime() - start) / 1e9;
            // wall-clock UTC, to cut a JFR recording of the whole run into this batch's samples
            String window = from.truncatedTo(java.time.temporal.ChronoUnit.MILLIS) + "-"
                    + java.time.LocalTime.now(java.time.ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            double cpuMs = (LoadStats.processCpuNanos() - cpu) / 1e6 / count;
            double commitsPer = (commits.getAsLong() - commitsBefore) / (double) count;
            String jobs = jobsPerScreening(jobsBefore, jobLog(db), count);
            if (done < count) {
                throw new IllegalStateException(name + ": " + done + " of " + count + " reached the end");
            }
            stored += count;
            ran += count;
            long[] latencies = history.createHistoricProcessInstanceQuery().processDefinitionKey(processKey)
                    .startedAfter(startedAfter).finished().list().stream()
                    .mapToLong(p -> durationNanos(p)).sorted().toArray();
            return new Batch(name, stored, count, seconds, count / seconds, cpuMs, commitsPer, LoadStats.percentileMs(latencies, 50),
                    LoadStats.percentileMs(latencies, 90), LoadStats.percentileMs(latencies, 99), jobs, window);
        }

        /** Copies the finished screenings stored so far in SQL until about {@code target} are stored. */
        String prefill(int target) throws Exception {
            long start = System.nanoTime();
            int from = stored;
            nextTag = copies.copyUntil(instances, target, nextTag);
            stored = (int) instances.getAsLong();
            return String.format("%-11s stored %,7d  copied %,d in %.1f s", name, stored, stored - from,
                    (System.nanoTime() - start) / 1e9);
        }

        private static long durationNanos(HistoricProcessInstance p) {
            return (p.getEndTime().getTime() - p.getStartTime().getTime()) * 1_000_000L;
        }
    }

    private static int approveBareReviews(TaskService bareTasks) {
        List<Task> reviews = bareTasks.createTaskQuery().taskDefinitionKey(Activities.REVIEW_REPORT).listPage(0, 50);
        for (Task review : reviews) {
            bareTasks.claim(review.getId(), "physicianGangnam");
            // the same three calls as CheckupFlow's physician (ReviewTasks.approveAsDrafted): the form's text read
            // (the bare model holds none, the read is the same engine command), then the decision
            bareTasks.getVariable(review.getId(), Vars.FINAL_TEXT);
            bareTasks.complete(review.getId(), Map.of(Vars.REVIEW_DECISION, "APPROVE"));
        }
        return reviews.size();
    }

    /** The bare engine's external task worker: polls like the application's worker (idle interval 0.5 s). */
    private static void bareWorker(AtomicBoolean running) {
        while (running.get()) {
            try {
                completeDrafts();
            } catch (RuntimeException e) {
                System.err.println("bare worker: " + e);
                pause(500);
            }
        }
    }

    private static void completeDrafts() {
        List<LockedExternalTask> tasks = bare.getExternalTaskService().fetchAndLock(20, "benchmark")
                .topic(Topics.DRAFT_DOCUMENT, 60_000).execute();
        tasks.forEach(t -> bare.getExternalTaskService().complete(t.getId(), "benchmark"));
        if (tasks.isEmpty()) {
            pause(500);
        }
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
