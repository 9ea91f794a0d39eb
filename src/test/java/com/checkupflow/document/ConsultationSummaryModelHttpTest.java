package com.checkupflow.document;

import java.util.List;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.checkupflow.OwnJvm;
import com.checkupflow.TestHttp;
import com.checkupflow.demo.SyntheticScreenings;
import com.checkupflow.drafting.StandInModel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ca.uhn.fhir.context.FhirContext;

/**
 * The consultation summary through the model path (provider openai against the stand-in model): the request carries
 * the kind's schema from its resource, the input is de-identified like the report summary's, the answer is validated
 * and rendered by the kind's template, and the physician reviews it.
 */
// A context of its own (the consultation summary switched on): Camunda's engine and webapp registries are JVM-wide.
@OwnJvm
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "checkupflow.demo.screenings=0",
        "spring.datasource.url=jdbc:h2:mem:consultation-model-test;DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.wait-time-in-millis=200",
        "camunda.bpm.job-execution.max-wait=1000",
        "checkupflow.ai.provider=openai",
        "checkupflow.ai.openai.model=stand-in",
        "checkupflow.ai.openai.api-key=sk-never-logged",
        "checkupflow.ai.backoff=PT0.05S",
        "checkupflow.ai.timeout=PT5S",
        "checkupflow.ai.poll-interval=PT0.1S",
        "checkupflow.workflow.consultation-summary=true"})
class ConsultationSummaryModelHttpTest {

    static final StandInModel model = new StandInModel();

    @DynamicPropertySource
    static void modelUrl(DynamicPropertyRegistry registry) {
        registry.add("checkupflow.ai.openai.base-url", model::openAiBaseUrl);
    }

    @AfterAll
    static void stop() {
        model.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    FhirContext fhir;
    @Autowired
    TaskService taskService;
    @Autowired
    ObjectMapper json;

    @BeforeEach
    void resetModel() {
        model.reset();
    }

    @Test
    void shouldDraftTheConsultationSummaryWithTheTemplateFallbackWhenTheModelNeverAnswersUsably() throws Exception {
        model.answerAllWith(StandInModel.Behaviour.NOT_JSON);
        TestHttp http = new TestHttp(port);
        String id = json.readTree(http.post("integration", "/api/screenings?center=gangnam", "application/fhir+json",
                new SyntheticScreenings(fhir).bundleJson("consult-model-fallback", SyntheticScreenings.Profile.BORDERLINE, 18))
                .body()).get("id").asText();

        Task review = ConsultationSummaryHttpTest.awaitConsultationReview(taskService, id);
        Assertions.assertThat((String) taskService.getVariable(review.getId(), "documentText"))
                .contains("■ 상담에서 물어볼 질문").doesNotContain("모델 상담 요약");
        Assertions.assertThat(taskService.getVariable(review.getId(), "consultationSummaryProvider"))
                .isEqualTo("template (fallback)");
        JsonNode document = json.readTree(http.get("physicianGangnam", "/api/screenings/" + id).body()).get("documents").get(0);
        Assertions.assertThat(document.get("provider").asText()).isEqualTo("template");
        Assertions.assertThat(document.get("fallback").asBoolean()).isTrue();
        Assertions.assertThat(document.get("check").get("passed").asBoolean()).isTrue();
    }

    @Test
    void shouldDraftTheConsultationSummaryWithTheModelAndSendNoPersonalDataWhenAModelIsConfigured() throws Exception {
        Bundle bundle = new SyntheticScreenings(fhir).bundle("consult-model-1", SyntheticScreenings.Profile.SUSPECT, 17);
        Patient patient = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(Patient.class::isInstance).map(Patient.class::cast).findFirst().orElseThrow();
        TestHttp http = new TestHttp(port);
        String id = json.readTree(http.post("integration", "/api/screenings?center=gangnam", "application/fhir+json",
                fhir.newJsonParser().encodeResourceToString(bundle)).body()).get("id").asText();

        Task review = ConsultationSummaryHttpTest.awaitConsultationReview(taskService, id);
        String draft = (String) taskService.getVariable(review.getId(), "documentText");
        Assertions.assertThat(draft).startsWith("결과 상담 요약 · ")
                .contains("■ 요약\n모델 상담 요약: 확인이 필요한 항목을 중심으로 상담합니다.")
                .contains("■ 상담에서 물어볼 질문\n- 최근 식사와 운동 습관은 어떠신가요?")
                .contains("■ 생활습관 목표\n- 매일 걷기를 실천합니다.")
                .contains("- 이전 검진 기록이 없습니다.");
        JsonNode document = json.readTree(http.get("physicianGangnam", "/api/screenings/" + id).body()).get("documents").get(0);
        Assertions.assertThat(document.get("provider").asText()).isEqualTo("openai");
        Assertions.assertThat(document.get("promptVersion").asText()).isEqualTo("consultation-summary-v1");
        Assertions.assertThat(document.get("fallback").asBoolean()).isFalse();
        Assertions.assertThat(document.get("check").get("passed").asBoolean()).isTrue();
        Assertions.assertThat(document.get("inputSha256").asText()).hasSize(64);

        List<String> consultationRequests = model.requestBodies().stream()
                .filter(b -> b.contains("consultation_summary")).toList();
        Assertions.assertThat(consultationRequests).hasSize(1);
        String request = consultationRequests.get(0);
        Assertions.assertThat(request).contains("\\\"previousJudgement\\\" : null").contains("ageBand")
                .doesNotContain(patient.getNameFirstRep().getText())
                .doesNotContain(patient.getIdentifierFirstRep().getValue())
                .doesNotContain(patient.getBirthDateElement().getValueAsString());
    }
}
