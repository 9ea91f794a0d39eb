package com.checkupflow;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.checkupflow.demo.SyntheticScreenings;
import com.checkupflow.process.ReferralLetterProcess;
import com.checkupflow.process.ScreeningReportProcess.Activities;
import com.checkupflow.process.ScreeningReportProcess.Vars;
import com.checkupflow.screening.ScreeningRepository;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ca.uhn.fhir.context.FhirContext;

/**
 * The spine over HTTP: the integration user posts a Bundle, the real workflow runs, the review is approved, the
 * Gangnam physician reads the issued report.
 */
@CheckupFlowHttpTest
class ScreeningReportHttpTest {

    @LocalServerPort
    int port;
    @Autowired
    FhirContext fhir;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectMapper json;
    @Autowired
    ScreeningRepository screenings;

    private TestHttp http;

    @BeforeEach
    void client() {
        http = new TestHttp(port);
    }

    @Test
    void shouldIssueReportWhenPostedScreeningIsApprovedByPhysician() throws Exception {
        String bundle = new SyntheticScreenings(fhir).bundleJson("http-happy-1", SyntheticScreenings.Profile.SUSPECT, 7);

        HttpResponse<String> created = post("/api/screenings?center=gangnam", bundle);
        Assertions.assertThat(created.statusCode()).isEqualTo(201);
        String id = json.readTree(created.body()).get("id").asText();
        Assertions.assertThat(created.headers().firstValue("Location")).hasValue("/api/screenings/" + id);

        Task review = ReviewTasks.awaitReview(taskService, id);
        Assertions.assertThat(review.getTenantId()).isEqualTo("gangnam");
        Assertions.assertThat(review.getName()).startsWith("결과지 검토 – ").contains("강남센터").doesNotContain("민수");

        JsonNode inReview = getJson("/api/screenings/" + id);
        Assertions.assertThat(inReview.get("stage").asText()).isEqualTo("REVIEW");
        Assertions.assertThat(inReview.get("center").get("id").asText()).isEqualTo("gangnam");
        Assertions.assertThat(inReview.get("patient").get("rrn").asText()).matches("\\d{6}-\\d\\*{6}");
        Assertions.assertThat(inReview.get("judgement").get("ruleset").asText()).isEqualTo("KR-NHIS-GHS-2026");
        Assertions.assertThat(inReview.get("judgement").get("items")).hasSize(19);
        Assertions.assertThat(inReview.get("judgement").get("judgements")).hasSize(16);
        Assertions.assertThat(inReview.get("openTasks").get(0).get("taskDefinitionKey").asText())
                .isIn(Activities.REVIEW_REPORT, Activities.CONFIRM_CRITICAL_RESULT);
        Assertions.assertThat(inReview.get("draft").get("provider").asText()).isEqualTo("template");
        Assertions.assertThat(get("/api/screenings/" + id + "/report.html").statusCode()).isEqualTo(409);
        Assertions.assertThat(get("/api/screenings/" + id + "/report.pdf").statusCode()).isEqualTo(409);
        Assertions.assertThat(get("/api/screenings/" + id + "/fhir").statusCode()).isEqualTo(409);

        taskService.claim(review.getId(), "physicianGangnam");
        String finalText = taskService.getVariable(review.getId(), Vars.FINAL_TEXT) + "\n\n추가 소견: 3개월 후 재검.";
        taskService.complete(review.getId(), Map.of(Vars.REVIEW_DECISION, "APPROVE", Vars.FINAL_TEXT, finalText));

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> getJson("/api/screenings/" + id).get("stage").asText(), "DELIVERED"::equals);
        HttpResponse<String> report = get("/api/screenings/" + id + "/report.html");
        Assertions.assertThat(report.statusCode()).isEqualTo(200);
        Assertions.assertThat(report.body()).contains("추가 소견: 3개월 후 재검.")
                .contains("판정의사: 박도윤 (면허번호 20103)").doesNotContain("판정의사: physicianGangnam")
                .contains("질환의심");
        JsonNode issued = getJson("/api/screenings/" + id);
        JsonNode delivery = issued.get("delivery");
        Assertions.assertThat(delivery.get("status").asText()).isEqualTo("SENT");
        Assertions.assertThat(delivery.get("channel").asText()).isEqualTo("FOLDER");
        Assertions.assertThat(delivery.get("attempts").asInt()).isZero();
        Assertions.assertThat(delivery.get("sentAt").isNull()).isFalse();
        Assertions.assertThat(delivery.get("messageId").asText()).contains(id);
        Assertions.assertThat(issued.get("issuedBy").asText()).isEqualTo("physicianGangnam");
        JsonNode audit = issued.get("review");
        Assertions.assertThat(audit.get("signedBy").asText()).isEqualTo("physicianGangnam");
        Assertions.assertThat(audit.get("decision").asText()).isEqualTo("APPROVE");
        Assertions.assertThat(audit.get("signedText").asText()).isEqualTo(finalText);
        Assertions.assertThat(audit.get(Vars.DRAFT_TEXT).asText()).isEqualTo(finalText.replace("\n\n추가 소견: 3개월 후 재검.", ""));
        Assertions.assertThat(audit.get("diff").asText()).contains("+ 추가 소견: 3개월 후 재검.");
        Assertions.assertThat(jdbc.sql("SELECT COUNT(*) FROM cf_review WHERE screening_id = ? AND draft_text IS NULL"
                + " AND text_diff IS NULL").param(id).query(Long.class).single())
                .as("the draft is read from cf_draft and the diff computed, neither stored again").isOne();
        Assertions.assertThat(audit.get("editRatio").decimalValue()).isStrictlyBetween(BigDecimal.ZERO, new BigDecimal("0.5"));

