package com.checkupflow.analytics;

import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.checkupflow.CheckupFlowHttpTest;
import com.checkupflow.ReviewTasks;
import com.checkupflow.TestHttp;
import com.checkupflow.WebappSession;
import com.checkupflow.demo.SyntheticScreenings;
import com.checkupflow.intake.IntakeService;
import com.checkupflow.process.ScreeningReportProcess.Activities;
import com.checkupflow.screening.ScreeningRepository;
import com.checkupflow.screening.Stage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ca.uhn.fhir.context.FhirContext;

/**
 * The Cockpit heatmap's figures from the Cockpit plugin resource, on a Camunda webapp session (no HTTP basic), after
 * one screening ran through the real workflow to delivery.
 */
@CheckupFlowHttpTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CockpitHeatmapHttpTest {

    static final String FIGURES = "/camunda/api/cockpit/plugin/checkupflow-heatmap/default/activity-durations";
    static final String CENTER = "yeouido";

    @LocalServerPort
    int port;
    @Autowired
    IntakeService intake;
    @Autowired
    TaskService taskService;
    @Autowired
    ScreeningRepository screenings;
    @Autowired
    FhirContext fhir;
    @Autowired
    ObjectMapper json;

    @BeforeAll
    void oneScreeningDelivered() {
        String bundle = new SyntheticScreenings(fhir).bundleJson("heatmap-1", SyntheticScreenings.Profile.SUSPECT, 31);
        // Yeouido: no other test of the shared context delivers a screening there, so the figures count this one alone
        String id = intake.receive(CENTER, null, bundle.getBytes(StandardCharsets.UTF_8)).id();
        Task review = ReviewTasks.awaitReview(taskService, id);
        ReviewTasks.approveAsDrafted(taskService, review, "physicianYeouido");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> screenings.find(id).orElseThrow().stage(), Stage.DELIVERED::equals);
    }

    @Test
    void shouldServeFiguresOfTheReportPathWhenManagerAsksOnCockpitSession() throws Exception {
        HttpResponse<String> r = WebappSession.logIn(port, "manager", "cockpit")
                .get(FIGURES + "?processDefinitionKey=screening-report&center=" + CENTER);

        Assertions.assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode table = json.readTree(r.body());
        Assertions.assertThat(table.get("columns").toString())
                .isEqualTo("[\"activityId\",\"count\",\"avgMinutes\",\"p90Minutes\"]");
        Map<String, JsonNode> rows = new HashMap<>();
        table.get("rows").forEach(row -> rows.put(row.get(0).asText(), row));
        Assertions.assertThat(rows).containsKeys(Activities.JUDGE_RESULTS, Activities.DRAFT_SUMMARY,
                Activities.CHECK_DRAFT, Activities.REVIEW_REPORT, Activities.ISSUE_REPORT, Activities.DELIVER_REPORT);
        JsonNode review = rows.get(Activities.REVIEW_REPORT);
        Assertions.assertThat(review.get(1).asLong()).isEqualTo(1);
        Assertions.assertThat(review.get(2).isNumber()).isTrue();
        Assertions.assertThat(review.get(3).isNumber()).isTrue();
    }

    @Test
    void shouldServeFiguresWhenAdministratorAsksOnCockpitSession() throws Exception {
        HttpResponse<String> r = WebappSession.logIn(port, "admin", "cockpit").get(FIGURES);

        Assertions.assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        Assertions.assertThat(json.readTree(r.body()).get("rows").size()).isPositive();
    }

    @Test
    void shouldAnswerNoRowsWhenDiagramIsAnotherProcess() throws Exception {
        HttpResponse<String> r = WebappSession.logIn(port, "manager", "cockpit")
                .get(FIGURES + "?processDefinitionKey=referral-letter");

        Assertions.assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        Assertions.assertThat(json.readTree(r.body()).get("rows").size()).isZero();
    }

    @Test
    void shouldAnswer400WithMessageWhenRangeIsBackwards() throws Exception {
        WebappSession manager = WebappSession.logIn(port, "manager", "cockpit");

        HttpResponse<String> backwards = manager.get(FIGURES + "?from=2026-03-10&to=2026-03-01");
        Assertions.assertThat(backwards.statusCode()).isEqualTo(400);
        Assertions.assertThat(json.readTree(backwards.body()).get("message").asText())
                .isEqualTo("'from' (2026-03-10) is after 'to' (2026-03-01)");
        HttpResponse<String> notDates = manager.get(FIGURES + "?from=yesterday&to=2026-02-30&center=mars");
        Assertions.assertThat(notDates.statusCode()).isEqualTo(400);
        Assertions.assertThat(json.readTree(notDates.body()).get("message").asText())
                .contains("'from' must be an ISO date").contains("'to' must be an ISO date");
        Assertions.assertThat(manager.get(FIGURES + "?center=mars").body()).contains("Unknown center");
    }

    @Test
    void shouldAnswer403WhenNurseAsksOnTasklistSession() throws Exception {
        HttpResponse<String> r = WebappSession.logIn(port, "nurseGangnam", "tasklist").get(FIGURES);

        Assertions.assertThat(r.statusCode()).isEqualTo(403);
        Assertions.assertThat(json.readTree(r.body()).get("message").asText())
                .isEqualTo("The heatmap's figures are for managers and administrators");
    }

    @Test
    void shouldAnswer403WhenDesignerAsksOnCockpitSession() throws Exception {
        HttpResponse<String> r = WebappSession.logIn(port, "designer", "cockpit").get(FIGURES);

        Assertions.assertThat(r.statusCode()).isEqualTo(403);
        Assertions.assertThat(r.body()).doesNotContain("Activity_");
    }

    @Test
    void shouldRefuseWhenAnonymousOrHttpBasic() throws Exception {
        Assertions.assertThat(WebappSession.anonymous(port).get(FIGURES).statusCode()).isEqualTo(401);
        // The webapps know no HTTP basic: API clients keep /api/analytics/activity-durations.
        Assertions.assertThat(new TestHttp(port).get("manager", FIGURES).statusCode()).isEqualTo(401);
        Assertions.assertThat(new TestHttp(port).get("manager", "/api/analytics/activity-durations").statusCode())
                .isEqualTo(200);
    }
}
