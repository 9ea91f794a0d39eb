package com.checkupflow.drafting;

import com.checkupflow.ai.PromptTemplates;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.checkupflow.demo.SyntheticScreenings;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import com.checkupflow.ReviewTasks;
import com.checkupflow.TestHttp;
import com.checkupflow.OwnJvm;

import ca.uhn.fhir.context.FhirContext;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The whole application with provider=openai against the stand-in model: a Bundle is posted over HTTP, the
 * in-application worker drafts through LangChain4j, the check catches an invented value, the workflow
 * redrafts once with the findings, the physician sees the findings, asks for changes with a note full of the
 * patient's identifiers, and the next draft passes. The exact bytes the model received hold no personal data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "checkupflow.demo.screenings=0",
        "spring.datasource.url=jdbc:h2:mem:model-drafting-test;DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.wait-time-in-millis=200",
        "camunda.bpm.job-execution.max-wait=1000",
        "checkupflow.ai.provider=openai",
        "checkupflow.ai.openai.model=stand-in",
        "checkupflow.ai.openai.api-key=sk-never-logged",
        "checkupflow.ai.backoff=PT0.05S",
        "checkupflow.ai.timeout=PT5S",
        "checkupflow.ai.poll-interval=PT0.1S"})
@OwnJvm
class ModelDraftingHttpTest {

    static final StandInModel model = new StandInModel();

    @DynamicPropertySource
    static void modelUrl(DynamicPropertyRegistry registry) {
        registry.add("checkupflow.ai.openai.base-url", model::openAiBaseUrl);
    }

    @AfterAll
    static void stop() {
        model.close();
    }

    @BeforeEach
    void resetModel() {
        model.reset();
    }

    @LocalServerPort
    int port;
    @Autowired
    private com.checkupflow.physician.PhysicianProfiles physicians;

    @Autowired
    FhirContext fhir;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ObjectMapper json;
    @Autowired
    MeterRegistry meters;
    @Autowired
    JdbcClient jdbc;

    static final String AI_NOTICE_KO = "[생성형 AI 작성 안내] 이 결과지의 종합소견은 생성형 인공지능(AI)이 작성한 초안을 판정의사";
    static final String AI_NOTICE_EN = "[Generative AI notice] The summary of this report was drafted by generative artificial intelligence (AI) and reviewed, edited and signed by the physician";
    static final String AI_EXTENSION = "https://checkupflow.example/fhir/StructureDefinition/generative-ai-content";

