package com.checkupflow.web;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.checkupflow.CheckupFlowHttpTest;
import com.checkupflow.ReviewTasks;
import com.checkupflow.TestHttp;
import com.checkupflow.demo.SyntheticScreenings;
import com.checkupflow.engine.ExternalTaskWorker;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ca.uhn.fhir.context.FhirContext;

/**
 * Seeded, bounded fuzzing of what clients send: intake, the dry run, review decisions and analytics queries, each
 * request derived from a valid one by random mutations (hostile numbers, over-long and empty strings, wrong types,
 * removed or nulled elements, truncated JSON, wrong media types and parameters). Every answer must be below 500, every
 * {@code /api} 4xx an {@code application/problem+json} document, a rejected request must leave the tables as they
 * were, and no request may take 2 s or more.
 * <p>
 * What made valid dry runs take 2–4 s was the test's own background work, not the requests: every accepted intake
 * started a screening whose judging, drafting and checking then ran on the job executor and the model workers, on
 * the same two cores, while the next requests were timed. Once the review screening is in review, the job executor
 * and the workers pause (accepted screenings wait at their first asynchronous step), so each request is measured
 * alone; a longer warm-up of every request kind keeps the JIT's first compilations out of the measurement.
 * {@code -Dfuzz.seed=…} replays a run, {@code -Dfuzz.requests=…} sizes it; at most {@code -Dfuzz.seconds} (default
 * 120) are spent.
 */
@CheckupFlowHttpTest
class HostileInputFuzzHttpTest {

    static final long SEED = Long.getLong("fuzz.seed", 20261201L);
    static final int REQUESTS = Integer.getInteger("fuzz.requests", 400);
    static final Duration BUDGET = Duration.ofSeconds(Long.getLong("fuzz.seconds", 120));
    static final long SLOW_NANOS = 2_000_000_000L;
    static final int WARM_UP_ROUNDS = 20;

    private static final String[] NUMBERS = {"1e999999999", "1e999999", "-1e999999", "1e100", "1e-999999",
            "123456789012345678901234567890", "0.000000000000000000001", "-0", "1E+12", "999999999999", "-999999999",
            "9223372036854775808", "NaN", "Infinity", "0x10", "1.5", "0", "-1"};
    private static final String[] DATES = {"2026-01-01", "-999999999-01-01", "+999999999-12-31", "0000-01-01",
            "2026-02-30", "2026-13-01", "20260101", "", "yesterday", "1899-12-31", "9999-12-31", "2026-01-01T00:00"};

    @LocalServerPort
    int port;
    @Autowired
    FhirContext fhir;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectMapper json;
    @Autowired
    TaskService taskService;
    @Autowired
    ProcessEngine processEngine;
    @Autowired
    List<ExternalTaskWorker> workers;

    private final Random random = new Random(SEED);
    private final Map<String, Integer> statuses = new LinkedHashMap<>();
    private final List<String> failures = new ArrayList<>();
    private final List<String> slowest = new ArrayList<>();
    private String base;
    private TestHttp http;
    private String reviewScreening;

    @Test
    void shouldAnswerEveryHostileRequestWithA4xxProblemDocumentQuicklyAndStoreNothing() throws Exception {
        http = new TestHttp(port);
        SyntheticScreenings synthetic = new SyntheticScreenings(fhir);
        base = synthetic.bundleJson("fuzz-base", SyntheticScreenings.Profile.SUSPECT, 5);
        HttpResponse<String> created = http.post("integration", "/api/screenings?center=gangnam",
                "application/fhir+json", base);
        reviewScreening = json.readTree(created.body()).get("id").asText();
        ReviewTasks.awaitReview(taskService, reviewScreening);
        JobExecutor jobs = ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration()).getJobExecutor();
        jobs.shutdown();
        workers.forEach(ExternalTaskWorker::stop);
        int sent = 0;
        try {
            for (int i = 0; i < WARM_UP_ROUNDS; i++) { // the first requests of a JVM load and compile; not measured
                http.post("designer", "/api/judgements", "application/fhir+json", base);
                http.post("physicianGangnam", "/api/screenings/no-such-screening/review", "application/json",
                        "{\"decision\":\"APPROVE\"}");
                http.get("manager", "/api/analytics/cycle-times");
                http.get("manager", "/api/analytics/dashboard");
                http.post("integration", "/api/screenings?center=gangnam", "application/fhir+json", "{}");
            }
            long deadline = System.nanoTime() + BUDGET.toNanos();
            for (; sent < REQUESTS && System.nanoTime() < deadline; sent++) {
                switch (random.nextInt(4)) {
                    case 0 -> intake(sent);
                    case 1 -> dryRun();
                    case 2 -> review();
                    default -> analytics();
                }
            }
        } finally {
            jobs.start();
            workers.forEach(ExternalTaskWorker::start);
        }
        System.out.println("Fuzz seed " + SEED + ": " + sent + " requests, statuses " + statuses
                + "; over 1 s: " + slowest);

