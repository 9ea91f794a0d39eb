package com.checkupflow.security;

import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.checkupflow.process.ScreeningReportProcess;
import com.checkupflow.CheckupFlowHttpTest;
import com.checkupflow.ReviewTasks;
import com.checkupflow.TestHttp;
import com.checkupflow.demo.SyntheticScreenings;
import com.checkupflow.intake.IntakeService;
import com.checkupflow.process.ScreeningReportProcess.Events;
import com.checkupflow.process.ScreeningReportProcess.Vars;
import com.checkupflow.screening.ScreeningRepository;
import com.checkupflow.screening.Stage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ca.uhn.fhir.context.FhirContext;

/**
 * Who may do what, over HTTP with the demo users, against {@code /api} and {@code /engine-rest} with authorization
 * and tenant checks on. One Gangnam and one Busan screening wait in review for the whole class.
 */
@CheckupFlowHttpTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixHttpTest {

    @LocalServerPort
    int port;
    @Autowired
    IntakeService intake;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    ScreeningRepository screenings;
    @Autowired
    FhirContext fhir;
    @Autowired
    ObjectMapper json;

    TestHttp http;
    String gangnam;
    Task gangnamReview;
    String busan;
    Task busanReview;

    @BeforeAll
    void screeningsInReview() {
        gangnam = receive("gangnam", "matrix-gangnam-1", 21);
        busan = receive("busan", "matrix-busan-1", 22);
        gangnamReview = ReviewTasks.awaitReview(taskService, gangnam);
        busanReview = ReviewTasks.awaitReview(taskService, busan);
    }

    @BeforeEach
    void client() {
        http = new TestHttp(port);
    }

    @Test
    void shouldAnswer401WhenAnonymous() throws Exception {
        Assertions.assertThat(http.get(null, "/engine-rest/task").statusCode()).isEqualTo(401);
        Assertions.assertThat(http.get(null, "/engine-rest/deployment").statusCode()).isEqualTo(401);
        HttpResponse<String> api = http.get(null, "/api/screenings/" + gangnam);
        Assertions.assertThat(api.statusCode()).isEqualTo(401);
        Assertions.assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> Assertions.assertThat(ct).startsWith("application/problem+json"));
        Assertions.assertThat(json.readTree(api.body()).get("status").asInt()).isEqualTo(401);
        Assertions.assertThat(http.post(null, "/api/screenings?center=gangnam", "application/fhir+json", "{}")
                .statusCode()).isEqualTo(401);
        Assertions.assertThat(http.post(null, "/api/judgements", "application/fhir+json", "{}").statusCode())
                .isEqualTo(401);
        Assertions.assertThat(http.get(null, "/actuator/health").statusCode()).isEqualTo(200);
        // Metrics (Prometheus export is off in tests, so /actuator/metrics stands for it) need a manager.
        Assertions.assertThat(http.get(null, "/actuator/metrics").statusCode()).isEqualTo(401);
        Assertions.assertThat(http.get("nurseGangnam", "/actuator/metrics").statusCode()).isEqualTo(403);
        Assertions.assertThat(http.get("manager", "/actuator/metrics").statusCode()).isEqualTo(200);
    }

    @Test
    void shouldAnswer401WhenUserIsUnknown() throws Exception {
        // An unknown user, not a wrong password: the engine would lock a real demo user out for a while.
        Assertions.assertThat(http.get("nobody", "/api/screenings/" + gangnam).statusCode()).isEqualTo(401);
        Assertions.assertThat(http.get("nobody", "/engine-rest/task").statusCode()).isEqualTo(401);
    }

    @Test
    void shouldListOnlyGangnamTasksWhenGangnamPhysicianQueriesEngineRest() throws Exception {
        JsonNode tasks = json.readTree(http.get("physicianGangnam", "/engine-rest/task?maxResults=1000").body());
        List<String> ids = new ArrayList<>();
        tasks.forEach(t -> {
            ids.add(t.get("id").asText());
            Assertions.assertThat(t.get("tenantId").asText()).isEqualTo("gangnam");
        });
        Assertions.assertThat(ids).contains(gangnamReview.getId()).doesNotContain(busanReview.getId());
    }

    @Test
    void shouldRefuseToHandAGangnamReviewToANurseOrABusanPhysicianWhenTheGangnamPhysicianAssignsIt() throws Exception {
        try {
            for (String other : List.of("nurseGangnam", "physicianBusan")) {
                HttpResponse<String> assign = http.post("physicianGangnam",
                        "/engine-rest/task/" + gangnamReview.getId() + "/assignee", "application/json",
                        "{\"userId\":\"" + other + "\"}");
                Assertions.assertThat(assign.statusCode()).as(other + ": " + assign.body()).isEqualTo(400);
                Assertions.assertThat(assign.body()).contains("이 센터의 검진의 또는 책임의사에게만");
                Assertions.assertThat(taskService.createTaskQuery().taskId(gangnamReview.getId()).singleResult()
                        .getAssignee()).isNull();
            }
            HttpResponse<String> own = http.post("physicianGangnam",
                    "/engine-rest/task/" + gangnamReview.getId() + "/assignee", "application/json",
                    "{\"userId\":\"headPhysicianGangnam\"}");
            Assertions.assertThat(own.statusCode()).as(own.body()).isEqualTo(204);
        } finally {
            taskService.setAssignee(gangnamReview.getId(), null);
        }
    }

    @Test
    void shouldShowManagersTasksAndInstancesButNoPatientDataWhenTheyReadVariables() throws Exception {
        Assertions.assertThat(json.readTree(http.get("manager", "/engine-rest/task?maxResults=1000").body()))
                .as("the overview of every center stays").isNotEmpty();
        for (String path : List.of("/engine-rest/variable-instance?maxResults=1000",
                "/engine-rest/history/variable-instance?maxResults=1000")) {
            HttpResponse<String> read = http.get("manager", path);
            Assertions.assertThat(read.statusCode()).as(path).isEqualTo(200);
            Assertions.assertThat(json.readTree(read.body())).as(path + ": no variable of any screening").isEmpty();
        }
        HttpResponse<String> form = http.get("manager", "/engine-rest/task/" + gangnamReview.getId() + "/form-variables");
        Assertions.assertThat(form.statusCode()).as(form.body()).isEqualTo(403);

        HttpResponse<String> physician = http.get("physicianGangnam",
                "/engine-rest/task/" + gangnamReview.getId() + "/form-variables");
        Assertions.assertThat(physician.statusCode()).as(physician.body()).isEqualTo(200);
        Assertions.assertThat(json.readTree(physician.body()).has(ScreeningReportProcess.Vars.DRAFT_TEXT))
                .as("a candidate reads the review's form").isTrue();
        HttpResponse<String> head = http.get("headPhysicianGangnam",
                "/engine-rest/task/" + gangnamReview.getId() + "/form-variables");
        Assertions.assertThat(head.statusCode()).as("the head physician follows the center's reviews").isEqualTo(200);
    }

    @Test
    void shouldNotLetGangnamPhysicianClaimOrCompleteBusanTask() throws Exception {
        HttpResponse<String> claim = http.post("physicianGangnam", "/engine-rest/task/" + busanReview.getId() + "/claim",
                "application/json", "{\"userId\":\"physicianGangnam\"}");
        // The tenant check refuses (ENGINE-13034 "belongs to no authenticated tenant"): 403, not Camunda's 500.
        Assertions.assertThat(claim.statusCode()).as(claim.body()).isEqualTo(403);
        Assertions.assertThat(claim.body()).contains("no authenticated tenant");
        HttpResponse<String> complete = http.post("physicianGangnam",
                "/engine-rest/task/" + busanReview.getId() + "/complete", "application/json", "{}");
        Assertions.assertThat(complete.statusCode()).as(complete.body()).isEqualTo(403);
        Assertions.assertThat(complete.body()).contains(busanReview.getId());
        Task still = taskService.createTaskQuery().taskId(busanReview.getId()).singleResult();
        Assertions.assertThat(still).isNotNull();
        Assertions.assertThat(still.getAssignee()).isNull();
    }

    @Test
    void shouldForbidOtherCenterWhenBusanPhysicianUsesGangnamScreening() throws Exception {
        HttpResponse<String> read = http.get("physicianBusan", "/api/screenings/" + gangnam);
        Assertions.assertThat(read.statusCode()).isEqualTo(403);
        Assertions.assertThat(json.readTree(read.body()).get("problems").get(0).get("code").asText())
                .isEqualTo("other_center");
        Assertions.assertThat(http.get("nurseBusan", "/api/screenings/" + gangnam + "/report.html").statusCode())
                .isEqualTo(403);
        Assertions.assertThat(review("physicianBusan", gangnam, "{\"decision\":\"APPROVE\"}").statusCode())
                .isEqualTo(403);
        Assertions.assertThat(http.get("physicianBusan", "/api/screenings/" + busan).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldNotLetNurseCompleteReview() throws Exception {
        HttpResponse<String> complete = http.post("nurseGangnam",
                "/engine-rest/task/" + gangnamReview.getId() + "/complete", "application/json", "{}");
        Assertions.assertThat(complete.statusCode()).isIn(403, 404);
        HttpResponse<String> api = review("nurseGangnam", gangnam, "{\"decision\":\"APPROVE\"}");
        Assertions.assertThat(api.statusCode()).isEqualTo(403);
        Assertions.assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> Assertions.assertThat(ct).startsWith("application/problem+json"));
        Assertions.assertThat(taskService.createTaskQuery().taskId(gangnamReview.getId()).count()).isEqualTo(1);
        Assertions.assertThat(http.get("nurseGangnam", "/api/screenings/" + gangnam).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldLetManagerReadEveryCenterButCompleteNoClinicalTask() throws Exception {
        Assertions.assertThat(http.get("manager", "/api/screenings/" + gangnam).statusCode()).isEqualTo(200);
        Assertions.assertThat(http.get("manager", "/api/screenings/" + busan).statusCode()).isEqualTo(200);
        JsonNode tasks = json.readTree(http.get("manager", "/engine-rest/task?maxResults=1000").body());
        List<String> ids = new ArrayList<>();
        tasks.forEach(t -> ids.add(t.get("id").asText()));
        Assertions.assertThat(ids).contains(gangnamReview.getId(), busanReview.getId());
        HttpResponse<String> complete = http.post("manager",
                "/engine-rest/task/" + gangnamReview.getId() + "/complete", "application/json", "{}");
        Assertions.assertThat(complete.statusCode()).isEqualTo(403);
        HttpResponse<String> claim = http.post("manager", "/engine-rest/task/" + busanReview.getId() + "/claim",
                "application/json", "{\"userId\":\"manager\"}");
        Assertions.assertThat(claim.statusCode()).isEqualTo(403);
        Assertions.assertThat(review("manager", gangnam, "{\"decision\":\"APPROVE\"}").statusCode()).isEqualTo(403);
        Assertions.assertThat(taskService.createTaskQuery().taskId(gangnamReview.getId()).singleResult().getAssignee())
                .isNull();
    }

    @Test
    void shouldLetDesignerDeployFromModelerButNotReadScreenings() throws Exception {
        String boundary = "----checkupflow-test";
        String bpmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" \
                xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_DesignerCheck" \
                targetNamespace="http://checkupflow.com/bpmn">
                  <bpmn:process id="designer-check" name="Designer check" isExecutable="true" \
                camunda:historyTimeToLive="P1D">
                    <bpmn:startEvent id="Event_Start" />
                  </bpmn:process>
                </bpmn:definitions>
                """;
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        part(body, boundary, "deployment-name", null, "designer-check");
        part(body, boundary, "deployment-source", null, "Camunda Modeler");
        part(body, boundary, "designer-check.bpmn", "designer-check.bpmn", bpmn);
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> deployed = http.postBytes("designer", "/engine-rest/deployment/create",
                "multipart/form-data; boundary=" + boundary, body.toByteArray());
        Assertions.assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
        Assertions.assertThat(json.readTree(deployed.body()).get("deployedProcessDefinitions").size()).isEqualTo(1);

        Assertions.assertThat(http.get("designer", "/api/screenings/" + gangnam).statusCode()).isEqualTo(403);
        Assertions.assertThat(json.readTree(http.get("designer", "/engine-rest/task?maxResults=1000").body())).isEmpty();
        Assertions.assertThat(json.readTree(http.get("designer", "/engine-rest/process-instance").body())).isEmpty();
        Assertions.assertThat(anonymousDeployment(boundary, bpmn)).isEqualTo(401);
        Assertions.assertThat(http.postBytes("nurseGangnam", "/engine-rest/deployment/create",
                "multipart/form-data; boundary=" + boundary, body.toByteArray()).statusCode()).isEqualTo(403);
    }

    @Test
    void shouldLetOnlyIntegrationPostScreeningsAndOnlyDesignersAndPhysiciansDryRun() throws Exception {
        String bundle = new SyntheticScreenings(fhir).bundleJson("matrix-roles-1", SyntheticScreenings.Profile.HEALTHY, 23);
        Assertions.assertThat(http.post("physicianGangnam", "/api/screenings?center=gangnam", "application/fhir+json",
                bundle).statusCode()).isEqualTo(403);
        Assertions.assertThat(http.post("manager", "/api/screenings?center=gangnam", "application/fhir+json",
                bundle).statusCode()).isEqualTo(403);
        Assertions.assertThat(http.post("nurseGangnam", "/api/judgements", "application/fhir+json", bundle)
                .statusCode()).isEqualTo(403);
        Assertions.assertThat(http.post("physicianGangnam", "/api/judgements", "application/fhir+json", bundle)
                .statusCode()).isEqualTo(200);
        Assertions.assertThat(http.post("admin", "/api/judgements", "application/fhir+json", bundle)
                .statusCode()).isEqualTo(200);
    }

    @Test
    void shouldLetAdministratorUseEveryEndpoint() throws Exception {
        Assertions.assertThat(http.get("admin", "/api/screenings/" + gangnam).statusCode()).isEqualTo(200);
        Assertions.assertThat(http.get("admin", "/api/screenings/" + busan).statusCode()).isEqualTo(200);
        JsonNode tasks = json.readTree(http.get("admin", "/engine-rest/task?maxResults=1000").body());
        List<String> ids = new ArrayList<>();
        tasks.forEach(t -> ids.add(t.get("id").asText()));
        Assertions.assertThat(ids).contains(gangnamReview.getId(), busanReview.getId());
        Assertions.assertThat(http.get("admin", "/engine-rest/authorization/count").statusCode()).isEqualTo(200);
    }

    @Test
    void shouldShowAnalyticsOnlyToManagersAndAdministrators() throws Exception {
        for (String path : List.of("/dashboard", "/api/analytics/cycle-times", "/api/analytics/dashboard",
                "/api/analytics/activity-durations")) {
            Assertions.assertThat(http.get(null, path).statusCode()).as("anonymous %s", path).isEqualTo(401);
            Assertions.assertThat(http.get("nurseGangnam", path).statusCode()).as("nurse %s", path).isEqualTo(403);
            Assertions.assertThat(http.get("physicianGangnam", path).statusCode()).as("physician %s", path).isEqualTo(403);
            Assertions.assertThat(http.get("manager", path).statusCode()).as("manager %s", path).isEqualTo(200);
            Assertions.assertThat(http.get("admin", path).statusCode()).as("admin %s", path).isEqualTo(200);
        }
        Assertions.assertThat(http.get("nurseGangnam", "/api/analytics/cycle-times").headers().firstValue("Content-Type"))
                .hasValueSatisfying(ct -> Assertions.assertThat(ct).startsWith("application/problem+json"));
    }

    @Test
    void shouldOfferRoleFiltersInTasklist() throws Exception {
        Assertions.assertThat(filterNames("physicianGangnam"))
                .contains("내 업무 (위험 먼저)", "센터 결과지 검토 (위험·의심 먼저)", "위험 결과 통보 (위험 먼저)", "기한 초과");
        // nurses make critical-result calls too: their own work, the contacts, corrections and what is overdue
        Assertions.assertThat(filterNames("nurseGangnam")).containsExactlyInAnyOrder("내 업무 (위험 먼저)",
                "위험 결과 통보 (위험 먼저)", "결과 정정·전달 문제", "기한 초과");
        Assertions.assertThat(filterNames("designer")).isEmpty();
    }

    @Test
    void shouldCompleteReviewAsPhysicianWhenDecisionIsPostedOverApi() throws Exception {
        String id = receive("gangnam", "matrix-review-api-1", 24);
        Task task = ReviewTasks.awaitReview(taskService, id);
        Assertions.assertThat(task.getDueDate()).isCloseTo(
                java.util.Date.from(task.getCreateTime().toInstant().plus(Duration.ofHours(48))), 5_000);

        HttpResponse<String> noNote = review("physicianGangnam", id, "{\"decision\":\"REQUEST_CHANGES\"}");
        Assertions.assertThat(noNote.statusCode()).isEqualTo(400);
        Assertions.assertThat(json.readTree(noNote.body()).get("problems").get(0).get("code").asText())
                .isEqualTo("review_incomplete");
        Assertions.assertThat(review("physicianGangnam", id, "{\"decision\":\"MAYBE\"}").statusCode()).isEqualTo(400);

        String draft = (String) taskService.getVariable(task.getId(), Vars.FINAL_TEXT);
        String signed = draft + "\n\nAPI 추가 소견: 6개월 후 재검.";
        HttpResponse<String> approved = review("physicianGangnam", id,
                json.writeValueAsString(java.util.Map.of("decision", "APPROVE", "text", signed)));
        Assertions.assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        Assertions.assertThat(json.readTree(approved.body()).get("reviewer").asText()).isEqualTo("physicianGangnam");

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                // issued, and possibly delivered already by the time of the first look
                .until(() -> screenings.find(id).orElseThrow().stage(), s -> s == Stage.ISSUED || s == Stage.DELIVERED);
        JsonNode view = json.readTree(http.get("physicianGangnam", "/api/screenings/" + id).body());
        Assertions.assertThat(view.get("issuedBy").asText()).isEqualTo("physicianGangnam");
        Assertions.assertThat(view.get("review").get("signedText").asText()).isEqualTo(signed);
        Assertions.assertThat(view.get("review").get("diff").asText()).contains("+ API 추가 소견: 6개월 후 재검.");
        Assertions.assertThat(view.get("review").get("editRatio").decimalValue()).isPositive();

        HttpResponse<String> again = review("physicianGangnam", id, "{\"decision\":\"APPROVE\"}");
        Assertions.assertThat(again.statusCode()).isEqualTo(409);
    }

    @Test
    void shouldAddCenterHeadPhysiciansWhenReviewIsOverdue() throws Exception {
        String id = receive("gangnam", "matrix-overdue-1", 25);
        Task task = ReviewTasks.awaitReview(taskService, id);
        // head physicians follow their center's reviews (read only) and become candidates once one is overdue
        Assertions.assertThat(taskIds("headPhysicianGangnam")).contains(task.getId());
        Assertions.assertThat(taskService.getIdentityLinksForTask(task.getId()))
                .extracting(IdentityLink::getGroupId).doesNotContain("headPhysician");

        Job overdue = managementService.createJobQuery().processInstanceId(task.getProcessInstanceId())
                .activityId(Events.REVIEW_OVERDUE).singleResult();
        Assertions.assertThat(overdue).isNotNull();
        Assertions.assertThat(overdue.getDuedate()).isCloseTo(task.getDueDate(), 5_000);
        managementService.executeJob(overdue.getId());

        Assertions.assertThat(taskService.getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId)
                .contains("physician", "headPhysician");
        Assertions.assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
        Assertions.assertThat(taskIds("headPhysicianGangnam")).contains(task.getId());
        Assertions.assertThat(taskIds("headPhysicianBusan")).doesNotContain(task.getId());
    }

    private List<String> taskIds(String user) throws IOException, InterruptedException {
        List<String> ids = new ArrayList<>();
        json.readTree(http.get(user, "/engine-rest/task?maxResults=1000").body()).forEach(t -> ids.add(t.get("id").asText()));
        return ids;
    }

    private List<String> filterNames(String user) throws IOException, InterruptedException {
        List<String> names = new ArrayList<>();
        json.readTree(http.get(user, "/engine-rest/filter").body()).forEach(f -> names.add(f.get("name").asText()));
        return names;
    }

    private int anonymousDeployment(String boundary, String bpmn) throws IOException, InterruptedException {
        return http.postBytes(null, "/engine-rest/deployment/create", "multipart/form-data; boundary=" + boundary,
                bpmn.getBytes(StandardCharsets.UTF_8)).statusCode();
    }

    private HttpResponse<String> review(String user, String screeningId, String body)
            throws IOException, InterruptedException {
        return http.post(user, "/api/screenings/" + screeningId + "/review", "application/json", body);
    }

    private static void part(ByteArrayOutputStream out, String boundary, String name, String filename, String content)
            throws IOException {
        out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                + (filename == null ? "" : "; filename=\"" + filename + "\"") + "\r\n"
                + (filename == null ? "" : "Content-Type: application/octet-stream\r\n") + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.write(content.getBytes(StandardCharsets.UTF_8));
        out.write("\r\n".getBytes(StandardCharsets.UTF_8));
    }

    private String receive(String center, String identifier, long seed) {
        String bundle = new SyntheticScreenings(fhir).bundleJson(identifier, SyntheticScreenings.Profile.SUSPECT, seed);
        return intake.receive(center, null, bundle.getBytes(StandardCharsets.UTF_8)).id();
    }
}
