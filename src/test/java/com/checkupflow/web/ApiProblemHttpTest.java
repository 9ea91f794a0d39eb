package com.checkupflow.web;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.checkupflow.CheckupFlowHttpTest;
import com.checkupflow.RawHttp;
import com.checkupflow.TestHttp;
import com.checkupflow.demo.SyntheticScreenings;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ca.uhn.fhir.context.FhirContext;

/** Hostile requests one by one: each answers a 4xx problem document naming what is wrong, and stores nothing. */
@CheckupFlowHttpTest
class ApiProblemHttpTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectMapper json;
    @Autowired
    FhirContext fhir;

    private TestHttp http;

    @BeforeEach
    void client() {
        http = new TestHttp(port);
    }

    private long screenings() {
        return jdbc.sql("SELECT COUNT(*) FROM cf_screening").query(Long.class).single();
    }

    private ObjectNode bundle(String identifier) throws Exception {
        return (ObjectNode) json.readTree(new SyntheticScreenings(fhir)
                .bundleJson(identifier, SyntheticScreenings.Profile.HEALTHY, 3));
    }

    private JsonNode rejected(HttpResponse<String> response, int status) throws Exception {
        Assertions.assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        Assertions.assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> Assertions.assertThat(ct).startsWith("application/problem+json"));
        return json.readTree(response.body());
    }

    private HttpResponse<String> intake(String body) throws Exception {
        return http.post("integration", "/api/screenings?center=gangnam", "application/fhir+json", body);
    }

    @Test
    void shouldNameTheFieldWhenAValueIsLongerThanItsColumn() throws Exception {
        ObjectNode bundle = bundle("too-long-1");
        ((ObjectNode) bundle.get("identifier")).put("value", "x".repeat(256));
        ObjectNode patient = (ObjectNode) bundle.get("entry").get(0).get("resource");
        patient.putArray("name").addObject().put("text", "김".repeat(201));
        ObjectNode observation = (ObjectNode) bundle.get("entry").get(1).get("resource");
        observation.put("id", "o".repeat(129));
        ((ObjectNode) observation.get("valueQuantity")).put("unit", "u".repeat(33)).put("code", "u".repeat(33));
        long before = screenings();

        long started = System.nanoTime();
        JsonNode problem = rejected(intake(bundle.toString()), 400);

        Assertions.assertThat(System.nanoTime() - started).isLessThan(2_000_000_000L);
        Assertions.assertThat(problem.get("problems").findValuesAsText("code")).containsOnly("field_too_long");
        // Korean by default, with the field and its limit: the sentence alone would not say what to fix
        Assertions.assertThat(problem.get("problems").findValuesAsText("detail")).anySatisfy(d -> Assertions
                        .assertThat(d).isEqualTo("값이 허용된 길이보다 깁니다 (Bundle.identifier.value, 최대 255자)"))
                .anySatisfy(d -> Assertions.assertThat(d).isEqualTo("값이 허용된 길이보다 깁니다 (Patient.name, 최대 200자)"))
                .anySatisfy(d -> Assertions.assertThat(d).endsWith(" id, 최대 128자)"))
                .anySatisfy(d -> Assertions.assertThat(d).endsWith(" unit, 최대 32자)"))
                .noneSatisfy(d -> Assertions.assertThat(d).contains("김김"));
        Assertions.assertThat(screenings()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e999999999", "1e999999", "1e100"})
    void shouldRejectQuicklyWhenAMeasurementIsAnUnboundedNumber(String number) throws Exception {
        String body = bundle("huge-" + number).toString().replaceFirst("\"value\"\\s*:\\s*[0-9.]+", "\"value\":" + number);
        long before = screenings();

        long started = System.nanoTime();
        JsonNode problem = rejected(intake(body), 400);

        Assertions.assertThat(System.nanoTime() - started).isLessThan(2_000_000_000L);
        Assertions.assertThat(problem.get("problems").get(0).get("code").asText()).isEqualTo("number_out_of_range");
        Assertions.assertThat(problem.get("problems").get(0).get("detail").asText())
                .startsWith("허용 범위를 벗어난 수치가 있습니다 (위치 Bundle.entry[").contains("].resource.valueQuantity.value; 허용: 유효 숫자")
                .doesNotContain(number);
        Assertions.assertThat(screenings()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "{\"resourceType\":\"\"}"})
    void shouldRejectWhenHapiCannotReadAnEntry(String resource) throws Exception {
        ObjectNode bundle = bundle("hapi-" + resource.length());
        ((ObjectNode) bundle.get("entry").get(0)).set("resource", json.readTree(resource));

        Assertions.assertThat(rejected(intake(bundle.toString()), 400).get("problems").findValuesAsText("code"))
                .isNotEmpty();
        Assertions.assertThat(rejected(http.post("designer", "/api/judgements", "application/fhir+json",
                bundle.toString()), 400).get("status").asInt()).isEqualTo(400);
    }

    @Test
    void shouldRejectAnalyticsDatesBeforeAnyArithmetic() throws Exception {
        JsonNode problem = rejected(http.get("manager", "/api/analytics/cycle-times?to=-999999999-01-01"), 400);
        Assertions.assertThat(problem.get("problems").get(0).get("code").asText()).isEqualTo("date_out_of_range");
        rejected(http.get("manager", "/api/analytics/dashboard?from=+999999999-12-31"), 400);
        rejected(http.get("manager", "/api/analytics/cycle-times?from=not-a-date"), 400);
    }

    @Test
    void shouldAnswerProblemDocumentsWhenNoControllerMatches() throws Exception {
        Assertions.assertThat(rejected(http.get("physicianGangnam", "/api/screenings/x/no/such/thing"), 404)
                .get("problems").get(0).get("code").asText()).isEqualTo("not_found");
        // A path no controller answers is 404 for any authenticated user, 401 without credentials.
        Assertions.assertThat(rejected(http.get("admin", "/api/no-such-thing"), 404).get("problems").get(0)
                .get("code").asText()).isEqualTo("not_found");
        rejected(http.get("integration", "/api/no-such-thing"), 404);
        rejected(http.get(null, "/api/no-such-thing"), 401);
        rejected(http.post("integration", "/api/screenings?center=gangnam", "text/plain", "hello"), 415);
        rejected(http.get("physicianGangnam", "/api/screenings/x/review"), 405);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/screenings/%2e%2e/x", "/api/screenings;jsessionid=1", "//api/screenings",
            "/api/screenings/%2e/x", "/api/analytics/cycle-times%0a", "/api/screenings/a%00b"})
    void shouldAnswerProblemDocumentsWhenTheFirewallRejectsThePath(String path) throws Exception {
        RawHttp.Answer answer = RawHttp.send(port, "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                + RawHttp.basic("admin") + "Connection: close\r\n\r\n", null);

        Assertions.assertThat(answer.status()).as(answer.headers()).isBetween(400, 499);
        Assertions.assertThat(answer.contentType()).as(answer.headers()).startsWith("application/problem+json");
        Assertions.assertThat(json.readTree(answer.body()).get("status").asInt()).isEqualTo(answer.status());
    }

    @Test
    void shouldAnswerProblemDocumentWhenTheBodyIsShorterThanItsLength() throws Exception {
        long before = screenings();
        byte[] part = bundle("short-1").toString().substring(0, 200).getBytes(StandardCharsets.UTF_8);

        RawHttp.Answer intake = RawHttp.send(port, "POST /api/screenings?center=gangnam HTTP/1.1\r\nHost: localhost\r\n"
                + RawHttp.basic("integration") + "Content-Type: application/fhir+json\r\nContent-Length: 5000\r\n"
                + "Connection: close\r\n\r\n", part);
        RawHttp.Answer review = RawHttp.send(port, "POST /api/screenings/x/review HTTP/1.1\r\nHost: localhost\r\n"
                + RawHttp.basic("physicianGangnam") + "Content-Type: application/json\r\nContent-Length: 500\r\n"
                + "Connection: close\r\n\r\n", "{\"decision\":\"APP".getBytes(StandardCharsets.UTF_8));

        for (RawHttp.Answer answer : new RawHttp.Answer[] {intake, review}) {
            Assertions.assertThat(answer.status()).as(answer.headers() + answer.body()).isBetween(400, 499);
            Assertions.assertThat(answer.contentType()).startsWith("application/problem+json");
        }
        Assertions.assertThat(screenings()).isEqualTo(before);
    }
}
