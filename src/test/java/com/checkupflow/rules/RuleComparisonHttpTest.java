package com.checkupflow.rules;

import static com.checkupflow.judgement.WhatIfRequests.CONTENT_TYPE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.checkupflow.CheckupFlowHttpTest;
import com.checkupflow.TestHttp;
import com.checkupflow.intake.IntakeService;
import com.checkupflow.judgement.WhatIfRequests;
import com.checkupflow.screening.ScreeningRepository;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The demo over HTTP: fasting glucose 질환의심 moved from 126 to 135 in an edited DMN; the comparison over the
 * last stored Gangnam screenings reports the one judgement it would change, de-identified, and nothing live changes.
 */
@CheckupFlowHttpTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RuleComparisonHttpTest {

    @LocalServerPort
    int port;
    @Autowired
    IntakeService intake;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectMapper json;
    @Autowired
    RepositoryService repository;
    @Autowired
    ScreeningRepository screenings;

    TestHttp http;
    /** Newest first, as the comparison numbers them: 140 (stays 질환의심), 130 (would become 정상B), 92 (stays 정상A). */
    List<String> stored;

    @BeforeAll
    void screenings() {
        http = new TestHttp(port);
        String normal = receive("COMPARE-92", 92);
        String changes = receive("COMPARE-130", 130);
        String stays = receive("COMPARE-140", 140);
        stored = List.of(stays, changes, normal);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> stored.stream()
                .allMatch(id -> screenings.judgementJson(id).isPresent()));
    }

    private String receive(String identifier, int glucose) {
        String id = intake.receive("gangnam", null, WhatIfRequests.bundleWithGlucose(identifier, glucose)
                .getBytes(StandardCharsets.UTF_8)).id();
        // received_at orders the comparison: the next screening comes once the clock has passed this one's millisecond
        long receivedBy = System.currentTimeMillis();
        await().pollInterval(Duration.ofMillis(1)).until(() -> System.currentTimeMillis() > receivedBy);
        return id;
    }

    private HttpResponse<String> compare(String user, String query, String dmn) throws Exception {
        return http.postBytes(user, "/api/judgements/compare" + query, CONTENT_TYPE,
                WhatIfRequests.multipart("dmn", dmn, null, null));
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    private String storedGlucose(String id) throws Exception {
        String judgement = screenings.judgementJson(id).orElseThrow();
        return json.readTree(judgement).get("judgements").get("fasting_glucose").get("category").asText();
    }

    @Test
    void shouldReportTheChangedJudgementWithoutChangingAnyLiveOneWhenTheGlucoseCutOffMoves() throws Exception {
        long deployments = repository.createDeploymentQuery().count();
        String logged = "SELECT COUNT(*) FROM cf_access_log WHERE action = 'JUDGEMENT_COMPARE' AND user_id = ? "
                + "AND resource LIKE ? AND http_status = 200";
        Object[] row = {"physicianGangnam", "POST /api/judgements/compare?center=gangnam%"};
        long compares = count(logged, row);
        String storedBefore = storedGlucose(stored.get(1));

        HttpResponse<String> response = compare("physicianGangnam", "?center=gangnam&limit=3",
                WhatIfRequests.glucoseAt135());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode answer = json.readTree(response.body());
        assertThat(answer.get("screenings").asInt()).isEqualTo(3);
        assertThat(answer.get("changedScreenings").asInt()).isEqualTo(1);
        assertThat(json.convertValue(answer.get("byUnit"), Map.class)).isEqualTo(Map.of("fasting_glucose", 1));
        JsonNode transition = answer.get("transitions").get(0);
        assertThat(transition.get("label").asText()).isEqualTo("질환의심→정상B(경계)");
        assertThat(transition.get("count").asInt()).isEqualTo(1);
        JsonNode example = answer.get("examples").get(0);
        assertThat(example.get("screening").asInt()).as("an ordinal, newest first").isEqualTo(2);
        assertThat(example.get("item").asText()).isEqualTo("fasting_glucose");
        assertThat(example.get("value").asInt()).isEqualTo(130);
        assertThat(example.get("from").asText()).isEqualTo("DISEASE_SUSPECT");
        assertThat(example.get("to").asText()).isEqualTo("NORMAL_B");
        assertThat(answer.get("deployedDecisionDefinitionId").asText()).startsWith("screening_judgement:");
        assertThat(response.body()).as("de-identified").doesNotContain(stored.get(0), stored.get(1), stored.get(2),
                "준호", "COMPARE-", "820315", "1982-03-15");

        assertThat(storedGlucose(stored.get(1))).isEqualTo(storedBefore).isEqualTo("DISEASE_SUSPECT");
        assertThat(repository.createDeploymentQuery().count()).as("nothing deployed").isEqualTo(deployments);
        assertThat(count(logged, row)).as("the read is logged").isEqualTo(compares + 1);
    }

    @Test
    void shouldCompareOverAnyCenterWhenTheDesignerWhoEditsTheRulesAsks() throws Exception {
        String logged = "SELECT COUNT(*) FROM cf_access_log WHERE action = 'JUDGEMENT_COMPARE' AND user_id = ? "
                + "AND resource LIKE ? AND http_status = 200";
        Object[] row = {"designer", "POST /api/judgements/compare?center=busan%"};
        long compares = count(logged, row);

        HttpResponse<String> response = compare("designer", "?center=gangnam&limit=3", WhatIfRequests.glucoseAt135());
        HttpResponse<String> otherCenter = compare("designer", "?center=busan&limit=3", WhatIfRequests.glucoseAt135());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json.readTree(response.body()).get("changedScreenings").asInt()).isEqualTo(1);
        assertThat(otherCenter.statusCode()).as(otherCenter.body()).isEqualTo(200);
        assertThat(response.body() + otherCenter.body()).as("de-identified: ordinals, no screening ids")
                .doesNotContain(stored.get(0)).doesNotContain(stored.get(1));
        assertThat(count(logged, row)).as("the designer's read is logged").isEqualTo(compares + 1);
    }

    @Test
    void shouldRecordTheDeployedVersionThatJudgedWhenAScreeningIsJudged() {
        String latest = repository.createDecisionDefinitionQuery().decisionDefinitionKey("screening_judgement")
                .withoutTenantId().latestVersion().singleResult().getId();

        for (String id : stored) {
            assertThat(jdbc.sql("SELECT judged_by_decision FROM cf_screening WHERE id = ?").param(id)
                    .query(String.class).single()).isEqualTo(latest);
        }
    }

    @Test
    void shouldRefuseWhenTheCenterIsNotTheCallersOrTheRequestIsBad() throws Exception {
        String dmn = WhatIfRequests.glucoseAt135();

        assertProblem(compare("physicianBusan", "?center=gangnam&limit=3", dmn), 403, "other_center");
        assertProblem(compare("designer", "?center=atlantis&limit=3", dmn), 400, "unknown_center");
        assertProblem(compare("nurseGangnam", "?center=gangnam&limit=3", dmn), 403, "forbidden_role");
        assertProblem(compare("physicianGangnam", "?center=gangnam&limit=0", dmn), 400, "bad_parameter");
        assertProblem(compare("physicianGangnam", "?center=gangnam&limit=501", dmn), 400, "bad_parameter");
        assertProblem(compare("physicianGangnam", "?center=atlantis&limit=3", dmn), 403, "other_center");
        assertProblem(compare("physicianGangnam", "?center=gangnam&limit=3", "<definitions/>"), 422, null);
        assertProblem(http.postBytes("physicianGangnam", "/api/judgements/compare?limit=3", CONTENT_TYPE,
                WhatIfRequests.multipart("dmn", dmn, null, null)), 400, null);
    }

    private void assertProblem(HttpResponse<String> response, int status, String code) throws Exception {
        WhatIfRequests.assertProblem(json, response, status, code);
    }
}