    @Test
    void shouldRedraftOnceThenShowFindingsAndSendNoPersonalDataWhenTheModelInventsAValue() throws Exception {
        Bundle bundle = new SyntheticScreenings(fhir).bundle("model-http-1", SyntheticScreenings.Profile.SUSPECT, 11);
        Patient patient = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(Patient.class::isInstance).map(Patient.class::cast).findFirst().orElseThrow();
        patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue("010-2345-6789");
        String name = patient.getNameFirstRep().getText();
        String rrnDigits = patient.getIdentifierFirstRep().getValue().replaceAll("\\D", "");
        String rrnHyphen = rrnDigits.substring(0, 6) + "-" + rrnDigits.substring(6);
        String birthDate = patient.getBirthDateElement().getValueAsString();
        model.answerNext(StandInModel.Behaviour.INVENT_VALUE).answerNext(StandInModel.Behaviour.INVENT_VALUE);

        HttpResponse<String> created = post("/api/screenings?center=gangnam", fhir.newJsonParser().encodeResourceToString(bundle));
        Assertions.assertThat(created.statusCode()).isEqualTo(201);
        String id = json.readTree(created.body()).get("id").asText();

        Task review = awaitReview(id, null);
        Assertions.assertThat(model.calls()).isEqualTo(2);
        Assertions.assertThat(model.requestBodies().get(1)).contains("NUMBER_MISMATCH");
        Assertions.assertThat(taskService.getVariable(review.getId(), "autoRedraftUsed")).isEqualTo(true);
        // the form says what differs in words, without the finding's code
        Assertions.assertThat((String) taskService.getVariable(review.getId(), "draftFindings")).contains("수치가 다릅니다")
                .doesNotContain("NUMBER_MISMATCH");
        JsonNode view = getJson("/api/screenings/" + id);
        JsonNode draft = view.get("draft");
        Assertions.assertThat(view.get("stage").asText()).isEqualTo("REVIEW");
        Assertions.assertThat(draft.get("round").asInt()).isEqualTo(2);
        Assertions.assertThat(draft.get("provider").asText()).isEqualTo("openai");
        Assertions.assertThat(draft.get("model").asText()).isEqualTo("stand-in");
        Assertions.assertThat(draft.get("promptVersion").asText()).isEqualTo("draft-summary-v2");
        Assertions.assertThat(draft.get("fallback").asBoolean()).isFalse();
        Assertions.assertThat(draft.get("attempts").asInt()).isEqualTo(1);
        Assertions.assertThat(draft.get("tokensIn").asInt()).isEqualTo(1200);
        Assertions.assertThat(draft.get("tokensOut").asInt()).isEqualTo(300);
        Assertions.assertThat(draft.get("latencyMs").isNumber()).isTrue();
        Assertions.assertThat(draft.get("inputSha256").asText()).hasSize(64);
        Assertions.assertThat(draft.get("evidence").size()).isPositive();
        Assertions.assertThat(draft.get("guardrail").get("passed").asBoolean()).isFalse();
        Assertions.assertThat(draft.get("guardrail").get("findings").get(0).get("type").asText()).isEqualTo("NUMBER_MISMATCH");

        String note = name + " 님(" + rrnHyphen + ", " + rrnDigits + ", 생년월일 " + birthDate
                + ", 010-2345-6789)께 설명하기 쉽게 다시 써 주세요.";
        taskService.claim(review.getId(), "physicianGangnam");
        taskService.complete(review.getId(), Map.of("reviewDecision", "REQUEST_CHANGES", "reviewNote", note));

        awaitReview(id, review.getId());
        Assertions.assertThat(model.calls()).isEqualTo(3);
        JsonNode redrafted = getJson("/api/screenings/" + id).get("draft");
        Assertions.assertThat(redrafted.get("round").asInt()).isEqualTo(3);
        Assertions.assertThat(redrafted.get("guardrail").get("passed").asBoolean()).isTrue();

        List<String> bodies = model.requestBodies();
        Assertions.assertThat(bodies.get(2)).contains("설명하기 쉽게 다시 써 주세요", "[NAME]", "[RRN]", "[PHONE]");
        for (String body : bodies) {
            // application.yaml's default response-format: the schema as response_format, not in the prompt
            JsonNode request = json.readTree(body);
            Assertions.assertThat(request.at("/response_format/type").asText()).isEqualTo("json_schema");
            Assertions.assertThat(request.at("/messages/1/content").asText()).contains("observationId")
                    .doesNotContain("additionalProperties");
        }
        for (String body : bodies) {
            Assertions.assertThat(body).doesNotContain(name, name.substring(1), rrnDigits, rrnHyphen, rrnDigits.substring(0, 6),
                    birthDate, "010-2345-6789", "sk-never-logged", "강남");
        }
        Assertions.assertThat(meters.get("checkupflow.ai.calls").tag("provider", "openai").tag("outcome", "success")
                .counter().count()).isGreaterThanOrEqualTo(3.0);
    }