        HttpResponse<byte[]> pdf = http.getBytes("physicianGangnam", "/api/screenings/" + id + "/report.pdf");
        Assertions.assertThat(pdf.statusCode()).isEqualTo(200);
        Assertions.assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        Assertions.assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        HttpResponse<String> fhirExport = get("/api/screenings/" + id + "/fhir");
        Assertions.assertThat(fhirExport.statusCode()).isEqualTo(200);
        Assertions.assertThat(fhirExport.headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> Assertions.assertThat(ct).startsWith("application/fhir+json"));
        Assertions.assertThat(fhir.newJsonParser().parseResource(org.hl7.fhir.r4.model.Bundle.class, fhirExport.body())
                .getEntryFirstRep().getResource().fhirType()).isEqualTo("DiagnosticReport");
        Assertions.assertThat(jdbc.sql("SELECT status FROM cf_outbox WHERE screening_id = ?").param(id)
                .query(String.class).single()).isEqualTo("SENT");
        Assertions.assertThat(java.nio.file.Path.of("target/http-test-outbox/report-" + id + ".pdf")).exists();

    }

    @Test
    void shouldDraftTheReferralLetterOnTheWorkerWhenTheIssuedReportNeedsASpecialist() throws Exception {
        SyntheticScreenings synthetic = new SyntheticScreenings(fhir);
        String bundle = null;
        // The first synthetic suspect screening with a 질환의심 unit that is referred by default (the dry run judges it).
        for (long seed = 100; bundle == null && seed < 400; seed++) {
            String candidate = synthetic.bundleJson("http-referral-" + seed, SyntheticScreenings.Profile.SUSPECT, seed);
            JsonNode units = json.readTree(http.post("designer", "/api/judgements", "application/fhir+json", candidate)
                    .body()).get("judgements");
            for (String unit : List.of("creatinine", "egfr", "urine_protein", "ast", "alt", "ggt", "hemoglobin")) {
                if (units.hasNonNull(unit) && "DISEASE_SUSPECT".equals(units.get(unit).path("category").asText())) {
                    bundle = candidate;
                }
            }
        }
        Assertions.assertThat(bundle).as("a synthetic screening to refer").isNotNull();
        String id = json.readTree(post("/api/screenings?center=gangnam", bundle).body()).get("id").asText();
        Task review = ReviewTasks.awaitReview(taskService, id);
        ReviewTasks.approveAsDrafted(taskService, review, "physicianGangnam");

        Task sign = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> taskService.createTaskQuery().processDefinitionKey(ReferralLetterProcess.PROCESS_ID)
                        .processInstanceBusinessKey(id).taskDefinitionKey(ReferralLetterProcess.Activities.SIGN_REFERRAL_LETTER).singleResult(),
                        java.util.Objects::nonNull);
        String name = screenings.find(id).orElseThrow().patient().name();
        Assertions.assertThat((String) taskService.getVariable(sign.getId(), ReferralLetterProcess.Vars.REFERRAL_TEXT)).contains("선생님께")
                .doesNotContain(name);
        Assertions.assertThat(jdbc.sql("SELECT provider FROM cf_referral WHERE screening_id = ?").param(id)
                .query(String.class).single()).isEqualTo("template");
        JsonNode form = json.readTree(http.get("physicianGangnam", "/engine-rest/task/" + sign.getId() + "/form-variables")
                .body());
        Assertions.assertThat(form.path(Vars.PATIENT_LABEL).path("value").asText()).as("the letter's header")
                .isNotBlank().contains("강남센터").doesNotContain(name);
        Assertions.assertThat(form.path(Vars.FORM_LANGUAGE).path("value").asText()).isEqualTo("ko");
        Assertions.assertThat(runtimeService.createVariableInstanceQuery().processInstanceIdIn(sign.getProcessInstanceId())
                .variableNameIn(Vars.PATIENT_LABEL, Vars.FORM_LANGUAGE).count()).as("engine variables of the header").isZero();
    }

    @Test
    void shouldStartOneWorkflowWhenTheSameBundleIsPostedConcurrently() throws Exception {
        String bundle = new SyntheticScreenings(fhir).bundleJson("http-dup-1", SyntheticScreenings.Profile.HEALTHY, 8);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<HttpResponse<String>>> posts = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                posts.add(() -> post("/api/screenings?center=busan", bundle));
            }
            Set<String> ids = new HashSet<>();
            int createdCount = 0;
            for (Future<HttpResponse<String>> f : pool.invokeAll(posts)) {
                HttpResponse<String> r = f.get();
                Assertions.assertThat(r.statusCode()).isIn(200, 201);
                createdCount += r.statusCode() == 201 ? 1 : 0;
                ids.add(json.readTree(r.body()).get("id").asText());
            }
            Assertions.assertThat(ids).hasSize(1);
            Assertions.assertThat(createdCount).isEqualTo(1);
            Assertions.assertThat(runtimeService.createProcessInstanceQuery()
                    .processInstanceBusinessKey(ids.iterator().next()).count()).isEqualTo(1);
            HttpResponse<String> again = post("/api/screenings?center=busan", bundle);
            Assertions.assertThat(again.statusCode()).isEqualTo(200);
            Assertions.assertThat(json.readTree(again.body()).get("id").asText()).isEqualTo(ids.iterator().next());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldListEveryProblemAndStoreNothingWhenScreeningIsBad() throws Exception {
        long before = count();
        String noPatientNoObservation = """
                {"resourceType":"Bundle","type":"collection","identifier":{"system":"urn:test","value":"bad-1"},"entry":[]}""";
        HttpResponse<String> r = post("/api/screenings?center=atlantis", noPatientNoObservation);
        Assertions.assertThat(r.statusCode()).isEqualTo(400);
        Assertions.assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> Assertions.assertThat(ct).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(r.body());
        Assertions.assertThat(problem.get("status").asInt()).isEqualTo(400);
        List<String> codes = new ArrayList<>();
        problem.get("problems").forEach(p -> codes.add(p.get("code").asText()));
        Assertions.assertThat(codes).contains("center_unknown", "no_patient", "no_observation");

        Assertions.assertThat(post("/api/screenings?center=gangnam", "this is not json").statusCode()).isEqualTo(400);
        Assertions.assertThat(post("/api/screenings", "{\"resourceType\":\"Patient\"}").statusCode()).isEqualTo(400);
        Assertions.assertThat(post("/api/screenings?center=gangnam", "{\"x\":\"" + "a".repeat(3 * 1024 * 1024) + "\"}")
                .statusCode()).isEqualTo(413);
        Assertions.assertThat(count()).isEqualTo(before);
    }

    @Test
    void shouldReturnJudgementWithoutStoringWhenDryRunIsPosted() throws Exception {
        long before = count();
        String bundle = new SyntheticScreenings(fhir).bundleJson("http-dry-1", SyntheticScreenings.Profile.SUSPECT, 9);
        HttpResponse<String> r = http.post("designer", "/api/judgements", "application/fhir+json", bundle);
        Assertions.assertThat(r.statusCode()).isEqualTo(200);
        JsonNode judgement = json.readTree(r.body());
        Assertions.assertThat(judgement.fieldNames()).toIterable().containsExactly("ruleset", "items", "judgements", "overall");
        Assertions.assertThat(judgement.get("items").get("fasting_glucose").fieldNames()).toIterable().containsExactly(
                "status", "category", "value", "unit", "reportedValue", "reportedUnit", "invalidReason", "observationId");
        Assertions.assertThat(judgement.get("overall").fieldNames()).toIterable().containsExactly(
                "primary", "flags", "worstItemCategory", "complete", "needsPhysicianReview");
        Assertions.assertThat(count()).isEqualTo(before);
    }

    private long count() {
        return jdbc.sql("SELECT COUNT(*) FROM cf_screening").query(Long.class).single();
    }

    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return http.post("integration", path, "application/fhir+json", body);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.get("physicianGangnam", path);
    }

    private JsonNode getJson(String path) throws IOException, InterruptedException {
        return json.readTree(get(path).body());
    }
}
