package com.checkupflow.report;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.checkupflow.CheckupFlowHttpTest;
import com.checkupflow.ReviewTasks;
import com.checkupflow.TestHttp;
import com.checkupflow.demo.SyntheticScreenings;
import com.checkupflow.intake.IntakeService;
import com.checkupflow.process.ScreeningReportProcess.Vars;
import com.fasterxml.jackson.databind.ObjectMapper;

import ca.uhn.fhir.context.FhirContext;

/** With the offline template (the default provider) nothing is labelled as AI-generated, and the form says so. */
@CheckupFlowHttpTest
class TemplateReportLabelHttpTest {

    @LocalServerPort
    int port;
    @Autowired
    private com.checkupflow.physician.PhysicianProfiles physicians;

    @Autowired
    IntakeService intake;
    @Autowired
    TaskService taskService;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    FhirContext fhir;
    @Autowired
    ObjectMapper json;

    @Test
    void shouldNotLabelTheReportWhenTheTemplateDraftedIt() throws Exception {
        String bundle = new SyntheticScreenings(fhir).bundleJson("template-label-1", SyntheticScreenings.Profile.SUSPECT, 51);
        String id = intake.receive("gangnam", null, bundle.getBytes(StandardCharsets.UTF_8)).id();
        Task review = ReviewTasks.awaitReview(taskService, id);
        TestHttp http = new TestHttp(port);
        // the draft's origin is computed when the Tasklist reads the form (engine.ComputedFormVariables)
        Assertions.assertThat(json.readTree(http.get("physicianGangnam", "/engine-rest/task/" + review.getId()
                        + "/form-variables").body()).path(Vars.DRAFT_ORIGIN).path("value").asText())
                .startsWith("**템플릿 초안** (template-v").contains("AI가 작성하지 않았습니다");
        ReviewTasks.approveAsDrafted(taskService, review, "physicianGangnam");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM cf_screening WHERE id = ? AND report_html IS NOT NULL").param(id)
                .query(Long.class).single() == 1);

        String html = http.get("physicianGangnam", "/api/screenings/" + id + "/report.html").body();
        Assertions.assertThat(html).contains(physicians.signature("physicianGangnam", "ko")).doesNotContain("생성형", "Generative", "ai-notice\"");
        try (PDDocument pdf = Loader.loadPDF(http.getBytes("physicianGangnam", "/api/screenings/" + id + "/report.pdf").body())) {
            Assertions.assertThat(new PDFTextStripper().getText(pdf)).contains("판정의사").doesNotContain("생성형");
        }
        DiagnosticReport report = (DiagnosticReport) fhir.newJsonParser().parseResource(Bundle.class,
                http.get("physicianGangnam", "/api/screenings/" + id + "/fhir").body()).getEntryFirstRep().getResource();
        Assertions.assertThat(report.getExtensionByUrl(ReportFhirExporter.AI_EXTENSION)).isNull();
        Assertions.assertThat(report.getMeta().getSecurity()).isEmpty();
        Assertions.assertThat(jdbc.sql("SELECT COUNT(*) FROM cf_report_ai_use WHERE screening_id = ?").param(id)
                .query(Long.class).single()).isZero();
    }
}