        Assertions.assertThat(sent).isGreaterThanOrEqualTo(Math.min(REQUESTS, 100));
        Assertions.assertThat(failures).as("seed " + SEED).isEmpty();
    }

    private void intake(int n) throws Exception {
        ObjectNode bundle = (ObjectNode) json.readTree(base);
        ((ObjectNode) bundle.get("identifier")).put("value", "fuzz-" + SEED + "-" + n);
        String body = mutate(bundle);
        String center = pick("gangnam", "gangnam", "gangnam", "", "nowhere", "GANGNAM", "gang%00nam", "x".repeat(300));
        String contentType = pick("application/fhir+json", "application/fhir+json", "application/json", "text/plain",
                "application/xml", "application/fhir+json; charset=latin1");
        String query = "?center=" + URLEncoder.encode(center, StandardCharsets.UTF_8)
                + (random.nextInt(5) == 0 ? "&language=" + pick("ko", "en", "fr", "", "ko-KR") : "");
        long screenings = count("cf_screening");
        long items = count("cf_screening_item");
        HttpResponse<String> response = check("POST /api/screenings",
                () -> http.post("integration", "/api/screenings" + query, contentType, body));
        if (response != null && response.statusCode() >= 400
                && (count("cf_screening") != screenings || count("cf_screening_item") != items)) {
            failures.add("intake rejected with " + response.statusCode() + " but stored rows: " + abbreviate(body));
        }
    }

    private void dryRun() throws Exception {
        String body = mutate((ObjectNode) json.readTree(base));
        long screenings = count("cf_screening");
        check("POST /api/judgements", () -> http.post(pick("designer", "physicianGangnam"), "/api/judgements",
                pick("application/fhir+json", "application/json", "text/csv"), body));
        if (count("cf_screening") != screenings) {
            failures.add("the dry run stored a screening");
        }
    }

    private void review() throws Exception {
        ObjectNode decision = JsonNodeFactory.instance.objectNode();
        decision.put("decision", pick("APPROVE", "REQUEST_CHANGES", "WRITE_MANUALLY", "approve", "", "DELETE"));
        if (random.nextBoolean()) {
            decision.put("text", text());
        }
        if (random.nextBoolean()) {
            decision.put("note", text());
        }
        String body = random.nextInt(4) == 0 ? mutate(decision) : decision.toString();
        String id = pick(reviewScreening, reviewScreening, "no-such-screening", "../../engine-rest", "%2e%2e", "x".repeat(300));
        long reviews = count("cf_review");
        HttpResponse<String> response = check("POST /api/screenings/{id}/review", () -> http.post(
                pick("physicianGangnam", "physicianBusan", "nurseGangnam"),
                "/api/screenings/" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "/review",
                pick("application/json", "application/json", "text/plain"), body));
        if (response != null && response.statusCode() >= 400 && count("cf_review") != reviews) {
            failures.add("review rejected with " + response.statusCode() + " but recorded: " + abbreviate(body));
        }
    }

    private void analytics() throws Exception {
        String path = pick("/api/analytics/cycle-times", "/api/analytics/dashboard", "/api/analytics/activity-durations",
                "/api/analytics/" + pick("outcomes", "backlog", "nope", "..", "%00") + ".csv");
        StringBuilder query = new StringBuilder("?");
        if (random.nextBoolean()) {
            query.append("from=").append(URLEncoder.encode(pick(DATES), StandardCharsets.UTF_8)).append('&');
        }
        if (random.nextBoolean()) {
            query.append("to=").append(URLEncoder.encode(pick(DATES), StandardCharsets.UTF_8)).append('&');
        }
        if (random.nextInt(3) == 0) {
            query.append("center=").append(URLEncoder.encode(pick("gangnam", "", "nowhere", "x".repeat(500)),
                    StandardCharsets.UTF_8));
        }
        check("GET " + path, () -> http.get(pick("manager", "manager", "admin", "nurseGangnam"), path + query));
    }

    private interface Call {
        HttpResponse<String> send() throws Exception;
    }

    private HttpResponse<String> check(String what, Call call) throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> response = call.send();
        long took = System.nanoTime() - started;
        int status = response.statusCode();
        statuses.merge(what + " " + status, 1, Integer::sum);
        if (status >= 500) {
            failures.add(what + " answered " + status + ": " + abbreviate(response.body()));
        }
        if (status >= 400 && !response.headers().firstValue("Content-Type").orElse("")
                .startsWith("application/problem+json")) {
            failures.add(what + " answered " + status + " without a problem document: " + abbreviate(response.body()));
        }
        if (took >= SLOW_NANOS) {
            failures.add(what + " took " + took / 1_000_000 + " ms (" + status + ")");
        }
        if (took >= SLOW_NANOS / 2) {
            slowest.add(what + " " + took / 1_000_000 + " ms");
        }
        return response;
    }

    /** One to three random mutations of the document; sometimes the JSON text itself is cut or spoilt. */
    private String mutate(ObjectNode document) {
        List<JsonNode> containers = new ArrayList<>();
        collect(document, containers);
        int mutations = 1 + random.nextInt(3);
        for (int i = 0; i < mutations; i++) {
            JsonNode container = containers.get(random.nextInt(containers.size()));
            if (container instanceof ObjectNode object && object.size() > 0) {
                List<String> names = new ArrayList<>();
                object.fieldNames().forEachRemaining(names::add);
                String name = names.get(random.nextInt(names.size()));
                mutateField(object, name);
            } else if (container instanceof ArrayNode array && array.size() > 0) {
                int index = random.nextInt(array.size());
                switch (random.nextInt(3)) {
                    case 0 -> array.remove(index);
                    case 1 -> array.set(index, JsonNodeFactory.instance.nullNode());
                    default -> array.add(array.get(index).deepCopy());
                }
            }
        }
        String text = document.toString();
        return switch (random.nextInt(12)) {
            case 0 -> text.substring(0, random.nextInt(text.length()));
            case 1 -> text.replaceFirst("\"value\":\\s*[-0-9.eE+]+", "\"value\":" + pick(NUMBERS));
            case 2 -> text.replace("\"resourceType\":\"Patient\"", "\"resourceType\":" + pick("\"\"", "null", "\"Patien\"", "7"));
            case 3 -> new String(randomBytes(), StandardCharsets.ISO_8859_1);
            default -> text;
        };
    }

    private void mutateField(ObjectNode object, String name) {
        JsonNode value = object.get(name);
        switch (random.nextInt(9)) {
            case 0 -> object.remove(name);
            case 1 -> object.putNull(name);
            case 2 -> object.put(name, text());
            case 3 -> object.set(name, JsonNodeFactory.instance.arrayNode());
            case 4 -> object.set(name, JsonNodeFactory.instance.objectNode());
            case 5 -> object.put(name, random.nextInt());
            case 6 -> object.set(name, number());
            case 7 -> object.put(name, value != null && value.isTextual() ? value.asText().repeat(40) : "");
            default -> object.put(name, "");
        }
    }

    private JsonNode number() {
        try {
            return json.readTree(pick(NUMBERS));
        } catch (Exception notJson) {
            return JsonNodeFactory.instance.textNode(pick(NUMBERS));
        }
    }

    private static void collect(JsonNode node, List<JsonNode> containers) {
        if (node.isContainerNode()) {
            containers.add(node);
            Iterator<JsonNode> children = node.elements();
            children.forEachRemaining(child -> collect(child, containers));
        }
    }

    /** Short, boundary-long and very long texts, Korean and control characters included. */
    private String text() {
        int length = switch (random.nextInt(8)) {
            case 0 -> 0;
            case 1 -> 32 + random.nextInt(3) - 1;
            case 2 -> 128 + random.nextInt(3) - 1;
            case 3 -> 255 + random.nextInt(3) - 1;
            case 4 -> 4000 + random.nextInt(3) - 1;
            case 5 -> 2000 + random.nextInt(3);
            case 6 -> 20_001;
            default -> random.nextInt(64);
        };
        String alphabet = "가나다라마바사abcXYZ019 .,-\"\\\n\t\u0000\u202e😀";
        StringBuilder text = new StringBuilder(length);
        while (text.length() < length) {
            text.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0,
                    random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
        }
        return text.toString();
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[random.nextInt(2000)];
        random.nextBytes(bytes);
        return bytes;
    }

    @SafeVarargs
    private <T> T pick(T... options) {
        return options[random.nextInt(options.length)];
    }

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
