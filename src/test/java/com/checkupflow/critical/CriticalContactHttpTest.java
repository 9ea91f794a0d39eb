package com.checkupflow.critical;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.checkupflow.CheckupFlowHttpTest;
import com.checkupflow.ReviewTasks;
import com.checkupflow.TestHttp;
import com.checkupflow.center.CenterTime;
import com.checkupflow.demo.SyntheticScreenings;
import com.checkupflow.intake.IntakeService;
import com.checkupflow.process.ScreeningReportProcess.Activities;
import com.checkupflow.process.ScreeningReportProcess.Vars;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ca.uhn.fhir.context.FhirContext;

/** The outcome of a critical-result call is ours: kept in cf_critical_contact and shown by the screening API. */
@CheckupFlowHttpTest
class CriticalContactHttpTest {

    @LocalServerPort
    int port;
    @Autowired
    IntakeService intake;
    @Autowired
    TaskService taskService;
    @Autowired
    FhirContext fhir;
    @Autowired
    ObjectMapper json;

    @Test
    void shouldKeepEveryCallAndOpenTheNextAttemptWhenThePatientIsReachedOnlyOnTheSecondCall() throws Exception {
        String bundle = new SyntheticScreenings(fhir).bundleJson("critical-contact-1", SyntheticScreenings.Profile.CRITICAL, 41);
        String id = intake.receive("gangnam", null, bundle.getBytes(StandardCharsets.UTF_8)).id();
        Task confirm = await().atMost(Duration.ofSeconds(30)).until(() -> taskService.createTaskQuery()
                .processInstanceBusinessKey(id).taskDefinitionKey(Activities.CONFIRM_CRITICAL_RESULT).singleResult(),
                Objects::nonNull);
        Assertions.assertThat(confirm.getName()).startsWith("위험 결과 통보 – ").contains("강남센터");
        Assertions.assertThat(confirm.getDueDate()).isNotNull();
        Assertions.assertThat((String) taskService.getVariableLocal(confirm.getId(), Vars.CRITICAL_FACTS))
                .contains("수축기 혈압").contains("위험 기준: 180 mmHg 이상").contains("위험 기준: 300 mg/dL 이상")
                .contains("010-0000-").doesNotContain(">=")
                // Seoul time with its label whatever the server's zone (UTC on the build machines)
                .contains("통보 기한:** " + CenterTime.format(confirm.getDueDate().toInstant()) + "까지");
        // The report branch runs in parallel: let it reach its review first, so that no job of the same instance
        // races the completions below (an optimistic-locking failure, seen with a busy shared job executor).
        ReviewTasks.awaitReview(taskService, id);
        taskService.claim(confirm.getId(), "physicianGangnam");

        // "not reached" completes (no refusal, no toast in the Tasklist); the model opens the next attempt
        taskService.complete(confirm.getId(), Map.of(Vars.PATIENT_REACHED, "NOT_REACHED", Vars.CONTACT_NOTE, "부재중"));
        Task next = taskService.createTaskQuery().processInstanceBusinessKey(id)
                .taskDefinitionKey(Activities.CONFIRM_CRITICAL_RESULT).singleResult();
        Assertions.assertThat(next.getId()).isNotEqualTo(confirm.getId());
        Assertions.assertThat(next.getDueDate()).isEqualTo(confirm.getDueDate());
        Assertions.assertThat((String) taskService.getVariableLocal(next.getId(), Vars.CRITICAL_FACTS))
                .contains("지난 연락 시도:** 1회 연락 안 됨");
        taskService.claim(next.getId(), "physicianGangnam");
        taskService.complete(next.getId(), Map.of(Vars.PATIENT_REACHED, "REACHED", Vars.CONTACT_METHOD, "PHONE",
                Vars.CONTACT_NOTE, "내원 권고"));
        Assertions.assertThat(taskService.createTaskQuery().processInstanceBusinessKey(id)
                .taskDefinitionKey(Activities.CONFIRM_CRITICAL_RESULT).count()).isZero();

        JsonNode contacts = json.readTree(new TestHttp(port).get("physicianGangnam", "/api/screenings/" + id).body())
                .get("criticalContacts");
        Assertions.assertThat(contacts).hasSize(2);
        Assertions.assertThat(contacts.get(0).get("reached").asBoolean()).isFalse();
        Assertions.assertThat(contacts.get(0).get("note").asText()).isEqualTo("부재중");
        Assertions.assertThat(contacts.get(1).get("reached").asBoolean()).isTrue();
        Assertions.assertThat(contacts.get(1).get("method").asText()).isEqualTo("PHONE");
        Assertions.assertThat(contacts.get(1).get("contactedBy").asText()).isEqualTo("physicianGangnam");
        Assertions.assertThat(contacts.get(1).get("contactedAt").asText()).isNotBlank();
        Assertions.assertThat(contacts.toString()).doesNotContain("010-0000-");
    }

    @Test
    void shouldCreateTheContactTaskWithThePhoneWhenAnotherValueIsNotANumber() throws Exception {
        ObjectNode bundle = (ObjectNode) json.readTree(
                new SyntheticScreenings(fhir).bundleJson("critical-nan-1", SyntheticScreenings.Profile.CRITICAL, 41));
        for (JsonNode entry : bundle.get("entry")) {
            JsonNode resource = entry.get("resource");
            if (resource.path("code").toString().contains("\"1558-6\"")) {
                // intake marks the glucose invalid; a strict HAPI parser refuses the whole Bundle
                ((ObjectNode) resource.get("valueQuantity")).put("value", "abc");
            }
        }
        String id = intake.receive("gangnam", null, json.writeValueAsBytes(bundle)).id();
        Task confirm = await().atMost(Duration.ofSeconds(30)).until(() -> taskService.createTaskQuery()
                .processInstanceBusinessKey(id).taskDefinitionKey(Activities.CONFIRM_CRITICAL_RESULT).singleResult(),
                Objects::nonNull);
        Assertions.assertThat((String) taskService.getVariableLocal(confirm.getId(), Vars.CRITICAL_FACTS))
                .contains("수축기 혈압").contains("**연락처:** 010-0000-");
    }
}