    @Test
    void shouldDraftWithTheTemplateAndLeaveNoIncidentWhenTheModelRejectsTheKey() throws Exception {
        model.failNext(401);
        String bundle = new SyntheticScreenings(fhir).bundleJson("model-http-401", SyntheticScreenings.Profile.BORDERLINE, 12);

        String id = json.readTree(post("/api/screenings?center=busan", bundle).body()).get("id").asText();

        Task review = awaitReview(id, null);
        Assertions.assertThat(model.calls()).isEqualTo(1);
        JsonNode draft = json.readTree(new TestHttp(port).get("physicianBusan", "/api/screenings/" + id).body()).get("draft");
        Assertions.assertThat(draft.get("provider").asText()).isEqualTo("template");
        Assertions.assertThat(draft.get("fallback").asBoolean()).isTrue();
        Assertions.assertThat(draft.get("guardrail").get("passed").asBoolean()).isTrue();
        String processInstanceId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(id).singleResult().getId();
        Assertions.assertThat(runtimeService.createIncidentQuery().processInstanceId(processInstanceId).count()).isZero();
        Assertions.assertThat(meters.get("checkupflow.ai.errors").tag("provider", "openai").tag("kind", "auth")
                .counter().count()).isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void shouldPassTheFaithfulDraftAndFlagEachDefectiveDraftWithItsTypeWhenItReachesReview() throws Exception {
        record Case(StandInModel.Behaviour behaviour, String language, String type) {
        }
        List<Case> cases = List.of(new Case(StandInModel.Behaviour.FAITHFUL, "ko", null),
                new Case(StandInModel.Behaviour.FAITHFUL, "en", null),
                new Case(StandInModel.Behaviour.INVENT_VALUE, "ko", DraftChecker.NUMBER_MISMATCH),
                new Case(StandInModel.Behaviour.WRONG_UNIT, "ko", DraftChecker.UNIT_MISMATCH),
                new Case(StandInModel.Behaviour.UNSUPPORTED_TEST, "en", DraftChecker.UNSUPPORTED_TEST),
                new Case(StandInModel.Behaviour.OVERALL_NORMAL, "ko", DraftChecker.OVERALL_CONTRADICTION),
                new Case(StandInModel.Behaviour.OTHER_ITEMS_CITATION, "ko", DraftChecker.BAD_CITATION),
                new Case(StandInModel.Behaviour.UNKNOWN_ID, "en", DraftChecker.BAD_CITATION),
                new Case(StandInModel.Behaviour.DIAGNOSIS, "ko", DraftChecker.DIAGNOSIS_LANGUAGE),
                new Case(StandInModel.Behaviour.DIAGNOSIS, "en", DraftChecker.DIAGNOSIS_LANGUAGE));
        int seed = 30;
        for (Case c : cases) {
            model.reset();
            model.behaviour = c.behaviour();
            String bundle = new SyntheticScreenings(fhir).bundleJson("model-http-" + c.behaviour() + "-" + c.language(),
                    SyntheticScreenings.Profile.SUSPECT, seed++);
            String id = json.readTree(post("/api/screenings?center=gangnam&language=" + c.language(), bundle).body()).get("id").asText();

            Task review = awaitReview(id, null);
            JsonNode draft = getJson("/api/screenings/" + id).get("draft");
            String findings = (String) taskService.getVariable(review.getId(), "draftFindings");
            Assertions.assertThat(draft.get("provider").asText()).as(c.toString()).isEqualTo("openai");
            Assertions.assertThat(draft.get("promptVersion").asText()).isEqualTo("draft-summary-v2");
            if (c.type() == null) {
                Assertions.assertThat(draft.get("guardrail").get("passed").asBoolean()).as(c + ": " + findings).isTrue();
                Assertions.assertThat(taskService.getVariable(review.getId(), "draftCheckPassed")).isEqualTo(true);
                Assertions.assertThat(model.calls()).isEqualTo(1);
            } else {
                Assertions.assertThat(draft.get("guardrail").get("passed").asBoolean()).as(c.toString()).isFalse();
                Assertions.assertThat(draft.get("guardrail").get("findings").findValuesAsText("type")).as(c.toString())
                        .contains(c.type());
                // the review form says what was found in words, in the center's language, without the code
                Assertions.assertThat(findings).as(c.toString()).contains("· ").doesNotContain(c.type());
                Assertions.assertThat(taskService.getVariable(review.getId(), "autoRedraftUsed")).isEqualTo(true);
            }
            Assertions.assertThat(draft.get("reasks").asInt()).as(c.toString())
                    .isEqualTo(c.behaviour() == StandInModel.Behaviour.UNKNOWN_ID ? 1 : 0);
            Assertions.assertThat(getJson("/api/screenings/" + id).get("stage").asText()).isEqualTo("REVIEW");
        }
    }

    /** Signed anyway with a reason it would be issued (SignedTextCheckHttpTest); here it must not be issued by a plain approval. */
    @Test
    void shouldNotIssueAFlaggedModelDraftWhenThePhysicianApprovesItWithoutSigningAnyway() throws Exception {
        model.behaviour = StandInModel.Behaviour.WRONG_UNIT;
        String bundle = new SyntheticScreenings(fhir).bundleJson("model-http-signed-1", SyntheticScreenings.Profile.SUSPECT, 41);
        String id = json.readTree(post("/api/screenings?center=gangnam", bundle).body()).get("id").asText();
        awaitReview(id, null);
        TestHttp http = new TestHttp(port);

        HttpResponse<String> approved = http.post("physicianGangnam", "/api/screenings/" + id + "/review", "application/json",
                "{\"decision\":\"APPROVE\"}");

        Assertions.assertThat(approved.statusCode()).as(approved.body()).isEqualTo(422);
        Assertions.assertThat(json.readTree(approved.body()).get("problems").findValuesAsText("code")).contains("unit_mismatch");
        Assertions.assertThat(getJson("/api/screenings/" + id).get("stage").asText()).isEqualTo("REVIEW");
        Assertions.assertThat(getJson("/api/screenings/" + id).get("review").get("decisions")).isEmpty();
    }

    private Task awaitReview(String screeningId, String notThisTask) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> taskService.createTaskQuery().processInstanceBusinessKey(screeningId)
                        .taskDefinitionKey("Activity_ReviewReport").singleResult(),
                        t -> t != null && !t.getId().equals(notThisTask));
    }

    /** A text of the task's form as the Tasklist reads it: the draft's origin is computed then, no engine variable. */
    private String formText(Task task, String name) throws Exception {
        return json.readTree(new TestHttp(port).get("physicianGangnam", "/engine-rest/task/" + task.getId()
                + "/form-variables").body()).path(name).path("value").asText();
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return new TestHttp(port).post("integration", path, "application/fhir+json", body);
    }

    private JsonNode getJson(String path) throws Exception {
        return json.readTree(new TestHttp(port).get("physicianGangnam", path).body());
    }

    @Test
    void shouldSayInKoreanThatAGenerativeAiDraftWasSignedWhenTheModelDraftedTheReport() throws Exception {
        String id = issueApproved("model-label-ko", "gangnam", "", 41);

        String html = new TestHttp(port).get("physicianGangnam", "/api/screenings/" + id + "/report.html").body();
        String signature = physicians.signature("physicianGangnam", "ko");
        Assertions.assertThat(html).contains(AI_NOTICE_KO + " " + signature + "이(가) 검토하고 수정하여 서명한 것입니다.");
        Assertions.assertThat(pdfText(id)).contains(compact(AI_NOTICE_KO + " " + signature));
        keepNoticePage(id, "ai-notice-ko");
        JsonNode report = diagnosticReport(id, "physicianGangnam");
        assertAiExtension(report, AI_NOTICE_KO + " " + signature);
    }

    @Test
    void shouldSayInEnglishThatAGenerativeAiDraftWasSignedWhenTheModelDraftedAnEnglishReport() throws Exception {
        String id = issueApproved("model-label-en", "busan", "&language=en", 42);

        String html = new TestHttp(port).get("physicianBusan", "/api/screenings/" + id + "/report.html").body();
        String signature = physicians.signature("physicianBusan", "en");
        Assertions.assertThat(html).contains(AI_NOTICE_EN + " " + signature + ".").doesNotContain("생성형 AI 작성 안내");
        Assertions.assertThat(pdfText(id)).contains(compact(AI_NOTICE_EN + " " + signature + "."));
        keepNoticePage(id, "ai-notice-en");
        assertAiExtension(diagnosticReport(id, "physicianBusan"), AI_NOTICE_EN + " " + signature);
    }

    @Test
    void shouldNotLabelTheReportWhenThePhysicianWroteTheTextThemselves() throws Exception {
        String bundle = new SyntheticScreenings(fhir).bundleJson("model-label-own", SyntheticScreenings.Profile.SUSPECT, 43);
        String id = json.readTree(post("/api/screenings?center=gangnam", bundle).body()).get("id").asText();
        Task review = awaitReview(id, null);
        Assertions.assertThat(formText(review, "draftOrigin"))
                .startsWith("**생성형 AI 초안** (openai · stand-in · " + PromptTemplates.VERSION + ")");
        taskService.claim(review.getId(), "physicianGangnam");
        // a short own text leaves out the abnormal findings: the physician signs it anyway, with a reason
        taskService.complete(review.getId(), Map.of("reviewDecision", "WRITE_MANUALLY",
                "finalText", "혈압과 혈당을 3개월 뒤 다시 재어 보세요. 생활습관 상담을 예약해 드렸습니다.",
                "signAnyway", true, "signAnywayReason", "결과 상담에서 소견을 직접 설명했습니다."));

        awaitIssued(id);
        assertNotLabelled(id, "physicianGangnam");
    }

    @Test
    void shouldNotLabelTheReportWhenTheTemplateStoodInForTheModel() throws Exception {
        model.failNext(401);
        String bundle = new SyntheticScreenings(fhir).bundleJson("model-label-fallback", SyntheticScreenings.Profile.SUSPECT, 44);
        String id = json.readTree(post("/api/screenings?center=gangnam", bundle).body()).get("id").asText();
        Task review = awaitReview(id, null);
        Assertions.assertThat(formText(review, "draftOrigin"))
                .startsWith("**⚠ 대체 템플릿 초안** (template-v").contains("AI가 작성하지 않았습니다");
        ReviewTasks.approveAsDrafted(taskService, review, "physicianGangnam");

        awaitIssued(id);
        assertNotLabelled(id, "physicianGangnam");
    }

    @Test
    void shouldShowModelDraftsFailuresFallbacksRedraftsEditsAndSignersWhenTheRegisterIsAskedForTheMonth() throws Exception {
        // the first draft fails its check, the automatic redraft passes and is approved
        model.answerNext(StandInModel.Behaviour.INVENT_VALUE);
        String checked = json.readTree(post("/api/screenings?center=jeju", new SyntheticScreenings(fhir)
                .bundleJson("register-1", SyntheticScreenings.Profile.SUSPECT, 61)).body()).get("id").asText();
        ReviewTasks.approveAsDrafted(taskService, awaitReview(checked, null), "physicianJeju");
        awaitIssued(checked);
        model.failNext(401);
        String fallback = json.readTree(post("/api/screenings?center=jeju", new SyntheticScreenings(fhir)
                .bundleJson("register-2", SyntheticScreenings.Profile.BORDERLINE, 62)).body()).get("id").asText();
        ReviewTasks.approveAsDrafted(taskService, awaitReview(fallback, null), "physicianJeju");
        awaitIssued(fallback);
        String month = java.time.YearMonth.now().toString();
        TestHttp http = new TestHttp(port);

        HttpResponse<String> response = http.get("manager", "/api/ai-register?month=" + month + "&center=jeju");

        Assertions.assertThat(response.statusCode()).isEqualTo(200);
        JsonNode jeju = json.readTree(response.body()).get("centers").get(0);
        Assertions.assertThat(jeju.get("center").asText()).isEqualTo("jeju");
        Assertions.assertThat(jeju.get("drafts").toString())
                .contains("{\"provider\":\"openai\",\"model\":\"stand-in\",\"promptVersion\":\"" + PromptTemplates.VERSION + "\",\"origin\":\"MODEL\",\"count\":2}")
                .contains("{\"provider\":\"template\",\"model\":null,\"promptVersion\":\"template-v2\",\"origin\":\"FALLBACK\",\"count\":1}");
        Assertions.assertThat(jeju.get("checkFailures").toString()).contains("{\"key\":\"NUMBER_MISMATCH\",\"count\":1}");
        Assertions.assertThat(jeju.get("fallbacks").asLong()).isEqualTo(1);
        Assertions.assertThat(jeju.get("automaticRedrafts").asLong()).isEqualTo(1);
        Assertions.assertThat(jeju.get("editRatios").toString())
                .contains("{\"draftOrigin\":\"FALLBACK\",\"signed\":1,\"unchanged\":1,")
                .contains("{\"draftOrigin\":\"MODEL\",\"signed\":1,\"unchanged\":1,");
        Assertions.assertThat(jeju.get("signers").toString())
                .isEqualTo("[{\"reviewer\":\"physicianJeju\",\"signed\":2,\"onModelDrafts\":1}]");
        Assertions.assertThat(jeju.get("aiLabelledReports").asLong()).isEqualTo(1);
        Assertions.assertThat(jeju.get("signAnyway").asLong()).as("both approvals signed texts that passed the check").isZero();

        HttpResponse<String> csv = http.get("privacyOfficer", "/api/ai-register?month=" + month + "&center=jeju&format=csv");
        Assertions.assertThat(csv.statusCode()).isEqualTo(200);
        Assertions.assertThat(csv.body()).startsWith("\uFEFFmonth,center,measure,provider,model,promptVersion,detail,count,mean,max")
                .contains(month + ",jeju,drafts,openai,stand-in," + PromptTemplates.VERSION + ",MODEL,2,,")
                .contains(month + ",jeju,automatic_redrafts,,,,,1,,")
                .contains(month + ",jeju,signed_by,,,,physicianJeju,2,,");
        Assertions.assertThat(http.get("admin", "/api/ai-register?month=" + month).statusCode()).isEqualTo(200);
        for (String other : List.of("physicianJeju", "nurseJeju", "coordinatorJeju", "designer", "integration")) {
            Assertions.assertThat(http.get(other, "/api/ai-register?month=" + month).statusCode()).as(other).isEqualTo(403);
        }
        Assertions.assertThat(http.get(null, "/api/ai-register").statusCode()).isEqualTo(401);
        Assertions.assertThat(http.get("manager", "/api/ai-register?month=2026-13").statusCode()).isEqualTo(400);
        Assertions.assertThat(http.get("manager", "/api/ai-register?center=atlantis").statusCode()).isEqualTo(400);
    }

    private String issueApproved(String identifier, String center, String language, long seed) throws Exception {
        String bundle = new SyntheticScreenings(fhir).bundleJson(identifier, SyntheticScreenings.Profile.SUSPECT, seed);
        String id = json.readTree(post("/api/screenings?center=" + center + language, bundle).body()).get("id").asText();
        Task review = awaitReview(id, null);
        String physician = "physician" + Character.toUpperCase(center.charAt(0)) + center.substring(1);
        ReviewTasks.approveAsDrafted(taskService, review, physician);
        awaitIssued(id);
        return id;
    }

    private void awaitIssued(String id) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM cf_screening WHERE id = ? AND report_html IS NOT NULL").param(id)
                .query(Long.class).single() == 1);
    }

    private void assertNotLabelled(String id, String physician) throws Exception {
        String html = new TestHttp(port).get(physician, "/api/screenings/" + id + "/report.html").body();
        Assertions.assertThat(html).contains(physicians.signature(physician, "ko")).doesNotContain("생성형 AI", "Generative AI", "ai-notice\"");
        Assertions.assertThat(pdfText(id)).doesNotContain("생성형AI", "GenerativeAI");
        JsonNode report = diagnosticReport(id, physician);
        Assertions.assertThat(report.has("extension")).isFalse();
        Assertions.assertThat(report.path("meta").path("security").isMissingNode()).isTrue();
    }

    private void assertAiExtension(JsonNode report, String notice) {
        Assertions.assertThat(report.at("/meta/security/0/code").asText()).isEqualTo("AIAST");
        Assertions.assertThat(report.at("/meta/security/0/system").asText())
                .isEqualTo("http://terminology.hl7.org/CodeSystem/v3-ObservationValue");
        JsonNode extension = report.get("extension").get(0);
        Assertions.assertThat(extension.get("url").asText()).isEqualTo(AI_EXTENSION);
        Map<String, JsonNode> parts = new java.util.HashMap<>();
        extension.get("extension").forEach(e -> parts.put(e.get("url").asText(), e));
        Assertions.assertThat(parts.get("origin").at("/valueCoding/code").asText()).isEqualTo("ai-draft-physician-reviewed");
        Assertions.assertThat(parts.get("provider").get("valueString").asText()).isEqualTo("openai");
        Assertions.assertThat(parts.get("model").get("valueString").asText()).isEqualTo("stand-in");
        Assertions.assertThat(parts.get("promptVersion").get("valueString").asText()).isEqualTo(PromptTemplates.VERSION);
        Assertions.assertThat(parts.get("notice").get("valueString").asText()).startsWith(notice);
        Assertions.assertThat(parts.get("reviewedBy").get("valueString").asText()).startsWith("physician");
    }

    private JsonNode diagnosticReport(String id, String physician) throws Exception {
        String export = new TestHttp(port).get(physician, "/api/screenings/" + id + "/fhir").body();
        // HAPI's strict parser accepts it (the extension is well-formed)
        fhir.newJsonParser().setParserErrorHandler(new ca.uhn.fhir.parser.StrictErrorHandler()).parseResource(export);
        return json.readTree(export).at("/entry/0/resource");
    }

    private String pdfText(String id) throws Exception {
        byte[] pdf = new TestHttp(port).getBytes("manager", "/api/screenings/" + id + "/report.pdf").body();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return compact(new PDFTextStripper().getText(doc));
        }
    }

    /** The PDF and the page with the AI notice as PNG under target/browser/, to look at. */
    private void keepNoticePage(String id, String name) throws Exception {
        byte[] pdf = new TestHttp(port).getBytes("manager", "/api/screenings/" + id + "/report.pdf").body();
        java.nio.file.Path dir = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "browser"));
        java.nio.file.Files.write(dir.resolve(name + ".pdf"), pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper page = new PDFTextStripper();
            for (int i = 0; i < doc.getNumberOfPages(); i++) {
                page.setStartPage(i + 1);
                page.setEndPage(i + 1);
                if (compact(page.getText(doc)).matches("(?s).*(생성형AI작성안내|GenerativeAInotice).*")) {
                    javax.imageio.ImageIO.write(new org.apache.pdfbox.rendering.PDFRenderer(doc).renderImageWithDPI(i, 80),
                            "png", dir.resolve(name + ".png").toFile());
                }
            }
        }
    }

    private static String compact(String text) {
        return text.replaceAll("[\\s\\p{Z}\\u00AD]+", "");
    }
}
