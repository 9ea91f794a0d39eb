package com.checkupflow.analytics;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.checkupflow.TestHttp;

/**
 * Benchmark harness, not a unit test: runs only with {@code -Dgroups=benchmark}
 * ({@code ./mvnw -Dgroups=benchmark test -Dtest=AnalyticsBenchmarkTest}). Seeds 10 000 and then 100 000 synthetic
 * screenings (300 a day: volume grows with time, as in production) into a file H2 database (its query result cache
 * off, so repeated requests measure real work), then times the dashboard
 * API over HTTP (the default 30-day view, all centers and one center, and cycle-times; cycle-times and the
 * dashboard over 365 days for information). Results: stdout and
 * target/benchmark/results.txt. Target: p95 under 300 ms at 100 000 and at most twice the 10 000 figure.
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "groups", matches = ".*benchmark.*")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // Demo users only (analytics is for managers), no demo screenings.
        "checkupflow.demo.screenings=0",
        "spring.datasource.url=jdbc:h2:file:./target/benchmark/db-${random.uuid};DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=0",
        "camunda.bpm.job-execution.enabled=false"})
class AnalyticsBenchmarkTest {

    static final int WARMUP = 30;
    static final int RUNS = Integer.getInteger("benchmark.runs", 200);
    static final int PER_DAY = 300;
    static final String[] TABLES = {"end-to-end-distribution", "stage-percentiles", "centers", "backlog",
            "sla-breaches", "throughput", "ai", "check-findings", "outcomes", "abnormal-items"};

    @LocalServerPort
    int port;
    @Autowired
    TimelineSeeder seeder;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TimelineRepository timelineRepository;

    private TestHttp http;
    private final List<String> report = new ArrayList<>();

    @Test
    void shouldMeasureDashboardApiAt10kAnd100kScreenings() throws Exception {
        http = new TestHttp(port);
        LocalDate today = LocalDate.now();
        String yearAgo = "from=" + today.minusDays(364) + "&to=" + today;
        String[] endpoints = {"/api/analytics/dashboard", "/api/analytics/dashboard?center=gangnam",
                "/api/analytics/cycle-times", "/api/analytics/activity-durations",
                "/api/analytics/cycle-times?" + yearAgo, "/api/analytics/dashboard?" + yearAgo};
        int yearViews = 2;
        double[][] p95 = new double[2][endpoints.length];
        int[] sizes = {10_000, 100_000};
        for (int s = 0; s < sizes.length; s++) {
            wipe();
            long started = System.nanoTime();
            long intervals = seeder.seed(sizes[s], PER_DAY, 42);
            log(String.format("seeded %,d screenings (%,d stage intervals) in %,d ms", sizes[s], intervals,
                    (System.nanoTime() - started) / 1_000_000));
            jdbc.sql("ANALYZE").update();
            for (int e = 0; e < endpoints.length; e++) {
                // The 365-day queries are for information only: fewer runs.
                boolean yearView = e >= endpoints.length - yearViews;
                p95[s][e] = measure(sizes[s], endpoints[e], yearView ? 3 : WARMUP, yearView ? 20 : RUNS);
            }
            if (Boolean.getBoolean("benchmark.tables")) {
                for (String table : TABLES) {
                    measure(sizes[s], "/api/analytics/" + table + ".csv", WARMUP, RUNS);
                }
            }
        }
        for (int e = 0; e < endpoints.length - yearViews; e++) {
            log(String.format("%-45s p95 10k %6.1f ms, 100k %6.1f ms, ratio %.2f -> %s", endpoints[e], p95[0][e],
                    p95[1][e], p95[1][e] / p95[0][e],
                    p95[1][e] < 300 && p95[1][e] <= 2 * p95[0][e] ? "meets target" : "MISSES target"));
        }
        log("(the last " + yearViews + " endpoints are 365-day queries, for information: they cover all 100 000"
                + " screenings)");
        Files.createDirectories(Path.of("target", "benchmark"));
        Files.write(Path.of("target", "benchmark", "results.txt"), report);
        Assertions.assertThat(Arrays.stream(p95[1]).min().orElseThrow()).isPositive();
    }

    private double measure(int size, String path, int warmup, int runs) throws IOException, InterruptedException {
        for (int i = 0; i < warmup; i++) {
            call(path);
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            call(path);
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        double p50 = ms[runs / 2];
        double p95 = ms[(int) Math.ceil(runs * 0.95) - 1];
        log(String.format("%,7d screenings  %-60s p50 %6.1f ms  p95 %6.1f ms  max %6.1f ms (%d runs)", size, path,
                p50, p95, ms[runs - 1], runs));
        return p95;
    }

    private void call(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = http.get("manager", path);
        Assertions.assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    private void wipe() {
        jdbc.sql("DELETE FROM cf_analytics_code").update();
        jdbc.sql("DELETE FROM cf_stage_interval").update();
        jdbc.sql("DELETE FROM cf_screening_cycle").update();
        timelineRepository.forgetAll();
    }

    private void log(String line) {
        System.out.println("BENCHMARK " + line);
        report.add(line);
    }
}
