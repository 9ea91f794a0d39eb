package com.checkupflow;

import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.net.URI;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.checkupflow.demo.SyntheticScreenings;
import com.checkupflow.engine.ExternalTaskWorker;
import com.checkupflow.engine.RestExternalTasks;
import com.checkupflow.engine.WorkerProperties;
import com.fasterxml.jackson.databind.ObjectMapper;

import ca.uhn.fhir.context.FhirContext;

/**
 * An engine node with {@code checkupflow.workers.mode=remote} on a random port, and the {@code worker} profile's
 * application (no engine, no web server) in the same JVM on the same database, fetching, locking and completing the
 * draft over {@code /engine-rest} as the demo user {@code worker}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "checkupflow.demo.screenings=0",
        "spring.datasource.url=" + RemoteWorkerApplicationHttpTest.DATABASE,
        "camunda.bpm.job-execution.wait-time-in-millis=200",
        "camunda.bpm.job-execution.max-wait=1000",
        "checkupflow.delivery.outbox-dir=target/remote-worker-outbox",
        "checkupflow.crypto.master-key-file=" + RemoteWorkerApplicationHttpTest.MASTER_KEY,
        "checkupflow.workers.mode=remote"})
// Starts a second node and a worker application, whose engine and webapps share JVM-wide registries.
@OwnJvm
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RemoteWorkerApplicationHttpTest {

    static final String DATABASE = "jdbc:h2:mem:remote-worker-test;DB_CLOSE_DELAY=-1";
    static final String MASTER_KEY = "target/remote-worker-master-key.json";

    private static ConfigurableApplicationContext worker;

    @LocalServerPort
    int port;
    @Autowired
    FhirContext fhir;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ExternalTaskService externalTasks;
    @Autowired
    HistoryService history;
    @Autowired
    RuntimeService runtime;

    private TestHttp http;

    @BeforeEach
    void client() {
        http = new TestHttp(port);
    }

    @AfterAll
    static void stopWorker() {
        if (worker != null) {
            worker.close();
        }
    }

    private synchronized ConfigurableApplicationContext worker() {
        if (worker == null) {
            // As command-line arguments: SpringApplicationBuilder.properties() would lose to application.yaml.
            worker = new SpringApplicationBuilder(RemoteWorkerApplication.class).profiles(RemoteWorkerApplication.PROFILE)
                    .run("--spring.datasource.url=" + DATABASE, "--checkupflow.crypto.master-key-file=" + MASTER_KEY,
                            "--checkupflow.workers.engine-rest-url=http://localhost:" + port + "/engine-rest",
                            "--checkupflow.workers.password=" + TestHttp.PASSWORD, "--checkupflow.ai.poll-interval=PT0.2S");
        }
        return worker;
    }

    private ExternalTask awaitExternalTask(String screeningId) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> externalTask(screeningId), t -> t != null);
    }

    private ExternalTask externalTask(String screeningId) {
        ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(screeningId)
                .singleResult();
        return instance == null ? null
                : externalTasks.createExternalTaskQuery().processInstanceId(instance.getId()).singleResult();
    }

    private String post(String identifier) throws Exception {
        HttpResponse<String> created = http.post("integration", "/api/screenings?center=gangnam",
                "application/fhir+json", new SyntheticScreenings(fhir).bundleJson(identifier,
                        SyntheticScreenings.Profile.SUSPECT, 5));
        Assertions.assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json.readTree(created.body()).get("id").asText();
    }

    /** Before the worker application runs: a fetch that finds nothing waits on the node until a task is created. */
    @Test
    @Order(0)
    void shouldAnswerALongPollWhenATaskIsCreatedWhileItWaits() throws Exception {
        RestExternalTasks rest = new RestExternalTasks(new WorkerProperties(WorkerProperties.REMOTE,
                URI.create("http://localhost:" + port + "/engine-rest"), "worker", TestHttp.PASSWORD), json);
        List<LockedExternalTask> held = new java.util.ArrayList<>(
                rest.fetchAndLock("long-poll-test", List.of("draftDocument"), 100, 60_000, List.of()));
        try {
            CompletableFuture<List<LockedExternalTask>> waiting = CompletableFuture.supplyAsync(() ->
                    rest.fetchAndLock("long-poll-test", List.of("draftDocument"), 100, 60_000, List.of(), 30_000));
            String id = post("remote-worker-long-poll");

            List<LockedExternalTask> answered = waiting.get(20, TimeUnit.SECONDS);
            held.addAll(answered);
            Assertions.assertThat(answered).extracting(LockedExternalTask::getBusinessKey).contains(id);
        } finally {
            held.forEach(t -> rest.unlock(t.getId()));
        }
    }

    /** Before the worker application runs (it would take the task): the REST adapter alone, as the worker user. */
    @Test
    @Order(1)
    void shouldExtendFailAndUnlockOverRestWhenTheWorkerUserHoldsATask() throws Exception {
        String id = post("remote-worker-0");
        ExternalTask waiting = awaitExternalTask(id);
        RestExternalTasks rest = new RestExternalTasks(new WorkerProperties(WorkerProperties.REMOTE,
                URI.create("http://localhost:" + port + "/engine-rest"), "worker", TestHttp.PASSWORD), json);

        LockedExternalTask task = rest.fetchAndLock("rest-test", List.of("draftDocument"), 10, 5_000,
                List.of("screeningId", "draftRound"), true, 0).stream()
                .filter(t -> t.getId().equals(waiting.getId())).findFirst().orElseThrow();
        Assertions.assertThat(task.getBusinessKey()).isEqualTo(id);
        Assertions.assertThat(task.getVariables().get("screeningId")).isEqualTo(id);
        Assertions.assertThat(task.getExtensionProperties()).as("the step's settings, asked for")
                .containsEntry("documentKind", "report-summary").containsEntry("promptVersion", "v2")
                .containsEntry("documentLanguage", "");
        Date locked = externalTask(id).getLockExpirationTime();
        rest.extendLock(task.getId(), "rest-test", 120_000);
        Assertions.assertThat(externalTask(id).getLockExpirationTime()).isAfter(locked);
        rest.handleFailure(task.getId(), "rest-test", "model down", "stack", 2, 0);
        Assertions.assertThat(externalTask(id).getRetries()).isEqualTo(2);
        // another worker's task: the engine refuses, the adapter says so
        LockedExternalTask again = rest.fetchAndLock("rest-test", "draftDocument", 10, 60_000, List.of()).stream()
                .filter(t -> t.getId().equals(waiting.getId())).findFirst().orElseThrow();
        Assertions.assertThat(again.getExtensionProperties()).as("not asked for").isEmpty();
        Assertions.assertThatThrownBy(() -> rest.complete(again.getId(), "someone-else", Map.of()))
                .isInstanceOf(RestExternalTasks.EngineRestException.class);
        rest.unlock(again.getId());
        Assertions.assertThat(externalTask(id).getWorkerId()).isNull();
    }

    @Test
    @Order(3)
    void shouldDraftTheSummaryOverRestWhenAWorkerProcessServesTheTopic() throws Exception {
        String id = post("remote-worker-1");
        ExternalTask waiting = awaitExternalTask(id);
        // The node itself polls nothing in remote mode: the task waits, unlocked, for a worker process.
        Assertions.assertThat(waiting.getTopicName()).isEqualTo("draftDocument");
        Assertions.assertThat(waiting.getWorkerId()).isNull();

        ConfigurableApplicationContext remote = worker();
        Assertions.assertThat(remote.getBeanNamesForType(org.camunda.bpm.engine.ProcessEngine.class)).isEmpty();
        String workerId = remote.getBeansOfType(ExternalTaskWorker.class).values().stream()
                .filter(w -> w.topic().equals("draftDocument")).findFirst().orElseThrow().workerId();

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() ->
                json.readTree(http.get("physicianGangnam", "/api/screenings/" + id).body()).get("stage").asText()
                        .equals("REVIEW"));
        Assertions.assertThat(history.createHistoricExternalTaskLogQuery().successLog().workerId(workerId)
                .processInstanceId(waiting.getProcessInstanceId()).count()).isEqualTo(1);
        Assertions.assertThat(jdbc.sql("SELECT COUNT(*) FROM cf_draft WHERE screening_id = ?").param(id)
                .query(Long.class).single()).isEqualTo(1);
    }

    /** Before the worker application runs too, so that the screening's external task is still there to be seen. */
    @Test
    @Order(2)
    void shouldRefuseTheWorkerUserTheTasklistTheApiAndTheScreeningsTasks() throws Exception {
        String id = post("remote-worker-2");
        ExternalTask waiting = awaitExternalTask(id);

        Assertions.assertThatThrownBy(() -> WebappSession.logIn(port, "worker", "tasklist"))
                .hasMessageContaining("could not log in");
        Assertions.assertThatThrownBy(() -> WebappSession.logIn(port, "worker", "cockpit"))
                .hasMessageContaining("could not log in");
        Assertions.assertThat(http.get("worker", "/api/screenings/" + id).statusCode()).isEqualTo(403);
        Assertions.assertThat(http.get("worker", "/api/analytics/cycle-times").statusCode()).isEqualTo(403);
        // Only the external-task resources: no tasks, history, instances, variables or modifications.
        for (String path : List.of("/engine-rest/task", "/engine-rest/history/process-instance",
                "/engine-rest/process-instance", "/engine-rest/process-instance/" + waiting.getProcessInstanceId()
                        + "/variables")) {
            Assertions.assertThat(http.get("worker", path).statusCode()).as(path).isEqualTo(403);
        }
        Assertions.assertThat(http.get("physicianGangnam", "/engine-rest/task").statusCode())
                .as("other users keep the API").isEqualTo(200);
        Assertions.assertThat(json.readTree(http.get("worker", "/engine-rest/external-task?processInstanceId="
                + waiting.getProcessInstanceId())
                .body())).hasSize(1);
    }
}
