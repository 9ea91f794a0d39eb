package com.checkupflow.engine;

import static org.awaitility.Awaitility.await;

import java.lang.reflect.InvocationTargetException;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.camunda.bpm.engine.externaltask.ExternalTaskQueryBuilder;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mockito;

import com.checkupflow.process.ReferralLetterProcess.Activities;
import com.checkupflow.process.ReferralLetterProcess.Topics;
import com.checkupflow.process.ReferralLetterProcess;
import com.checkupflow.process.ScreeningReportProcess.Vars;

/** The worker base on the engine, with referral-letter's external task as the topic and a work that waits. */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = "processes/referral-letter.bpmn")
class ExternalTaskWorkerTest {

    private static final String TOPIC = Topics.DRAFT_DOCUMENT;

    ProcessEngine processEngine;
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger fetchesRun = new AtomicInteger();
    private final List<HeldWorker> workers = new java.util.ArrayList<>();

    private final class HeldWorker extends ExternalTaskWorker {
        HeldWorker(Settings settings) {
            this(ExternalTasks.of(processEngine.getExternalTaskService()), settings);
        }

        HeldWorker(ExternalTasks externalTasks, Settings settings) {
            super(externalTasks, TOPIC, List.of(), settings);
        }

        @Override
        protected Outcome work(LockedExternalTask task) {
            // Completing creates "Sign referral letter" in this thread; Mocks are per thread.
            Mocks.register("patientLabelListener", (TaskListener) created -> { });
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            return new Complete(Map.of(ReferralLetterProcess.Vars.REFERRAL_TEXT, "letter"));
        }
    }

    /** Not in a {@code @BeforeEach}: the extension deploys the process just before the test method. */
    private void startReferrals() {
        for (int i = 0; i < 5; i++) {
            processEngine.getRuntimeService().startProcessInstanceByKey(ReferralLetterProcess.PROCESS_ID, "worker-" + i,
                    Map.of(Vars.REFERRAL_UNITS, "egfr", Vars.TASK_PRIORITY, 50));
        }
    }

    @AfterEach
    void stopWorkers() {
        release.countDown();
        workers.forEach(ExternalTaskWorker::stop);
        Mocks.reset();
    }

    private HeldWorker started(ExternalTaskWorker.Settings settings) {
        return started(new HeldWorker(settings));
    }

    private HeldWorker started(HeldWorker worker) {
        workers.add(worker);
        worker.start();
        return worker;
    }

    private long locked() {
        Date now = new Date();
        return tasks().list().stream().filter(t -> t.getLockExpirationTime() != null
                && t.getLockExpirationTime().after(now)).count();
    }

    private org.camunda.bpm.engine.externaltask.ExternalTaskQuery tasks() {
        return processEngine.getExternalTaskService().createExternalTaskQuery().topicName(TOPIC);
    }

    @Test
    void shouldHoldNoMoreTasksThanTheSharedSlotsWhenTwoWorkersShareThem() {
        startReferrals();
        ExternalTaskWorker.Settings shared = ExternalTaskWorker.Settings.of(2, Duration.ofMinutes(5),
                Duration.ofMillis(50), true);
        started(shared);
        started(shared);

        await().atMost(Duration.ofSeconds(10)).until(() -> locked() == 2);
        // No third task is locked while two are in hand (checked throughout, not after a fixed sleep).
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> locked() == 2);
        Assertions.assertThat(locked()).as("tasks locked while two are in hand").isEqualTo(2);

