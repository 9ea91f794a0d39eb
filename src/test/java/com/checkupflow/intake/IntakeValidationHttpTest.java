package com.checkupflow.intake;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.assertj.core.api.Assertions;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.checkupflow.CheckupFlowHttpTest;
import com.checkupflow.ReviewTasks;
import com.checkupflow.TestHttp;
import com.checkupflow.process.ScreeningReportProcess.Activities;
import com.checkupflow.process.ScreeningReportProcess.Vars;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ca.uhn.fhir.context.FhirContext;

/**
 * Intake over HTTP for what the QA trial found wrong about a sender's Bundle (trial4 H2, H3, H6, M3, M5, L7-L9):
 * two readings of one item, Observations about someone else, a huge number, no name, no sex, a Bundle.type the
 * contract does not allow, the same Bundle sent to another center, an unknown center, an unsupported media type.
 */
@CheckupFlowHttpTest
class IntakeValidationHttpTest {

    private static final String GLUCOSE = "1558-6";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectMapper json;
    @Autowired
    FhirContext fhir;
    @Autowired
    TaskService taskService;

    private IntakeHttp intake;
    private TestHttp http;

    @BeforeEach
    void client() {
        intake = new IntakeHttp(port, json, fhir, jdbc);
        http = intake.http();
    }

    private ObjectNode bundle(String identifier) throws Exception {
        return intake.bundle(identifier);
    }

    private static ObjectNode patient(ObjectNode bundle) {
        return (ObjectNode) bundle.get("entry").get(0).get("resource");
    }

    private static List<ObjectNode> observations(ObjectNode bundle, String loinc) {
        List<ObjectNode> found = new ArrayList<>();
        bundle.get("entry").forEach(e -> {
            JsonNode r = e.get("resource");
            if ("Observation".equals(r.path("resourceType").asText())
                    && (loinc == null || loinc.equals(r.path("code").path("coding").path(0).path("code").asText()))) {
                found.add((ObjectNode) r);
            }
        });
        return found;
    }

    private HttpResponse<String> intake(String center, String body) throws Exception {
        return intake.intake(center, body);
    }

