package com.checkupflow.judgement;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.checkupflow.LoadStats;
import com.checkupflow.demo.SyntheticScreenings;

import ca.uhn.fhir.context.FhirContext;

/**
 * Not a unit test: a load harness, skipped unless run with {@code -Dgroups=benchmark}:
 * <pre>./mvnw test -Dtest=JudgementBenchmark -Dgroups=benchmark</pre>
 * 4 clients post varied synthetic Bundles to the dry run {@code POST /api/judgements} as {@code physicianGangnam},
 * in rounds interleaved with {@code GET /actuator/health} sent with the same HTTP basic header (the baseline: one
 * authenticated round trip). Prints Bundles/s, latency percentiles, CPU per request (whole JVM, clients included)
 * and the history rows the dry runs wrote. Targets (issue 15): at least 500 Bundles/s, p99 under 50 ms.
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "groups", matches = ".*benchmark.*")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "checkupflow.demo.screenings=0",
        "spring.datasource.url=jdbc:h2:file:./target/benchmark/judgement-${random.uuid};DB_CLOSE_ON_EXIT=FALSE",
        "logging.level.com.checkupflow=WARN",
        "logging.level.org.camunda=WARN"})
class JudgementBenchmark {

    static final int CLIENTS = Integer.getInteger("benchmark.clients", 4);
    static final double SECONDS = Double.parseDouble(System.getProperty("benchmark.seconds", "8"));
    static final int ROUNDS = Integer.getInteger("benchmark.rounds", 3);
    static final String FILE = "judgement.txt";

    @LocalServerPort
    int port;
    @Autowired
    FhirContext fhir;
    @Autowired
    JdbcClient jdbc;

    @Test
    void shouldReportDryRunThroughputBesideHealthWhenFourClientsPost() throws Exception {
        SyntheticScreenings synthetic = new SyntheticScreenings(fhir);
        SyntheticScreenings.Profile[] profiles = SyntheticScreenings.Profile.values();
        List<String> bundles = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            bundles.add(synthetic.bundleJson("dry-" + i, profiles[i % profiles.length], i));
        }
        HttpClient http = HttpClient.newHttpClient();
        String auth = "Basic " + Base64.getEncoder().encodeToString("physicianGangnam:demo".getBytes(StandardCharsets.UTF_8));
        AtomicInteger next = new AtomicInteger();
        LoadStats.Request judge = () -> {
            String bundle = bundles.get(Math.floorMod(next.getAndIncrement(), bundles.size()));
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(url("/api/judgements"))
                    .header("Authorization", auth).header("Content-Type", "application/fhir+json")
                    .POST(HttpRequest.BodyPublishers.ofString(bundle, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"overall\"");
        };
        LoadStats.Request health = () -> http.send(HttpRequest.newBuilder(url("/actuator/health"))
                .header("Authorization", auth).GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200;

        Assertions.assertThat(judge.send()).as("a dry run answers 200 with a judgement").isTrue();
        long decisionsBefore = historicDecisions();
        LoadStats.log(FILE, "==== JudgementBenchmark " + java.time.Instant.now() + " · " + CLIENTS + " clients · "
                + LoadStats.uptime());
        List<LoadStats.Series> dry = new ArrayList<>();
        List<LoadStats.Series> base = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            LoadStats.Series h = LoadStats.closedLoop("health round " + round, CLIENTS, SECONDS, health);
            LoadStats.Series j = LoadStats.closedLoop("dry run round " + round, CLIENTS, SECONDS, judge);
            LoadStats.log(FILE, h.toString());
            LoadStats.log(FILE, j.toString());
            base.add(h);
            dry.add(j);
        }
        LoadStats.Series best = dry.stream().max((a, b) -> Double.compare(a.perSecond(), b.perSecond())).orElseThrow();
        double ratio = dry.stream().mapToDouble(LoadStats.Series::perSecond).sum()
                / base.stream().mapToDouble(LoadStats.Series::perSecond).sum();
        long written = historicDecisions() - decisionsBefore;
        LoadStats.log(FILE, String.format("dry run / health throughput %.2f; best dry run %.1f Bundles/s p99 %.1f ms "
                        + "(target >= 500/s, p99 < 50 ms); historic decision rows written by %d dry runs: %d; %s",
                ratio, best.perSecond(), best.p99(), dry.stream().mapToInt(LoadStats.Series::requests).sum(), written,
                LoadStats.uptime()));
        Assertions.assertThat(dry).allSatisfy(s -> Assertions.assertThat(s.errors()).isZero());
    }

    private long historicDecisions() {
        return jdbc.sql("SELECT COUNT(*) FROM ACT_HI_DECINST").query(Long.class).single();
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