        release.countDown();
        await().atMost(Duration.ofSeconds(20)).until(() -> tasks().count() == 0);
        Assertions.assertThat(processEngine.getTaskService().createTaskQuery()
                .taskDefinitionKey(Activities.SIGN_REFERRAL_LETTER).count()).isEqualTo(5);
    }

    /**
     * The engine's service with its fetches counted: each is a transaction of its own. {@link #fetches} counts them
     * as they are asked for, {@link #fetchesRun} once their query has run and locked what it found.
     */
    private ExternalTaskService countingFetches() {
        ExternalTaskService service = Mockito.spy(processEngine.getExternalTaskService());
        Mockito.doAnswer(call -> {
            ExternalTaskQueryBuilder fetch = (ExternalTaskQueryBuilder) call.callRealMethod();
            return Mockito.mock(ExternalTaskQueryBuilder.class, Mockito.withSettings().defaultAnswer(inner -> {
                try {
                    return inner.getMethod().invoke(fetch, inner.getArguments());
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                } finally {
                    if (inner.getMethod().getName().equals("execute")) {
                        fetchesRun.incrementAndGet();
                    }
                }
            }));
        }).when(service).fetchAndLock(Mockito.anyInt(), Mockito.anyString());
        return service;
    }

    private static int fetches(ExternalTaskService service) {
        return Mockito.mockingDetails(service).getInvocations().stream()
                .filter(i -> i.getMethod().getName().equals("fetchAndLock") && i.getArguments().length == 2) // the others delegate
                .mapToInt(i -> 1).sum();
    }

    @Test
    void shouldFetchATaskAtOnceWhenItIsCreatedWhileTheIdleWorkerWaits() {
        ExternalTaskService service = countingFetches();
        // idle for a minute between fetches: only the engine's notice of the created task can bring it in time
        started(new HeldWorker(ExternalTasks.of(service), ExternalTaskWorker.Settings.of(2, Duration.ofMinutes(5),
                Duration.ofMinutes(1), true)));
        // the first fetch has run and found nothing (asked for is not enough: it might find the task created below)
        await().atMost(Duration.ofSeconds(10)).until(() -> fetchesRun.get() >= 1);

        processEngine.getRuntimeService().startProcessInstanceByKey(ReferralLetterProcess.PROCESS_ID, "worker-woken",
                Map.of(Vars.REFERRAL_UNITS, "egfr", Vars.TASK_PRIORITY, 50));

        await().atMost(Duration.ofSeconds(5)).until(() -> locked() == 1);
    }

    @Test
    void shouldFetchTheTasksCreatedWithinTheWindowTogetherWhenTheIdleWorkerIsWoken() {
        ExternalTaskService service = countingFetches();
        // a window long enough for the three starts below on a loaded machine
        started(new HeldWorker(ExternalTasks.of(service, true, Duration.ofSeconds(3)),
                ExternalTaskWorker.Settings.of(4, Duration.ofMinutes(5), Duration.ofMinutes(1), true)));
        // the first fetch has run and found nothing, and the worker waits: one asked for might still find a task
        // created below and be followed by a fetch for the rest
        await().atMost(Duration.ofSeconds(10)).until(() -> fetchesRun.get() >= 1);

        for (int i = 0; i < 3; i++) {
            processEngine.getRuntimeService().startProcessInstanceByKey(ReferralLetterProcess.PROCESS_ID,
                    "worker-burst-" + i, Map.of(Vars.REFERRAL_UNITS, "egfr", Vars.TASK_PRIORITY, 50));
        }

        await().atMost(Duration.ofSeconds(15)).until(() -> locked() == 3);
        // the first fetch found nothing; one more brought all three (one fetch per created task without the window)
        Assertions.assertThat(fetches(service)).isEqualTo(2);
    }

    @Test
    void shouldNotFetchAgainWhenItsLastFetchLeftNoTaskAndNoneWasCreatedSince() {
        processEngine.getRuntimeService().startProcessInstanceByKey(ReferralLetterProcess.PROCESS_ID, "worker-drained",
                Map.of(Vars.REFERRAL_UNITS, "egfr", Vars.TASK_PRIORITY, 50));
        ExternalTaskService service = countingFetches();
        started(new HeldWorker(ExternalTasks.of(service), ExternalTaskWorker.Settings.of(2, Duration.ofMinutes(5),
                Duration.ofMinutes(1), true)));
        await().atMost(Duration.ofSeconds(10)).until(() -> locked() == 1);
        release.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> tasks().count() == 0);

        // one fetch brought the only task; no empty fetch (an empty transaction) follows while nothing is created
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> fetches(service) == 1);
        Assertions.assertThat(fetches(service)).isEqualTo(1);
    }

    @Test
    void shouldUnlockTheTasksInProgressWithoutSpendingARetryWhenStopped() {
        startReferrals();
        HeldWorker worker = started(ExternalTaskWorker.Settings.of(2, Duration.ofMinutes(5), Duration.ofMillis(50), true));
        await().atMost(Duration.ofSeconds(10)).until(() -> locked() == 2);

        worker.stop();

        Assertions.assertThat(locked()).isZero();
        Assertions.assertThat(tasks().list()).extracting(ExternalTask::getRetries).containsOnlyNulls();
        Assertions.assertThat(processEngine.getRuntimeService().createIncidentQuery().count()).isZero();
    }

    @Test
    void shouldReportAScrubbedMessageAndTheStackWhenTheWorkFails() {
        processEngine.getRuntimeService().startProcessInstanceByKey(ReferralLetterProcess.PROCESS_ID, "worker-fail",
                Map.of(Vars.REFERRAL_UNITS, "egfr", Vars.TASK_PRIORITY, 50));
        ExternalTaskWorker failing = new ExternalTaskWorker(ExternalTasks.of(processEngine.getExternalTaskService()), TOPIC, List.of(),
                ExternalTaskWorker.Settings.of(1, Duration.ofMinutes(5), Duration.ofMillis(50), false)) {
            @Override
            protected Outcome work(LockedExternalTask task) {
                throw new IllegalStateException("no letter for 860821-2159382 (seoyeon.park@example.com, 010-2345-6789)");
            }
        };
        LockedExternalTask task = processEngine.getExternalTaskService().fetchAndLock(1, failing.workerId())
                .topic(TOPIC, 60_000).execute().get(0);
        // a worker logs under its own class's name
        ch.qos.logback.classic.Logger workerLog = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
                .getLogger(failing.getClass());
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logged =
                new ch.qos.logback.core.read.ListAppender<>();
        logged.start();
        workerLog.addAppender(logged);

        try {
            failing.handle(task);
        } finally {
            workerLog.detachAppender(logged);
        }

        ch.qos.logback.classic.spi.ILoggingEvent line = logged.list.stream()
                .filter(e -> e.getFormattedMessage().contains("failed")).findFirst().orElseThrow();
        Assertions.assertThat(line.getFormattedMessage()).contains("IllegalStateException: no letter for [RRN]")
                .doesNotContain("860821", "seoyeon", "2345");
        Assertions.assertThat(line.getThrowableProxy().getMessage()).startsWith("no letter for [RRN]")
                .doesNotContain("860821", "seoyeon", "2345");
        Assertions.assertThat(line.getThrowableProxy().getStackTraceElementProxyArray()).isNotEmpty();
        ExternalTask failed = tasks().singleResult();
        String details = processEngine.getExternalTaskService().getExternalTaskErrorDetails(failed.getId());
        Assertions.assertThat(failed.getErrorMessage()).startsWith("IllegalStateException: no letter for [RRN]")
                .contains("[EMAIL]", "[PHONE]").doesNotContain("860821", "seoyeon", "2345");
        Assertions.assertThat(details).contains("java.lang.IllegalStateException: no letter for [RRN]",
                        "at com.checkupflow.engine.ExternalTaskWorkerTest")
                .doesNotContain("860821", "seoyeon", "2345");
        Assertions.assertThat(failed.getRetries()).isEqualTo(ExternalTaskWorker.FAILURE_RETRIES - 1);
    }

    @Test
    void shouldLockForALeaseAndExtendItWhileTheWorkRunsWhenTheLockDurationIsLonger() {
        startReferrals();
        started(ExternalTaskWorker.Settings.of(1, Duration.ofMinutes(5), Duration.ofMillis(50), true));
        await().atMost(Duration.ofSeconds(10)).until(() -> locked() == 1);
        long first = lockExpiration();

        // A node that dies leaves its task for at most a lease, not for the whole lock duration (5 minutes here).
        Assertions.assertThat(first - System.currentTimeMillis())
                .isLessThanOrEqualTo(ExternalTaskWorker.LEASE.toMillis() + 1000);
        await().atMost(ExternalTaskWorker.LEASE).pollInterval(Duration.ofMillis(500))
                .until(() -> lockExpiration() > first + 5000);
    }

    private long lockExpiration() {
        return tasks().list().stream().filter(t -> t.getLockExpirationTime() != null)
                .mapToLong(t -> t.getLockExpirationTime().getTime()).max().orElse(0);
    }
}
