package com.checkupflow.security;

import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.checkupflow.CheckupFlowHttpTest;
import com.checkupflow.IdentifiedScreenings;
import com.checkupflow.TestHttp;
import com.fasterxml.jackson.databind.ObjectMapper;

import ca.uhn.fhir.context.FhirContext;

/** Personal-data responses are never cached and carry the usual security headers. */
@CheckupFlowHttpTest
class SecurityHeadersHttpTest {

    @LocalServerPort
    int port;
    @Autowired
    FhirContext fhir;
    @Autowired
    ObjectMapper json;
    @Autowired
    TaskService taskService;

    @Test
    void shouldForbidCachingAndFramingWhenPersonalDataOrADocumentIsAnswered() throws Exception {
        TestHttp http = new TestHttp(port);
        String id = IdentifiedScreenings.postAndDeliver(http, json, taskService, IdentifiedScreenings.bundle(fhir,
                "headers", new IdentifiedScreenings.Identifiers("독고하늘", "850101-1234568", "010-1111-2222",
                        "haneul.dokgo@example.org", "을지로 5")));

        for (String path : new String[] {"/api/screenings/" + id, "/api/screenings/" + id + "/report.html",
                "/api/screenings/" + id + "/report.pdf", "/api/screenings/" + id + "/fhir", "/api/screenings/nope"}) {
            HttpResponse<byte[]> r = http.getBytes("physicianGangnam", path);
            HttpHeaders h = r.headers();
            Assertions.assertThat(h.firstValue("Cache-Control")).as(path).hasValueSatisfying(v ->
                    Assertions.assertThat(v).contains("no-store"));
            Assertions.assertThat(h.firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            Assertions.assertThat(h.firstValue("X-Frame-Options")).as(path).hasValue("DENY");
            Assertions.assertThat(h.firstValue("Referrer-Policy")).as(path).hasValue("no-referrer");
            Assertions.assertThat(h.firstValue("Content-Security-Policy")).as(path).hasValueSatisfying(v ->
                    Assertions.assertThat(v).contains("default-src 'none'", "frame-ancestors 'none'"));
        }
        Assertions.assertThat(http.get(null, "/camunda/app/tasklist/").headers().firstValue("Referrer-Policy"))
                .hasValue("same-origin");
    }
}
