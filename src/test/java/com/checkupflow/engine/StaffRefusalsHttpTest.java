package com.checkupflow.engine;

import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.checkupflow.CheckupFlowHttpTest;
import com.checkupflow.ReviewTasks;
import com.checkupflow.TestHttp;
import com.checkupflow.WebappSession;
import com.checkupflow.demo.SyntheticScreenings;
import com.checkupflow.intake.IntakeService;
import com.checkupflow.process.ScreeningReportProcess.Activities;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import ca.uhn.fhir.context.FhirContext;

/** A task listener's refusal of staff input: a 400 with its own Korean sentence, one log line, no stack. */
@CheckupFlowHttpTest
class StaffRefusalsHttpTest {

    private static final String INCOMPLETE_FORM = "{\"variables\":{\"contactNote\":{\"value\":\"메모만\",\"type\":\"String\"}}}";

    @LocalServerPort
    int port;
    @Autowired
    IntakeService intake;
    @Autowired
    TaskService taskService;
    @Autowired
    FhirContext fhir;

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    // logback-test.xml silences it for the tests that provoke failures on purpose; here it is what is tested
    private final Logger engineContext = (Logger) LoggerFactory.getLogger("org.camunda.bpm.engine.context");
    private Level engineContextLevel;

    @BeforeEach
    void listen() {
        engineContextLevel = engineContext.getLevel();
        engineContext.setLevel(Level.INFO);
        log.start();
        root.addAppender(log);
    }

    @AfterEach
    void stopListening() {
        root.detachAppender(log);
        engineContext.setLevel(engineContextLevel);
    }

    @Test
    void shouldAnswer400WithTheListenersSentenceInOneLineWhenTheTasklistSubmitsAnIncompleteForm() throws Exception {
        Task confirm = criticalTask("refusal-webapp-1");
        WebappSession tasklist = WebappSession.logIn(port, "physicianGangnam", "tasklist");

        HttpResponse<String> refused = tasklist.postJson(
                "/camunda/api/engine/engine/default/task/" + confirm.getId() + "/submit-form", INCOMPLETE_FORM);

        Assertions.assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        Assertions.assertThat(refused.body()).contains("연락 결과(연락됨/연락 안 됨)를 선택하세요.")
                .doesNotContain("ENGINE-").doesNotContain("TaskListener").doesNotContain("Exception while");
        Assertions.assertThat(taskService.createTaskQuery().taskId(confirm.getId()).count()).isEqualTo(1);
        assertOneQuietLine();
    }

    @Test
    void shouldAnswer400WithTheListenersSentenceWhenTheEngineRestCompletesAnIncompleteForm() throws Exception {
        Task confirm = criticalTask("refusal-rest-1");

        HttpResponse<String> refused = new TestHttp(port).post("physicianGangnam",
                "/engine-rest/task/" + confirm.getId() + "/complete", "application/json", INCOMPLETE_FORM);

        Assertions.assertThat(refused.statusCode()).isEqualTo(400);
        Assertions.assertThat(refused.body()).contains("\"type\":\"InputRefused\"")
                .contains("연락 결과(연락됨/연락 안 됨)를 선택하세요.").doesNotContain("ENGINE-");
        assertOneQuietLine();
    }

    @Test
    void shouldAnswer403WithoutAnErrorLogWhenAnotherCentersPhysicianCompletesATask() throws Exception {
        Task confirm = criticalTask("refusal-tenant-1");

        HttpResponse<String> refused = new TestHttp(port).post("physicianBusan",
                "/engine-rest/task/" + confirm.getId() + "/complete", "application/json", INCOMPLETE_FORM);

        Assertions.assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        Assertions.assertThat(taskService.createTaskQuery().taskId(confirm.getId()).count()).isEqualTo(1);
        Assertions.assertThat(List.copyOf(log.list)).as("a user's lack of rights is no failure of the application")
                .noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.WARN));
    }

    private void assertOneQuietLine() {
        List<ILoggingEvent> events = List.copyOf(log.list);
        Assertions.assertThat(events).noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.WARN)
                && e.getFormattedMessage().matches("(?s).*(ENGINE-16004|ENGINE-REST-HTTP500|ENGINE-03051).*"));
        Assertions.assertThat(events).filteredOn(e -> e.getLoggerName().equals(TenantRefusalExceptionMapper.class.getName()))
                .singleElement().satisfies(e -> {
                    Assertions.assertThat(e.getLevel()).isEqualTo(Level.INFO);
                    Assertions.assertThat(e.getThrowableProxy()).isNull();
                    Assertions.assertThat(e.getFormattedMessage()).contains("ConfirmCriticalResultListener")
                            .doesNotContain("연락");
                });
    }

    private Task criticalTask(String identifier) throws Exception {
        String bundle = new SyntheticScreenings(fhir).bundleJson(identifier, SyntheticScreenings.Profile.CRITICAL, 43);
        String id = intake.receive("gangnam", null, bundle.getBytes(StandardCharsets.UTF_8)).id();
        Task confirm = await().atMost(Duration.ofSeconds(30)).until(() -> taskService.createTaskQuery()
                .processInstanceBusinessKey(id).taskDefinitionKey(Activities.CONFIRM_CRITICAL_RESULT).singleResult(),
                Objects::nonNull);
        // the report branch runs in parallel: let it reach its review so no job of the instance races the request
        ReviewTasks.awaitReview(taskService, id);
        taskService.claim(confirm.getId(), "physicianGangnam");
        log.list.clear();
        return confirm;
    }
}
