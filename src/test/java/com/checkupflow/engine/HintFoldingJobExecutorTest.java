package com.checkupflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.jobexecutor.AcquiredJobs;
import org.camunda.bpm.engine.impl.jobexecutor.JobAcquisitionContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobAcquisitionStrategy;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.spring.boot.starter.configuration.impl.DefaultJobConfiguration;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.spring.boot.starter.property.JobExecutionProperty;
import org.junit.jupiter.api.Test;
import org.springframework.core.task.TaskExecutor;

/** The acquisition's waits between acquisitions, with the engine's wait recorded instead of waited. */
class HintFoldingJobExecutorTest {

    /**
     * Ours replaces the starter's job executor bean, so it must take every {@code camunda.bpm.job-execution} setting the
     * starter's takes: each setter of the properties gets its own value, and every value the two executors report must
     * be the same (a setting a starter upgrade adds and ours does not copy fails here).
     */
    @Test
    void shouldTakeEverySettingTheStartersExecutorTakesWhenBuiltFromTheSameProperties() throws Exception {
        CamundaBpmProperties camunda = new CamundaBpmProperties();
        JobExecutionProperty settings = camunda.getJobExecution();
        int distinct = 7;
        for (Method setter : JobExecutionProperty.class.getMethods()) {
            if (!setter.getName().startsWith("set") || setter.getParameterCount() != 1) {
                continue;
            }
            Class<?> type = setter.getParameterTypes()[0];
            distinct++;
            if (type == int.class || type == Integer.class) {
                setter.invoke(settings, distinct);
            } else if (type == long.class || type == Long.class) {
                setter.invoke(settings, distinct * 1000L);
            } else if (type == float.class || type == Float.class) {
                setter.invoke(settings, 1f + distinct / 10f);
            } else if (type == boolean.class || type == Boolean.class) {
                setter.invoke(settings, true);
            }
        }
        TaskExecutor tasks = Runnable::run;

        JobExecutor starters = DefaultJobConfiguration.JobConfiguration.jobExecutor(tasks, camunda);
        JobExecutor ours = new EngineConfiguration().hintFoldingJobExecutor(tasks, camunda, Duration.ofMillis(100));

        int compared = 0;
        for (Method getter : JobExecutor.class.getMethods()) {
            Class<?> type = getter.getReturnType();
            boolean value = type.isPrimitive() && type != void.class || Number.class.isAssignableFrom(type) || type == Boolean.class;
            // the hash code is an identity
            if (getter.getParameterCount() == 0 && value && !getter.getName().equals("hashCode")) {
                assertThat(getter.invoke(ours)).as(getter.getName()).isEqualTo(getter.invoke(starters));
                compared++;
            }
        }
        assertThat(compared).as("settings compared").isGreaterThanOrEqualTo(8);
    }

    private static final Duration WINDOW = Duration.ofMillis(100);

    private final HintFoldingJobExecutor executor = new HintFoldingJobExecutor(WINDOW);
    private final List<Long> waits = new ArrayList<>();
    private Runnable duringWait = () -> { };

    private final HintFoldingJobExecutor.Acquisition acquisition = new HintFoldingJobExecutor.Acquisition(executor, WINDOW) {
        @Override
        void waitUpTo(long millis) {
            if (millis > 0) {
                waits.add(millis);
                duringWait.run();
                duringWait = () -> { };
            }
        }
    };

    /** The last acquisition asked for 3 jobs and found {@code found}. */
    private void lastAcquisitionFound(int found) {
        JobAcquisitionContext context = acquisition.getAcquisitionContext();
        context.reset();
        AcquiredJobs jobs = new AcquiredJobs(3);
        for (int i = 0; i < found; i++) {
            jobs.addJobIdBatch("job-" + i);
        }
        context.submitAcquiredJobs("default", jobs);
    }

    @Test
    void shouldActOnTheJobThreadsHintsAtTheEndOfTheWindowWhenTheLastAcquisitionFoundEverythingDue() {
        lastAcquisitionFound(1);
        // two job threads ran dry while it acquired, a third in the window
        acquisition.jobThreadRanDry();
        acquisition.jobThreadRanDry();
        duringWait = acquisition::jobThreadRanDry;

        acquisition.suspendAcquisition(5_000);

        // one window, then one acquisition for all three; the engine would acquire at once after each
        assertThat(waits).containsExactly(100L);
        assertThat(acquisition.isJobAdded()).isFalse();
    }

    @Test
    void shouldWaitTheEnginesWholeIdleWaitWhenNoHintCame() {
        lastAcquisitionFound(0);

        acquisition.suspendAcquisition(5_000);

        assertThat(waits).containsExactly(100L, 4_900L);
    }

    @Test
    void shouldClearTheHintOfACommittedJobForTheAcquisitionItWakes() {
        lastAcquisitionFound(1);
        duringWait = acquisition::jobWasAdded; // intake, the model worker or a review committed a job

        acquisition.suspendAcquisition(5_000);

        // woken at once (the engine's wait ends on the hint); the acquisition it wakes covers the job, so no second,
        // empty one follows it as the engine's flag would make
        assertThat(waits).containsExactly(100L);
        assertThat(acquisition.isJobAdded()).isFalse();
    }

    @Test
    void shouldAcquireAgainAtOnceWhenTheLastAcquisitionFoundAsManyJobsAsItAskedFor() {
        lastAcquisitionFound(3);
        acquisition.jobThreadRanDry();

        acquisition.suspendAcquisition(0);

        assertThat(waits).isEmpty();
    }

    @Test
    void shouldRestartTheIdleWaitAtItsFirstLevelAfterAHintedAcquisition() {
        executor.setWaitTimeInMillis(5_000);
        executor.setMaxWait(60_000);
        HintFoldingJobExecutor.Acquisition fresh = new HintFoldingJobExecutor.Acquisition(executor, WINDOW) {
            @Override
            void waitUpTo(long millis) {
                jobWasAdded();
            }
        };
        JobAcquisitionStrategy strategy = fresh.initializeAcquisitionStrategy();
        JobAcquisitionContext context = fresh.getAcquisitionContext();
        context.submitAcquiredJobs("default", new AcquiredJobs(3));
        for (int i = 0; i < 3; i++) {
            strategy.reconfigure(context);
        }
        assertThat(strategy.getWaitTime()).isEqualTo(20_000);
        fresh.suspendAcquisition(20_000);

        strategy.reconfigure(context);

        // as the engine's: a hint resets the ladder, the empty acquisition after it waits the first level
        assertThat(strategy.getWaitTime()).isEqualTo(5_000);
    }
}
