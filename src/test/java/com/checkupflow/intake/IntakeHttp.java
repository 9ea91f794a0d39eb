package com.checkupflow.intake;

import java.net.http.HttpResponse;

import org.assertj.core.api.Assertions;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.checkupflow.TestHttp;
import com.checkupflow.demo.SyntheticScreenings;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ca.uhn.fhir.context.FhirContext;

/** What the intake HTTP tests share: a healthy synthetic Bundle, posting it as {@code integration}, the answers. */
final class IntakeHttp {

    static final String FHIR_JSON = "application/fhir+json";

    private final TestHttp http;
    private final ObjectMapper json;
    private final FhirContext fhir;
    private final JdbcClient jdbc;

    IntakeHttp(int port, ObjectMapper json, FhirContext fhir, JdbcClient jdbc) {
        this.http = new TestHttp(port);
        this.json = json;
        this.fhir = fhir;
        this.jdbc = jdbc;
    }

    TestHttp http() {
        return http;
    }

    /** A healthy screening (entry 0 the Patient, then its Observations) under the given Bundle.identifier value. */
    ObjectNode bundle(String identifier) throws Exception {
        return (ObjectNode) json.readTree(new SyntheticScreenings(fhir)
                .bundleJson(identifier, SyntheticScreenings.Profile.HEALTHY, 3));
    }

    HttpResponse<String> intake(String center, String body) throws Exception {
        return http.post("integration", "/api/screenings?center=" + center, FHIR_JSON, body);
    }

    HttpResponse<String> intakeInEnglish(String center, String body) throws Exception {
        return http.post("integration", "/api/screenings?center=" + center, FHIR_JSON, body, "en");
    }

    long screenings() {
        return jdbc.sql("SELECT COUNT(*) FROM cf_screening").query(Long.class).single();
    }

    /** The problem document of a refusal with this status. */
    JsonNode problem(HttpResponse<String> response, int status) throws Exception {
        Assertions.assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        Assertions.assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> Assertions.assertThat(ct).startsWith("application/problem+json"));
        return json.readTree(response.body());
    }
}