    private String created(HttpResponse<String> response) throws Exception {
        Assertions.assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).get("id").asText();
    }

    private long screenings() {
        return intake.screenings();
    }

    private JsonNode problem(HttpResponse<String> response, int status) throws Exception {
        return intake.problem(response, status);
    }

    private JsonNode judgementItem(String screeningId, String item) throws Exception {
        HttpResponse<String> read = http.get("physicianGangnam", "/api/screenings/" + screeningId);
        Assertions.assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(
                () -> json.readTree(http.get("physicianGangnam", "/api/screenings/" + screeningId).body())
                        .path("judgement").path("items").path(item), JsonNode::isObject);
    }

    private Task awaitTask(String screeningId, String activity) {
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> taskService.createTaskQuery().processInstanceBusinessKey(screeningId)
                        .taskDefinitionKey(activity).singleResult(), t -> t != null);
    }

    @Test
    void shouldShowBothReadingsToTheNurseWhenTwoObservationsGiveOneItemDifferentValues() throws Exception {
        ObjectNode bundle = bundle("validation-conflict");
        ObjectNode glucose = observations(bundle, GLUCOSE).get(0);
        ((ObjectNode) glucose.get("valueQuantity")).put("value", 92);
        ObjectNode second = glucose.deepCopy();
        second.put("id", "second-glucose");
        ((ObjectNode) second.get("valueQuantity")).put("value", 300);
        ((com.fasterxml.jackson.databind.node.ArrayNode) bundle.get("entry")).addObject()
                .put("fullUrl", "urn:uuid:0b6f3c2a-0000-4000-8000-000000000300").set("resource", second);

        String id = created(intake("gangnam", bundle.toString()));

        JsonNode item = judgementItem(id, "fasting_glucose");
        Assertions.assertThat(item.get("status").asText()).isEqualTo("invalid");
        Assertions.assertThat(item.get("invalidReason").asText()).isEqualTo("conflicting_values");
        Assertions.assertThat(item.get("reportedValue").asText()).isEqualTo("92 mg/dL; 300 mg/dL");
        Task correction = awaitTask(id, Activities.RESOLVE_INVALID_RESULTS);
        Assertions.assertThat((String) taskService.getVariable(correction.getId(), Vars.INVALID_ITEMS_SUMMARY))
                .contains("공복혈당", "92 mg/dL; 300 mg/dL", "서로 다른 값으로 여러 번");
        Assertions.assertThat((String) taskService.getVariable(correction.getId(), Vars.INVALID_ITEM_KEYS))
                .contains(",fasting_glucose,");
    }

    @Test
    void shouldAnswer400AndStoreNothingWhenObservationsAreAboutAnotherPatient() throws Exception {
        ObjectNode bundle = bundle("validation-other-subject");
        observations(bundle, null).forEach(o -> ((ObjectNode) o.get("subject")).put("reference", "Patient/someone-else"));
        long before = screenings();

        JsonNode korean = problem(intake("gangnam", bundle.toString()), 400);

        Assertions.assertThat(korean.get("problems").findValuesAsText("code")).containsExactly("observation_subject_mismatch");
        Assertions.assertThat(korean.get("title").asText()).startsWith("다른 사람의 검사 결과가 들어 있습니다");
        Assertions.assertThat(korean.get("problems").get(0).get("detail").asText())
                .startsWith("subject가 이 Bundle의 Patient가 아닌 Observation이 있습니다")
                .contains("Observation " + observations(bundle, null).size() + "건: entry[1]")
                .doesNotContain("someone-else");
        Assertions.assertThat(screenings()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"99999999999999999999999", "1e308"})
    void shouldStoreTheScreeningWithTheItemImplausibleWhenAValueIsAHugeNumber(String number) throws Exception {
        String body = bundle("validation-huge-" + number).toString()
                .replaceFirst("(\"code\":\"" + GLUCOSE + "\".*?\"valueQuantity\":\\{\"value\":)[0-9.]+", "$1" + number);
        Assertions.assertThat(body).contains(number);

        String id = created(intake("gangnam", body));

        JsonNode item = judgementItem(id, "fasting_glucose");
        Assertions.assertThat(item.get("status").asText()).isEqualTo("invalid");
        Assertions.assertThat(item.get("invalidReason").asText()).isEqualTo("implausible_value");
        Assertions.assertThat((String) taskService.getVariable(awaitTask(id, Activities.RESOLVE_INVALID_RESULTS).getId(),
                Vars.INVALID_ITEMS_SUMMARY)).contains("사람에게서 나올 수 없는 값").doesNotContain("\"");
    }

    @Test
    void shouldLabelThePatientNameUnknownInTasksAndReportWhenThePatientHasNoName() throws Exception {
        ObjectNode bundle = bundle("validation-no-name");
        patient(bundle).remove("name");

        String id = created(intake("gangnam", bundle.toString()));

        Task review = ReviewTasks.awaitReview(taskService, id);
        Assertions.assertThat(review.getName()).contains("이름 없음").doesNotContain("null");
        ReviewTasks.approveAsDrafted(taskService, review, "physicianGangnam");
        HttpResponse<String> report = Awaitility.await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> http.get("physicianGangnam", "/api/screenings/" + id + "/report.html"),
                        r -> r.statusCode() == 200);
        Assertions.assertThat(report.body()).contains("이름 없음").doesNotContain(">null<");
    }

    @ParameterizedTest
    @ValueSource(strings = {"other", ""})
    void shouldTellThePhysicianTheSexTheRrnGivesWhenTheSexIsMissingOrOther(String gender) throws Exception {
        ObjectNode bundle = bundle("validation-sex-" + gender);
        boolean male = "male".equals(patient(bundle).get("gender").asText());
        if (gender.isEmpty()) {
            patient(bundle).remove("gender");
        } else {
            patient(bundle).put("gender", gender);
        }

        String id = created(intake("gangnam", bundle.toString()));

        Task review = ReviewTasks.awaitReview(taskService, id);
        Assertions.assertThat(review.getName()).contains("세 성별 미상,").doesNotContain("?");
        Assertions.assertThat(formText(review, Vars.PATIENT_PROBLEMS))
                .contains("성별이 male/female로 오지 않았습니다", "주민등록번호로는 " + (male ? "남성" : "여성"));
        JsonNode screening = json.readTree(http.get("physicianGangnam", "/api/screenings/" + id).body());
        Assertions.assertThat(screening.get("patient").get("problems").toString()).contains("\"sex_missing\"");
    }

    @Test
    void shouldShowNoPatientProblemsWhenThePatientIsConsistent() throws Exception {
        String id = created(intake("gangnam", bundle("validation-consistent").toString()));

        Task review = ReviewTasks.awaitReview(taskService, id);

        Assertions.assertThat(formText(review, Vars.PATIENT_PROBLEMS)).isEmpty();
    }

    /** A text of the review form as the Tasklist reads it (form-variables, where it is computed from the screening). */
    private String formText(Task review, String name) throws Exception {
        return json.readTree(http.get("physicianGangnam", "/engine-rest/task/" + review.getId() + "/form-variables")
                .body()).path(name).path("value").asText("");
    }

    @ParameterizedTest
    @ValueSource(strings = {"searchset", "document"})
    void shouldAnswer400WhenTheBundleTypeIsNotCollectionOrTransaction(String type) throws Exception {
        ObjectNode bundle = bundle("validation-type-" + type);
        bundle.put("type", type);
        long before = screenings();

        JsonNode korean = problem(intake("gangnam", bundle.toString()), 400);

        Assertions.assertThat(korean.get("problems").findValuesAsText("code")).containsExactly("bundle_type_not_allowed");
        Assertions.assertThat(korean.get("detail").asText()).isEqualTo(
                "Bundle.type은 collection 또는 transaction이어야 합니다 (보낸 값: " + type + ")");
        Assertions.assertThat(screenings()).isEqualTo(before);
    }

    @Test
    void shouldSayItWasReceivedForAnotherCenterWhenTheSameBundleGoesToASecondCenter() throws Exception {
        ObjectNode bundle = bundle("validation-other-center");
        String id = created(intake("gangnam", bundle.toString()));
        long before = screenings();

        JsonNode korean = problem(intake("busan", bundle.toPrettyString()), 409);
        JsonNode english = problem(intake.intakeInEnglish("busan", bundle.toString()), 409);
        ObjectNode changed = bundle.deepCopy();
        patient(changed).put("birthDate", "1960-01-01");
        JsonNode otherContent = problem(intake("busan", changed.toString()), 409);

        Assertions.assertThat(korean.get("problems").findValuesAsText("code")).containsExactly("identifier_other_center");
        Assertions.assertThat(korean.get("title").asText()).startsWith("이 Bundle.identifier는 이미 다른 센터로 접수되었습니다");
        Assertions.assertThat(korean.toString()).doesNotContain("다른 내용", id, "gangnam", "강남");
        Assertions.assertThat(english.get("title").asText()).contains("already received for another center");
        Assertions.assertThat(otherContent.get("problems").findValuesAsText("code")).containsExactly("identifier_conflict");
        Assertions.assertThat(screenings()).isEqualTo(before);
    }

    @Test
    void shouldNameTheValueAndTheCenterIdsWhenTheCenterIsUnknown() throws Exception {
        JsonNode korean = problem(intake("Gangnam", bundle("validation-center").toString()), 400);
        JsonNode english = problem(intake.intakeInEnglish("Gangnam", bundle("validation-center").toString()), 400);

        Assertions.assertThat(korean.get("detail").asText())
                .isEqualTo("없는 센터입니다 (보낸 값 \"Gangnam\"; 있는 센터: gwanghwamun, yeouido, gangnam, suwon, daegu, "
                        + "busan, gwangju, jeju)");
        Assertions.assertThat(english.get("detail").asText()).contains("'Gangnam'", "gangnam, suwon");
    }

    @Test
    void shouldCarryTheInstanceWhenTheMediaTypeIsNotSupported() throws Exception {
        JsonNode problem = problem(http.post("integration", "/api/screenings?center=gangnam", "text/plain",
                bundle("validation-media").toString()), 415);

        Assertions.assertThat(problem.get("instance").asText()).isEqualTo("/api/screenings");
        Assertions.assertThat(problem.get("problems").findValuesAsText("code")).containsExactly("unsupported_media_type");
    }
}
