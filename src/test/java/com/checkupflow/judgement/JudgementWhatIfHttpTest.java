package com.checkupflow.judgement;

import static com.checkupflow.judgement.WhatIfRequests.CONTENT_TYPE;
import static com.checkupflow.judgement.WhatIfRequests.multipart;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.checkupflow.CheckupFlowHttpTest;
import com.checkupflow.TestHttp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The what-if dry run over HTTP: an edited DMN judges a posted Bundle; nothing is stored, deployed or historized. */
@CheckupFlowHttpTest
class JudgementWhatIfHttpTest {

    /** Our rows and the engine's: definitions, deployments, decision history, and every stored screening. */
    private static final List<String> COUNTED = List.of("cf_screening", "ACT_RE_DEPLOYMENT", "ACT_RE_DECISION_DEF",
            "ACT_GE_BYTEARRAY", "ACT_HI_DECINST", "cf_access_log");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectMapper json;

    TestHttp http;

    @BeforeEach
    void http() {
        http = new TestHttp(port);
    }

    private List<Long> counts() {
        return COUNTED.stream().map(t -> jdbc.sql("SELECT COUNT(*) FROM " + t).query(Long.class).single()).toList();
    }

    private HttpResponse<String> whatIf(String user, byte[] body) throws Exception {
        return http.postBytes(user, "/api/judgements", CONTENT_TYPE, body);
    }

    private String glucoseUnit(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode judgement = json.readTree(response.body());
        return judgement.get("judgements").get("fasting_glucose").get("category").asText();
    }

    @Test
    void shouldJudgeWithTheEditedCutOffAndStoreNothingWhenAnEditedDmnIsPosted() throws Exception {
        String bundle = WhatIfRequests.bundleWithGlucose("WHATIF-130", 130);
        List<Long> before = counts();

        String edited = glucoseUnit(whatIf("designer", multipart("bundle", bundle, "dmn", WhatIfRequests.glucoseAt135())));
        String deployed = glucoseUnit(http.post("designer", "/api/judgements", "application/fhir+json", bundle));
        String physician = glucoseUnit(whatIf("physicianGangnam",
                multipart("bundle", bundle, "dmn", WhatIfRequests.glucoseAt135())));

        assertThat(edited).isEqualTo("NORMAL_B");
        assertThat(physician).isEqualTo("NORMAL_B");
        assertThat(deployed).as("the deployed rules are untouched").isEqualTo("DISEASE_SUSPECT");
        assertThat(counts()).as(String.join(", ", COUNTED)).isEqualTo(before);
    }

    @Test
    void shouldAnswerAProblemAndStoreNothingWhenTheEditedDmnIsBad() throws Exception {
        String bundle = WhatIfRequests.bundleWithGlucose("WHATIF-BAD", 130);
        String shipped = WhatIfRequests.shippedDmn();
        List<Long> before = counts();

        assertProblem(whatIf("designer", multipart("bundle", bundle, "dmn", "this is no XML")), 422, "dmn_unparsable");
        assertProblem(whatIf("designer", multipart("bundle", bundle, "dmn",
                shipped.replace("id=\"chest_xray\"", "id=\"chest_xray_v2\""))), 422, "dmn_decision_missing");
        assertProblem(whatIf("designer", multipart("bundle", bundle, "dmn",
                shipped.replace("href=\"#chest_xray\"", "href=\"#no_such_decision\""))), 422, "dmn_invalid");
        assertProblem(whatIf("designer", multipart("bundle", bundle, "dmn",
                shipped.replace("<text>&lt; 100</text>", "<text>not(100)</text>"))), 422, "dmn_band_unreadable");
        assertProblem(whatIf("designer", multipart("bundle", bundle, "dmn",
                shipped.replace("</definitions>", "<!--" + "x".repeat(CamundaJudgingRules.MAX_DMN_BYTES) + "--></definitions>"))),
                413, null);
        assertProblem(whatIf("designer", multipart("bundle", bundle, null, null)), 400, null);
        assertProblem(whatIf("designer", multipart("bundle", "{\"resourceType\":\"Patient\"}", "dmn", shipped)), 400, null);
        assertProblem(whatIf("nurseGangnam", multipart("bundle", bundle, "dmn", shipped)), 403, "forbidden_role");
        assertProblem(whatIf("designer", ("--" + WhatIfRequests.BOUNDARY + "\r\nContent-Disposition: form-data; name=\"bundle\"\r\n\r\n{")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)), 400, null);
        String large = "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"id\":\"" + "x".repeat(1_500_000) + "\"}";
        HttpResponse<String> largeButAllowed = whatIf("designer", multipart("bundle", large, "dmn", shipped));
        assertThat(largeButAllowed.statusCode()).as("a 1.5 MB Bundle is under max-bundle-size: judged, not refused by the"
                + " container").isEqualTo(400);
        assertThat(largeButAllowed.body()).doesNotContain("body_too_large");

        assertThat(counts()).as(String.join(", ", COUNTED)).isEqualTo(before);
    }

    private void assertProblem(HttpResponse<String> response, int status, String code) throws Exception {
        WhatIfRequests.assertProblem(json, response, status, code);
    }
}
