package com.checkupflow.intake;

import java.net.http.HttpResponse;

import org.assertj.core.api.Assertions;
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
import com.checkupflow.process.ScreeningReportProcess.Vars;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ca.uhn.fhir.context.FhirContext;

/**
 * Intake over HTTP for what a sender gets wrong about the screening as a whole: a known Bundle.identifier with other
 * content (409, nothing changed) and a birth date that is no date or lies in the future (400, nothing stored).
 */
@CheckupFlowHttpTest
class IntakeConflictHttpTest {

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

    private IntakeHttp http;

    @BeforeEach
    void client() {
        http = new IntakeHttp(port, json, fhir, jdbc);
    }

    private ObjectNode bundle(String identifier) throws Exception {
        return http.bundle(identifier);
    }

    private HttpResponse<String> intake(String center, String body) throws Exception {
        return http.intake(center, body);
    }

    private long screenings() {
        return http.screenings();
    }

    private String storedItems(String screeningId) {
        return String.join(",", jdbc.sql("SELECT item_key || '=' || COALESCE(item_value, '') || COALESCE(reported_value, '') "
                + "FROM cf_screening_item WHERE screening_id = ? ORDER BY item_key").param(screeningId)
                .query(String.class).list());
    }

    private JsonNode problem(HttpResponse<String> response, int status) throws Exception {
        return http.problem(response, status);
    }

    @Test
    void shouldAnswer409AndKeepTheFirstScreeningWhenTheIdentifierComesBackWithOtherContent() throws Exception {
        ObjectNode first = bundle("conflict-1");
        HttpResponse<String> created = intake("gangnam", first.toString());
        Assertions.assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json.readTree(created.body()).get("id").asText();
        String items = storedItems(id);
        long before = screenings();
        ObjectNode changed = first.deepCopy();
        ObjectNode quantity = (ObjectNode) changed.get("entry").get(1).get("resource").get("valueQuantity");
        quantity.put("value", quantity.get("value").decimalValue().add(java.math.BigDecimal.ONE));

        JsonNode korean = problem(intake("gangnam", changed.toString()), 409);
        JsonNode english = problem(http.intakeInEnglish("gangnam", changed.toString()), 409);
        JsonNode otherCenter = problem(intake("busan", first.toString()), 409);

        Assertions.assertThat(korean.get("problems").get(0).get("code").asText()).isEqualTo("identifier_conflict");
        Assertions.assertThat(korean.get("title").asText()).startsWith("이 Bundle.identifier는 이미 다른 내용으로 접수");
        Assertions.assertThat(korean.get("problems").get(0).get("detail").asText()).contains("수정 절차");
        Assertions.assertThat(english.get("title").asText()).contains("already received with other content");
        Assertions.assertThat(english.get("problems").get(0).get("detail").asText()).contains("correction workflow");
        Assertions.assertThat(otherCenter.toString()).doesNotContain(id);
        Assertions.assertThat(screenings()).isEqualTo(before);
        Assertions.assertThat(storedItems(id)).isEqualTo(items);
    }

    @Test
    void shouldAnswer200WithTheSameIdWhenTheSameContentComesBackFormattedOtherwise() throws Exception {
        ObjectNode first = bundle("conflict-2");
        HttpResponse<String> created = intake("gangnam", first.toString());
        Assertions.assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        HttpResponse<String> again = intake("gangnam", first.toPrettyString());

        Assertions.assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        Assertions.assertThat(json.readTree(again.body()).get("id").asText())
                .isEqualTo(json.readTree(created.body()).get("id").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1986-13-45", "2090-01-01", "2090"})
    void shouldAnswer400AndStoreNothingWhenTheBirthDateIsNoDateOrInTheFuture(String birthDate) throws Exception {
        ObjectNode bundle = bundle("birth-" + birthDate);
        ((ObjectNode) bundle.get("entry").get(0).get("resource")).put("birthDate", birthDate);
        long before = screenings();

        JsonNode korean = problem(intake("gangnam", bundle.toString()), 400);

        Assertions.assertThat(korean.get("problems").findValuesAsText("code")).contains("invalid_birth_date");
        Assertions.assertThat(korean.get("title").asText()).startsWith("환자의 생년월일이 올바르지 않습니다");
        Assertions.assertThat(korean.toString()).doesNotContain(birthDate);
        Assertions.assertThat(screenings()).isEqualTo(before);
    }

    @Test
    void shouldSayTheAgeIsUnknownInTheDraftAndTheTaskWhenTheBirthDateIsAbsent() throws Exception {
        ObjectNode bundle = bundle("birth-absent");
        ((ObjectNode) bundle.get("entry").get(0).get("resource")).remove("birthDate");

        HttpResponse<String> created = intake("gangnam", bundle.toString());

        Assertions.assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        Task review = ReviewTasks.awaitReview(taskService, json.readTree(created.body()).get("id").asText());
        Assertions.assertThat(review.getName()).contains("나이 미상").doesNotContain("?", "0세");
        Assertions.assertThat((String) taskService.getVariable(review.getId(), Vars.FINAL_TEXT))
                .contains("나이 미상").doesNotContain("만 0세", "만 -1세");
    }
}
