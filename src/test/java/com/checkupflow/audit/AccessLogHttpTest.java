package com.checkupflow.audit;

import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.checkupflow.CheckupFlowHttpTest;
import com.checkupflow.ReviewTasks;
import com.checkupflow.TestHttp;
import com.checkupflow.WebappSession;
import com.checkupflow.demo.SyntheticScreenings;
import com.checkupflow.intake.IntakeService;
import com.checkupflow.process.ReferralLetterProcess;
import com.checkupflow.process.ScreeningReportProcess.Activities;
import com.checkupflow.process.ScreeningReportProcess.Vars;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ca.uhn.fhir.context.FhirContext;

/**
 * One access-log row per read of personal data, endpoint by endpoint, over HTTP with the demo users; the export
 * for the privacy officer only. A Gangnam screening with a referral letter is issued once for the class, and a
 * second one waits at "Resolve invalid results" (the correction form).
 */
@CheckupFlowHttpTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessLogHttpTest {

    @LocalServerPort
    int port;
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

    TestHttp http;
    String issued;
    Task openReview;
    String inReview;
    Task correction;
    String toCorrect;

    @BeforeAll
    void screenings() throws Exception {
        http = new TestHttp(port);
        issued = receive(referredBundle(), "gangnam");
        ReviewTasks.approveAsDrafted(taskService, ReviewTasks.awaitReview(taskService, issued), "physicianGangnam");
        Task sign = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> taskService.createTaskQuery().processInstanceBusinessKey(issued)
                        .taskDefinitionKey(ReferralLetterProcess.Activities.SIGN_REFERRAL_LETTER).singleResult(), Objects::nonNull);
        taskService.claim(sign.getId(), "physicianGangnam");
        taskService.complete(sign.getId(), Map.of(ReferralLetterProcess.Vars.REFERRAL_TEXT, taskService.getVariable(sign.getId(), ReferralLetterProcess.Vars.REFERRAL_TEXT)));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM cf_referral WHERE screening_id = ? AND letter_html IS NOT NULL").param(issued)
                .query(Long.class).single() == 1);

        inReview = receive(new SyntheticScreenings(fhir).bundleJson("access-review-1", SyntheticScreenings.Profile.SUSPECT, 31),
                "gangnam");
        openReview = ReviewTasks.awaitReview(taskService, inReview);
        toCorrect = receive(new SyntheticScreenings(fhir).bundleJson("access-invalid-1",
                SyntheticScreenings.Profile.INVALID_ITEM, 32), "gangnam");
        correction = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> taskService.createTaskQuery().processInstanceBusinessKey(toCorrect)
                        .taskDefinitionKey(Activities.RESOLVE_INVALID_RESULTS).singleResult(), Objects::nonNull);
    }

    @Test
    void shouldLogOneRowWhenAPhysicianReadsTheScreening() throws Exception {
        assertOneRow(issued, "SCREENING", "physicianGangnam", "/api/screenings/" + issued, 200, "ALLOWED");
    }

    @Test
    void shouldLogOneRowWhenAPhysicianReadsTheReportHtml() throws Exception {
        assertOneRow(issued, "REPORT_HTML", "physicianGangnam", "/api/screenings/" + issued + "/report.html", 200, "ALLOWED");
    }

    @Test
    void shouldLogOneRowWhenACoordinatorReadsTheReportPdf() throws Exception {
        assertOneRow(issued, "REPORT_PDF", "coordinatorGangnam", "/api/screenings/" + issued + "/report.pdf", 200, "ALLOWED");
    }

    @Test
    void shouldLogOneRowWhenAManagerExportsFhir() throws Exception {
        assertOneRow(issued, "FHIR_EXPORT", "manager", "/api/screenings/" + issued + "/fhir", 200, "ALLOWED");
    }

    @Test
    void shouldLogOneRowWhenANurseReadsTheReferralPdf() throws Exception {
        assertOneRow(issued, "REFERRAL_PDF", "nurseGangnam", "/api/screenings/" + issued + "/referral.pdf", 200, "ALLOWED");
    }

    @Test
    void shouldLogADeniedRowWhenAnotherCentersPhysicianAsks() throws Exception {
        assertOneRow(issued, "REPORT_PDF", "physicianBusan", "/api/screenings/" + issued + "/report.pdf", 403, "DENIED");
        assertOneRow(issued, "REFERRAL_PDF", "physicianBusan", "/api/screenings/" + issued + "/referral.pdf", 403, "DENIED");
    }

    @Test
    void shouldLogADeniedRowWhenTheRoleMayNotReadScreenings() throws Exception {
        assertOneRow(issued, "SCREENING", "designer", "/api/screenings/" + issued, 403, "DENIED");
    }

    @Test
    void shouldLogOneRowWhenTheTasklistLoadsTheReviewForm() throws Exception {
        WebappSession tasklist = WebappSession.logIn(port, "physicianGangnam", "tasklist");
        long before = rows(inReview, "TASK_FORM", "physicianGangnam");

        HttpResponse<String> form = tasklist.get("/camunda/api/engine/engine/default/task/" + openReview.getId()
                + "/form-variables");

        Assertions.assertThat(form.statusCode()).isEqualTo(200);
        Assertions.assertThat(form.body()).contains(Vars.PATIENT_LABEL);
        Assertions.assertThat(rows(inReview, "TASK_FORM", "physicianGangnam")).isEqualTo(before + 1);
        JsonNode row = lastRow(inReview, "TASK_FORM", "physicianGangnam");
        Assertions.assertThat(row.get("resource").asText()).endsWith("(Activity_ReviewReport)");
        Assertions.assertThat(row.get("user_roles").asText()).isEqualTo("physician");
        Assertions.assertThat(row.get("user_centers").asText()).isEqualTo("gangnam");
    }

    @Test
    void shouldLogOneRowWhenEngineRestReadsTheReviewsVariables() throws Exception {
        assertOneRow(inReview, "TASK_VARIABLES", "physicianGangnam",
                "/engine-rest/task/" + openReview.getId() + "/variables", 200, "ALLOWED");
        assertOneRow(inReview, "TASK_FORM", "physicianGangnam",
                "/engine-rest/task/" + openReview.getId() + "/form-variables", 200, "ALLOWED");
    }

    @Test
    void shouldLogOneRowWhenANurseLoadsTheCorrectionForm() throws Exception {
        assertOneRow(toCorrect, "TASK_FORM", "nurseGangnam",
                "/engine-rest/task/" + correction.getId() + "/form-variables", 200, "ALLOWED");
        Assertions.assertThat(lastRow(toCorrect, "TASK_FORM", "nurseGangnam").get("resource").asText())
                .endsWith("(Activity_ResolveInvalidResults)");
    }

    @Test
    void shouldLogADeniedRowWhenAnotherCenterReadsProcessVariables() throws Exception {
        String instance = openReview.getProcessInstanceId();
        long before = rows(inReview, "PROCESS_VARIABLES", "physicianBusan");
        int status = http.get("physicianBusan", "/engine-rest/process-instance/" + instance + "/variables").statusCode();
        Assertions.assertThat(status).isNotEqualTo(200);
        Assertions.assertThat(rows(inReview, "PROCESS_VARIABLES", "physicianBusan")).isEqualTo(before + 1);
        Assertions.assertThat(lastRow(inReview, "PROCESS_VARIABLES", "physicianBusan").get("result").asText())
                .isEqualTo("DENIED");
    }

    @Test
    void shouldLogOneRowWhenAManagerExportsAnalyticsCsv() throws Exception {
        long before = rows(null, "ANALYTICS_CSV", "manager");
        Assertions.assertThat(http.get("manager", "/api/analytics/throughput.csv").statusCode()).isEqualTo(200);
        Assertions.assertThat(rows(null, "ANALYTICS_CSV", "manager")).isEqualTo(before + 1);
    }

    @Test
    void shouldExportTheAccessLogForThePrivacyOfficerOnly() throws Exception {
        http.get("physicianGangnam", "/api/screenings/" + issued);
        String today = LocalDate.now().toString();
        String query = "/api/audit/access?from=" + today + "&to=" + today;

        HttpResponse<String> export = http.get("privacyOfficer", query);
        Assertions.assertThat(export.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(export.body());
        Assertions.assertThat(body.get("count").asInt()).isEqualTo(body.get("rows").size()).isPositive();
        JsonNode row = body.get("rows").get(0);
        Assertions.assertThat(row.fieldNames()).toIterable().contains("userId", "userRoles", "userCenters",
                "accessedAt", "screeningId", "screeningCenter", "action", "resource", "clientAddress", "result", "hash");
        Assertions.assertThat(body.get("rows").findValuesAsText("screeningId")).contains(issued);

        HttpResponse<String> csv = http.get("privacyOfficer", query + "&format=csv");
        Assertions.assertThat(csv.statusCode()).isEqualTo(200);
        Assertions.assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> Assertions.assertThat(ct).startsWith("text/csv"));
        Assertions.assertThat(csv.body()).startsWith("\uFEFFseq,accessedAt,userId,userRoles").contains(issued);
        Assertions.assertThat(http.get("privacyOfficer", "/api/audit/access/verify").body()).contains("\"intact\":true");

        for (String other : List.of("manager", "admin", "physicianGangnam", "nurseGangnam", "designer", "integration")) {
            Assertions.assertThat(http.get(other, query).statusCode()).as(other).isEqualTo(403);
            Assertions.assertThat(http.get(other, "/api/audit/access/verify").statusCode()).as(other).isEqualTo(403);
        }
        Assertions.assertThat(http.get(null, query).statusCode()).isEqualTo(401);
        Assertions.assertThat(http.get("privacyOfficer", "/api/screenings/" + issued).statusCode()).isEqualTo(403);
        Assertions.assertThat(http.get("privacyOfficer", "/api/audit/access?from=" + today + "&to=2020-01-01")
                .statusCode()).isEqualTo(400);
    }

    private void assertOneRow(String screening, String action, String user, String path, int status, String result)
            throws Exception {
        long before = rows(screening, action, user);
        HttpResponse<byte[]> response = http.getBytes(user, path);
        Assertions.assertThat(response.statusCode()).as(path).isEqualTo(status);
        Assertions.assertThat(rows(screening, action, user)).as(action + " rows of " + user).isEqualTo(before + 1);
        JsonNode row = lastRow(screening, action, user);
        Assertions.assertThat(row.get("result").asText()).isEqualTo(result);
        Assertions.assertThat(row.get("http_status").asInt()).isEqualTo(status);
        Assertions.assertThat(row.get("screening_center").asText()).isEqualTo("gangnam");
        Assertions.assertThat(row.get("client_address").asText()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
        Assertions.assertThat(row.get("user_roles").asText()).isNotBlank();
        Assertions.assertThat(row.get("resource").asText()).startsWith("GET " + path);
        Assertions.assertThat(row.get("accessed_at").asText()).isNotBlank();
    }

    private long rows(String screening, String action, String user) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM cf_access_log WHERE action = ? AND user_id = ?
                AND (screening_id = ? OR (screening_id IS NULL AND CAST(? AS VARCHAR) IS NULL))""")
                .params(action, user, screening, screening).query(Long.class).single();
    }

    private JsonNode lastRow(String screening, String action, String user) {
        Map<String, Object> row = jdbc.sql("""
                SELECT * FROM cf_access_log WHERE screening_id = ? AND action = ? AND user_id = ?
                ORDER BY seq DESC FETCH FIRST 1 ROWS ONLY""").params(screening, action, user)
                .query((rs, n) -> {
                    Map<String, Object> m = new java.util.LinkedHashMap<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        m.put(rs.getMetaData().getColumnLabel(i).toLowerCase(), rs.getString(i));
                    }
                    return m;
                }).single();
        return json.valueToTree(row);
    }

    private String receive(String bundle, String center) {
        return intake.receive(center, null, bundle.getBytes(StandardCharsets.UTF_8)).id();
    }

    /** The first synthetic suspect screening with a 질환의심 unit that is referred by default (the dry run judges it). */
    private String referredBundle() throws Exception {
        SyntheticScreenings synthetic = new SyntheticScreenings(fhir);
        for (long seed = 100; seed < 400; seed++) {
            String candidate = synthetic.bundleJson("access-referral-" + seed, SyntheticScreenings.Profile.SUSPECT, seed);
            JsonNode units = json.readTree(http.post("designer", "/api/judgements", "application/fhir+json", candidate)
                    .body()).get("judgements");
            for (String unit : List.of("creatinine", "egfr", "urine_protein", "ast", "alt", "ggt", "hemoglobin")) {
                if (units.hasNonNull(unit) && "DISEASE_SUSPECT".equals(units.get(unit).path("category").asText())) {
                    return candidate;
                }
            }
        }
        throw new IllegalStateException("no synthetic screening to refer");
    }
}
