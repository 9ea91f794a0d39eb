package com.checkupflow.review;

import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.checkupflow.CheckupFlowHttpTest;
import com.checkupflow.ReviewTasks;
import com.checkupflow.TestHttp;
import com.checkupflow.demo.SyntheticScreenings;
import com.checkupflow.intake.IntakeService;
import com.checkupflow.process.ScreeningReportProcess.Activities;
import com.checkupflow.process.ScreeningReportProcess.Events;
import com.checkupflow.process.ScreeningReportProcess.Vars;
import com.checkupflow.screening.ScreeningRepository;
import com.checkupflow.screening.Stage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ca.uhn.fhir.context.FhirContext;

/**
 * The text a physician signs over {@code POST /api/screenings/{id}/review} goes through the draft check: a text that
 * leaves out the abnormal findings or is a placeholder answers 422 naming the findings and nothing is recorded,
 * unless the physician signs anyway with a reason, which the audit keeps; so does signing while the patient has not
 * been reached about a critical result.
 */
@CheckupFlowHttpTest
class SignedTextCheckHttpTest {

    @LocalServerPort
    int port;
    @Autowired
    FhirContext fhir;
    @Autowired
    IntakeService intake;
    @Autowired
    TaskService taskService;
    @Autowired
    ScreeningRepository screenings;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectMapper json;
    @Autowired
    ManagementService management;

    private TestHttp http;

    @BeforeEach
    void client() {
        http = new TestHttp(port);
    }

    @Test
    void shouldRefuseATextWithoutTheAbnormalFindingsWhenThePhysicianDoesNotSignAnyway() throws Exception {
        String id = receive("signed-check-1", SyntheticScreenings.Profile.SUSPECT, 31);
        Task review = ReviewTasks.awaitReview(taskService, id);

        HttpResponse<String> refused = review(id, Map.of("decision", "APPROVE", "text", "확인했습니다. 특별한 소견 없음."));

        Assertions.assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        Assertions.assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> Assertions.assertThat(ct).startsWith("application/problem+json"));
        Assertions.assertThat(codes(refused)).contains("missing_finding", "sign_anyway_required");
        Assertions.assertThat(taskService.createTaskQuery().taskId(review.getId()).count()).as("the review stays open").isOne();
        Assertions.assertThat(decisions(id)).as("nothing recorded").isZero();

