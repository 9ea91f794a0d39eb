package com.checkupflow.review;

import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.checkupflow.CheckupFlowHttpTest;
import com.checkupflow.ReviewTasks;
import com.checkupflow.TestHttp;
import com.checkupflow.demo.SyntheticScreenings;
import com.checkupflow.intake.IntakeService;
import com.checkupflow.process.ScreeningReportProcess.Activities;
import com.checkupflow.process.ScreeningReportProcess.Events;
import com.checkupflow.process.ScreeningReportProcess.Vars;
import com.fasterxml.jackson.databind.ObjectMapper;

import ca.uhn.fhir.context.FhirContext;

/**
 * A physician signing while the critical-result contact is still open needs "sign anyway" with a reason, also when
 * the contact was escalated to the head physicians, whose task the physician may not read.
 */
@CheckupFlowHttpTest
class CriticalContactSigningHttpTest {

    @LocalServerPort
    int port;
    @Autowired
    FhirContext fhir;
    @Autowired
    IntakeService intake;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService management;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectMapper json;

    @Test
    void shouldAskForAReasonWhenThePhysicianSignsWhileTheEscalatedContactIsOpen() throws Exception {
        String bundle = new SyntheticScreenings(fhir).bundleJson("critical-signing-1", SyntheticScreenings.Profile.CRITICAL, 43);
        String id = intake.receive("gangnam", null, bundle.getBytes(StandardCharsets.UTF_8)).id();
        Task review = ReviewTasks.awaitReview(taskService, id);
        Job overdue = await().atMost(Duration.ofSeconds(30)).until(() -> management.createJobQuery()
                .processInstanceId(review.getProcessInstanceId()).activityId(Events.CRITICAL_CONFIRMATION_OVERDUE)
                .singleResult(), Objects::nonNull);
        management.executeJob(overdue.getId());
        Assertions.assertThat(taskService.createTaskQuery().processInstanceBusinessKey(id)
                .taskDefinitionKey(Activities.CONFIRM_CRITICAL_RESULT_ESCALATED).count()).isOne();
        Assertions.assertThat(taskService.createTaskQuery().processInstanceBusinessKey(id)
                .taskDefinitionKey(Activities.CONFIRM_CRITICAL_RESULT).count()).isZero();
        TestHttp http = new TestHttp(port);

        HttpResponse<String> refused = http.post("physicianGangnam", "/api/screenings/" + id + "/review",
                "application/json", json.writeValueAsString(Map.of("decision", "APPROVE")));

        Assertions.assertThat(refused.statusCode()).as(refused.body()).isBetween(400, 499);
        Assertions.assertThat(refused.body()).contains("환자와 아직 연락되지 않았습니다");
        Assertions.assertThat(taskService.createTaskQuery().taskId(review.getId()).count()).as("the review stays open").isOne();

        HttpResponse<String> signed = http.post("physicianGangnam", "/api/screenings/" + id + "/review",
                "application/json", json.writeValueAsString(Map.of("decision", "APPROVE", Vars.SIGN_ANYWAY, true,
                        "reason", "세 번 통화 실패, 결과지로 내원 권고")));

        Assertions.assertThat(signed.statusCode()).as(signed.body()).isEqualTo(200);
        Assertions.assertThat(jdbc.sql("SELECT sign_anyway_reason FROM cf_review WHERE screening_id = ?").param(id)
                .query(String.class).single()).isEqualTo("세 번 통화 실패, 결과지로 내원 권고");
    }
}
