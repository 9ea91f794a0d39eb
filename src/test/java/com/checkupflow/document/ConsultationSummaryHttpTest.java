package com.checkupflow.document;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.checkupflow.OwnJvm;
import com.checkupflow.TestHttp;
import com.checkupflow.demo.SyntheticScreenings;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ca.uhn.fhir.context.FhirContext;

/**
 * The whole application on the offline template (provider template, the default): two screenings of the same
 * person are posted over HTTP; the second one's consultation summary compares with the first (found by the RRN's
 * keyed hash), passes its check, waits for a physician beside the report review, and its reviewed text shows in
 * {@code GET /api/screenings/{id}}.
 */
// A context of its own (the consultation summary switched on): Camunda's engine and webapp registries are JVM-wide.
@OwnJvm
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "checkupflow.demo.screenings=0",
        "spring.datasource.url=jdbc:h2:mem:consultation-summary-test;DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.wait-time-in-millis=200",
        "camunda.bpm.job-execution.max-wait=1000",
        "checkupflow.ai.poll-interval=PT0.1S",
        "checkupflow.workflow.consultation-summary=true"})
class ConsultationSummaryHttpTest {

    @LocalServerPort
    int port;
    @Autowired
    FhirContext fhir;
    @Autowired
    TaskService taskService;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcClient jdbc;

    /**
     * Within three minutes: completing the draftDocument task can lose an optimistic-locking race against the report
     * branch of the same process instance; the worker then retries after ExternalTaskWorker.FAILURE_RETRY_TIMEOUT_MS.
     */
    static Task awaitConsultationReview(TaskService tasks, String screeningId) {
        return await().atMost(Duration.ofSeconds(180)).until(() -> tasks.createTaskQuery().processInstanceBusinessKey(screeningId)
                .taskDefinitionKey("Activity_ReviewConsultationSummary").singleResult(), t -> t != null);
    }

    @Test
    void shouldDraftTheConsultationSummaryWithWhatChangedAndShowTheReviewedTextWhenAPhysicianCompletesIt() throws Exception {
        SyntheticScreenings synthetic = new SyntheticScreenings(fhir);
        TestHttp http = new TestHttp(port);
        // the same seed: the same person (and RRN) with other results
        String first = json.readTree(http.post("integration", "/api/screenings?center=gangnam", "application/fhir+json",
                synthetic.bundleJson("consult-1", SyntheticScreenings.Profile.HEALTHY, 31)).body()).get("id").asText();
        Task firstReview = awaitConsultationReview(taskService, first);
        Assertions.assertThat((String) taskService.getVariable(firstReview.getId(), "documentText"))
                .contains("■ 지난 검진 이후 변화\n- 이전 검진 기록이 없습니다.");
        LocalDate lastYear = jdbc.sql("SELECT exam_date FROM cf_screening WHERE id = ?").param(first)
                .query(LocalDate.class).single().minusYears(1);
        jdbc.sql("UPDATE cf_screening SET exam_date = ? WHERE id = ?").params(lastYear, first).update();

        String second = json.readTree(http.post("integration", "/api/screenings?center=gangnam", "application/fhir+json",
                synthetic.bundleJson("consult-2", SyntheticScreenings.Profile.SUSPECT, 31)).body()).get("id").asText();
        Task review = awaitConsultationReview(taskService, second);

        String draft = (String) taskService.getVariable(review.getId(), "documentText");
        Assertions.assertThat(draft).startsWith("결과 상담 요약 · ")
                .contains("■ 주의가 필요한 결과\n- ")
                .contains("이전 검진일 " + lastYear)
                .contains(" → ")
                .contains("■ 상담에서 물어볼 질문")
                .contains("■ 생활습관 목표")
                .doesNotContain("[#").doesNotContain("null");
        Assertions.assertThat(taskService.getVariable(review.getId(), "documentCheckNote")).isNull();
        Assertions.assertThat(review.getName()).startsWith("결과 상담 요약 검토 – ");
        // the report path goes on beside it: its review task comes too, whichever branch is faster (a failed attempt of
        // the draft task is retried after ExternalTaskWorker.FAILURE_RETRY_TIMEOUT_MS, hence the longer wait)
        Assertions.assertThat(await().atMost(Duration.ofSeconds(180)).until(() -> taskService.createTaskQuery()
                .processInstanceBusinessKey(second).taskDefinitionKey("Activity_ReviewReport").count(), n -> n == 1)).isOne();

        JsonNode document = json.readTree(http.get("physicianGangnam", "/api/screenings/" + second).body()).get("documents").get(0);
        Assertions.assertThat(document.get("kind").asText()).isEqualTo("consultation-summary");
        Assertions.assertThat(document.get("provider").asText()).isEqualTo("template");
        Assertions.assertThat(document.get("fallback").asBoolean()).isFalse();
        Assertions.assertThat(document.get("check").get("profile").asText()).isEqualTo("prose");
        Assertions.assertThat(document.get("check").get("passed").asBoolean()).isTrue();
        Assertions.assertThat(document.get("text").asText()).isEqualTo(draft);

        taskService.claim(review.getId(), "physicianGangnam");
        taskService.complete(review.getId(), java.util.Map.of("documentText", draft + "\n의사 메모: 3개월 뒤 재검."));
        JsonNode reviewed = json.readTree(http.get("physicianGangnam", "/api/screenings/" + second).body()).get("documents").get(0);
        Assertions.assertThat(reviewed.get("finalText").asText()).endsWith("의사 메모: 3개월 뒤 재검.");
        Assertions.assertThat(reviewed.get("reviewedBy").asText()).isEqualTo("physicianGangnam");
    }
}