        HttpResponse<String> noReason = review(id, Map.of("decision", "APPROVE", "text", "확인했습니다. 특별한 소견 없음.",
                Vars.SIGN_ANYWAY, true));
        Assertions.assertThat(noReason.statusCode()).as(noReason.body()).isEqualTo(422);
        Assertions.assertThat(decisions(id)).isZero();
    }

    @Test
    void shouldIssueAndAuditTheReasonWhenThePhysicianSignsAFlaggedTextAnyway() throws Exception {
        String id = receive("signed-check-2", SyntheticScreenings.Profile.SUSPECT, 32);
        ReviewTasks.awaitReview(taskService, id);
        String text = "이상 소견은 외래에서 직접 설명하였습니다. 자세한 내용은 진료 기록을 참고하십시오.";

        HttpResponse<String> signed = review(id, Map.of("decision", "WRITE_MANUALLY", "text", text, Vars.SIGN_ANYWAY, true,
                "reason", "외래에서 결과를 직접 설명함"));

        Assertions.assertThat(signed.statusCode()).as(signed.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> screenings.find(id).orElseThrow().stage(), s -> s == Stage.ISSUED || s == Stage.DELIVERED);
        JsonNode audit = json.readTree(http.get("physicianGangnam", "/api/screenings/" + id).body()).get("review");
        Assertions.assertThat(audit.get("signedText").asText()).isEqualTo(text);
        Assertions.assertThat(audit.get("signedAnyway").asBoolean()).isTrue();
        Assertions.assertThat(audit.get(Vars.SIGN_ANYWAY_REASON).asText()).isEqualTo("외래에서 결과를 직접 설명함");
        Assertions.assertThat(audit.get("signedCheckFindings").findValuesAsText("type")).contains("MISSING_FINDING");
    }

    @Test
    void shouldStopAPlaceholderTextWhenTheScreeningIsHealthy() throws Exception {
        String id = receive("signed-check-3", SyntheticScreenings.Profile.HEALTHY, 33);
        ReviewTasks.awaitReview(taskService, id);

        for (String placeholder : List.of("확인", ".", "test", "lorem ipsum dolor sit amet")) {
            HttpResponse<String> refused = review(id, Map.of("decision", "WRITE_MANUALLY", "text", placeholder));
            Assertions.assertThat(refused.statusCode()).as(placeholder + ": " + refused.body()).isEqualTo(422);
            Assertions.assertThat(codes(refused)).as(placeholder).contains("placeholder");
        }
        Assertions.assertThat(decisions(id)).isZero();
    }

    @Test
    void shouldSignTheDraftAsItStandsWithAGreenCheckWhenItPassed() throws Exception {
        String id = receive("signed-check-4", SyntheticScreenings.Profile.SUSPECT, 34);
        ReviewTasks.awaitReview(taskService, id);

        HttpResponse<String> approved = review(id, Map.of("decision", "APPROVE"));

        Assertions.assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> screenings.find(id).orElseThrow().stage(), s -> s == Stage.ISSUED || s == Stage.DELIVERED);
        JsonNode audit = json.readTree(http.get("physicianGangnam", "/api/screenings/" + id).body()).get("review");
        Assertions.assertThat(audit.get("signedCheckFindings")).isEmpty();
        Assertions.assertThat(audit.get("signedAnyway").asBoolean()).isFalse();
        Assertions.assertThat(audit.get(Vars.SIGN_ANYWAY_REASON).isNull()).isTrue();
    }

    @Test
    void shouldTakeTheDraftsStoredCheckWhenTheSignedTextIsTheCheckedDraftAndCheckAgainWhenOneCharacterDiffers()
            throws Exception {
        String id = receive("signed-check-5", SyntheticScreenings.Profile.SUSPECT, 35);
        Task review = ReviewTasks.awaitReview(taskService, id);
        String draft = (String) taskService.getVariable(review.getId(), Vars.FINAL_TEXT);
        Assertions.assertThat(storedCheck(id, "check_digest")).as("the draft's check keeps its inputs' digest").isNotNull();
        standInFindings(id);

        HttpResponse<String> taken = review(id, Map.of("decision", "APPROVE", "text", draft));

        Assertions.assertThat(taken.statusCode()).as(taken.body()).isEqualTo(422);
        Assertions.assertThat(codes(taken)).as("the stored check stood for the signed text").contains("placeholder");
        Assertions.assertThat(decisions(id)).isZero();

        HttpResponse<String> checked = review(id, Map.of("decision", "APPROVE", "text", draft + " "));

        Assertions.assertThat(checked.statusCode()).as(checked.body()).isEqualTo(200);
        Assertions.assertThat(signedCheckFindings(id)).as("checked again: the text passes").isEqualTo("[]");
    }

    @Test
    void shouldCheckTheSignedDraftWhenItsStoredCheckHasNoDigest() throws Exception {
        String id = receive("signed-check-6", SyntheticScreenings.Profile.SUSPECT, 36);
        Task review = ReviewTasks.awaitReview(taskService, id);
        String draft = (String) taskService.getVariable(review.getId(), Vars.FINAL_TEXT);
        standInFindings(id);
        // as for a model's draft (checked with its structured answer) or a check stored before V32
        jdbc.sql("UPDATE cf_draft SET check_digest = NULL WHERE screening_id = ?").param(id).update();

        HttpResponse<String> approved = review(id, Map.of("decision", "APPROVE", "text", draft));

        Assertions.assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        Assertions.assertThat(signedCheckFindings(id)).isEqualTo("[]");
    }

    @Test
    void shouldAskForAReasonWhenThePhysicianSignsWhileTheEscalatedCriticalContactIsOpen() throws Exception {
        String id = receive("signed-check-7", SyntheticScreenings.Profile.CRITICAL, 43);
        Task review = ReviewTasks.awaitReview(taskService, id);
        Job overdue = await().atMost(Duration.ofSeconds(30)).until(() -> management.createJobQuery()
                .processInstanceId(review.getProcessInstanceId()).activityId(Events.CRITICAL_CONFIRMATION_OVERDUE)
                .singleResult(), Objects::nonNull);
        management.executeJob(overdue.getId());
        Assertions.assertThat(taskService.createTaskQuery().processInstanceBusinessKey(id)
                .taskDefinitionKey(Activities.CONFIRM_CRITICAL_RESULT_ESCALATED).count()).isOne();

        HttpResponse<String> refused = review(id, Map.of("decision", "APPROVE"));

        Assertions.assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        Assertions.assertThat(codes(refused)).containsExactly("review_refused");
        Assertions.assertThat(refused.body()).contains("환자와 아직 연락되지 않았습니다");
        Assertions.assertThat(taskService.createTaskQuery().taskId(review.getId()).count()).as("the review stays open").isOne();

        HttpResponse<String> signed = review(id, Map.of("decision", "APPROVE", Vars.SIGN_ANYWAY, true,
                "reason", "세 번 통화 실패, 결과지로 내원 권고"));

        Assertions.assertThat(signed.statusCode()).as(signed.body()).isEqualTo(200);
        Assertions.assertThat(jdbc.sql("SELECT sign_anyway_reason FROM cf_review WHERE screening_id = ?").param(id)
                .query(String.class).single()).isEqualTo("세 번 통화 실패, 결과지로 내원 권고");
    }

    /** Findings the real check of the passing draft never has, in place of its stored (empty) ones. */
    private void standInFindings(String id) {
        Assertions.assertThat(storedCheck(id, "check_findings")).isEqualTo("[]");
        jdbc.sql("UPDATE cf_draft SET check_findings = ? WHERE screening_id = ?")
                .params("[{\"type\":\"PLACEHOLDER\",\"detail\":\"stand-in\"}]", id).update();
    }

    private String storedCheck(String id, String column) {
        return jdbc.sql("SELECT " + column + " FROM cf_draft WHERE screening_id = ? AND round = 1").param(id)
                .query(String.class).single();
    }

    private String signedCheckFindings(String id) {
        return jdbc.sql("SELECT signed_check_findings FROM cf_review WHERE screening_id = ?").param(id)
                .query(String.class).single();
    }

    private String receive(String identifier, SyntheticScreenings.Profile profile, long seed) {
        String bundle = new SyntheticScreenings(fhir).bundleJson(identifier, profile, seed);
        return intake.receive("gangnam", null, bundle.getBytes(StandardCharsets.UTF_8)).id();
    }

    private HttpResponse<String> review(String id, Map<String, Object> body) throws Exception {
        return http.post("physicianGangnam", "/api/screenings/" + id + "/review", "application/json",
                json.writeValueAsString(body));
    }

    private List<String> codes(HttpResponse<String> problem) throws Exception {
        return json.readTree(problem.body()).get("problems").findValuesAsText("code");
    }

    private long decisions(String id) {
        return jdbc.sql("SELECT COUNT(*) FROM cf_review WHERE screening_id = ?").param(id).query(Long.class).single();
    }
}
