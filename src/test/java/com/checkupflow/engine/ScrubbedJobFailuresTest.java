package com.checkupflow.engine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.assertj.core.api.Assertions;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultFailedJobCommandFactory;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

class ScrubbedJobFailuresTest {

    private final AtomicReference<Throwable> passedOn = new AtomicReference<>();
    private final ScrubbedJobFailures factory = new ScrubbedJobFailures((jobId, exception) -> {
        passedOn.set(exception);
        return context -> null;
    });

    @Test
    void shouldKeepClassAndFramesButNoPersonalDataWhenAJobFails() {
        IllegalStateException failure = new IllegalStateException("no report for 860821-2159382, phone 010-2345-6789",
                new IllegalArgumentException("mail to seoyeon.park@example.com refused"));

        factory.getCommand("job-1", failure);

        Throwable stored = passedOn.get();
        StringWriter trace = new StringWriter();
        stored.printStackTrace(new PrintWriter(trace));
        Assertions.assertThat(stored.getMessage()).isEqualTo("no report for [RRN], phone [PHONE]");
        Assertions.assertThat(trace.toString())
                .startsWith("java.lang.IllegalStateException: no report for [RRN], phone [PHONE]")
                .contains("Caused by: java.lang.IllegalArgumentException: mail to [EMAIL] refused",
                        "at com.checkupflow.engine.ScrubbedJobFailuresTest")
                .doesNotContain("860821", "2345-6789", "seoyeon");
    }

    @Test
    void shouldNotHandOptimisticLockingFailuresToTheRetryCycleWhenAJobLostARace() {
        factory.getCommand("job-2", new OptimisticLockingException("row changed"));

        Assertions.assertThat(passedOn.get()).isNull();
    }

    @Test
    void shouldHandAJobToTheRetryCycleWhenItKeepsLosingTheSameRace() {
        for (int i = 0; i < ScrubbedJobFailures.IMMEDIATE_RERUNS; i++) {
            factory.getCommand("job-3", new OptimisticLockingException("row changed"));
            Assertions.assertThat(passedOn.get()).as("rerun %d", i + 1).isNull();
        }

        OptimisticLockingException again = new OptimisticLockingException("row changed");
        factory.getCommand("job-3", again);

        Assertions.assertThat(passedOn.get()).isSameAs(again);
    }

    /** Throws an optimistic-locking failure the first time, as a job does whose screening a parallel branch changed. */
    public static class LosesTheFirstRace implements JavaDelegate {
        static final AtomicInteger calls = new AtomicInteger();

        @Override
        public void execute(DelegateExecution execution) {
            if (calls.incrementAndGet() == 1) {
                throw new OptimisticLockingException("INSERT VariableInstanceEntity failed: updated concurrently");
            }
        }
    }

    @Test
    void shouldRunAJobAgainAtOnceWithItsRetriesWhenItLostAnOptimisticLockingRace() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneInMemProcessEngineConfiguration()
                .setProcessEngineName("scrubbed-job-failures-test")
                .setJdbcUrl("jdbc:h2:mem:scrubbed-job-failures-test;DB_CLOSE_DELAY=-1")
                .setJobExecutorActivate(true)
                .setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        configuration.setHistoryTimeToLive("P1D");
        configuration.setFailedJobCommandFactory(new ScrubbedJobFailures(new DefaultFailedJobCommandFactory()));
        ProcessEngine engine = configuration.buildProcessEngine();
        try {
            // the retry cycle of the screening's async steps: the engine's own handling waits a minute before the rerun
            engine.getRepositoryService().createDeployment().addModelInstance("race.bpmn", Bpmn.createExecutableProcess("race")
                    .camundaHistoryTimeToLive(1)
                    .startEvent().serviceTask("step").camundaAsyncBefore().camundaClass(LosesTheFirstRace.class)
                    .camundaFailedJobRetryTimeCycle("R3/PT1M").endEvent().done()).deploy();
            LosesTheFirstRace.calls.set(0);

            ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("race");

            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> engine.getHistoryService()
                    .createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).finished().count() == 1);
            Assertions.assertThat(LosesTheFirstRace.calls).hasValue(2);
            Assertions.assertThat(engine.getHistoryService().createHistoricJobLogQuery().failureLog().count()).isEqualTo(1);
            Assertions.assertThat(engine.getHistoryService().createHistoricIncidentQuery().count()).isZero();
        } finally {
            engine.close();
        }
    }
}
