package com.checkupflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.camunda.bpm.engine.impl.jobexecutor.AcquiredJobs;
import org.camunda.bpm.engine.impl.jobexecutor.JobAcquisitionContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobAcquisitionStrategy;
import org.junit.jupiter.api.Test;

class HintFoldingJobExecutorTest {

    private static final Duration WINDOW = Duration.ofMillis(100);

    private final List<Duration> pauses = new CopyOnWriteArrayList<>();
    private volatile Runnable duringPause = () -> { };

    private final HintFoldingJobExecutor executor = new HintFoldingJobExecutor(WINDOW, d -> {
        pauses.add(d);
        duringPause.run();
    });

    private HintFoldingJobExecutor.Acquisition acquisition() {
        executor.ensureInitialization();
        return (HintFoldingJobExecutor.Acquisition) executor.getAcquireJobsRunnable();
    }

    /** The last acquisition asked for 3 jobs and found {@code found}. */
    private static void lastAcquisitionFound(HintFoldingJobExecutor.Acquisition acquisition, int found) {
        JobAcquisitionContext context = acquisition.getAcquisitionContext();
        context.reset();
        AcquiredJobs jobs = new AcquiredJobs(3);
        for (int i = 0; i < found; i++) {
            jobs.addJobIdBatch("job-" + i);
        }
        context.submitAcquiredJobs("default", jobs);
    }

    @Test
    void shouldFoldTheHintsOfTheWindowIntoOneAcquisitionWhenTheLastOneFoundEverythingDue() {
        HintFoldingJobExecutor.Acquisition acquisition = acquisition();
        lastAcquisitionFound(acquisition, 1);
        duringPause = () -> {
            acquisition.jobWasAdded();
            acquisition.jobWasAdded();
        };

        acquisition.suspendAcquisition(5_000);

        // one window for both hints; the next acquisition covers them, so their flag does not start another after it
        assertThat(pauses).containsExactly(WINDOW);
        assertThat(acquisition.isJobAdded()).isFalse();
    }

    @Test
    void shouldAcquireAgainAtOnceWhenTheLastAcquisitionFoundAsManyJobsAsItAskedFor() {
        HintFoldingJobExecutor.Acquisition acquisition = acquisition();
        lastAcquisitionFound(acquisition, 3);
        acquisition.jobWasAdded();

        acquisition.suspendAcquisition(0);

        assertThat(pauses).isEmpty();
        assertThat(acquisition.isJobAdded()).isTrue();
    }

    @Test
    void shouldEndTheIdleWaitAtTheFirstHintAfterAQuietWindow() {
        HintFoldingJobExecutor.Acquisition acquisition = acquisition();
        lastAcquisitionFound(acquisition, 0);
        Thread waiting = new Thread(() -> acquisition.suspendAcquisition(600_000));
        waiting.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> waiting.getState() == Thread.State.TIMED_WAITING
                && !pauses.isEmpty());

        acquisition.jobWasAdded();

        await().atMost(Duration.ofSeconds(10)).until(() -> !waiting.isAlive());
        assertThat(pauses).containsExactly(WINDOW);
    }

    @Test
    void shouldRestartTheIdleWaitAtItsFirstLevelAfterAFoldedAcquisition() {
        executor.setWaitTimeInMillis(5_000);
        executor.setMaxWait(60_000);
        HintFoldingJobExecutor.Acquisition acquisition = acquisition();
        JobAcquisitionStrategy strategy = acquisition.initializeAcquisitionStrategy();
        lastAcquisitionFound(acquisition, 0);
        for (int i = 0; i < 3; i++) {
            strategy.reconfigure(acquisition.getAcquisitionContext());
        }
        assertThat(strategy.getWaitTime()).isEqualTo(20_000);
        duringPause = acquisition::jobWasAdded;
        acquisition.suspendAcquisition(20_000);

        lastAcquisitionFound(acquisition, 1);
        strategy.reconfigure(acquisition.getAcquisitionContext());

        // as the engine's own: a hint resets the ladder, the empty acquisition after it waits the first level
        assertThat(strategy.getWaitTime()).isEqualTo(5_000);
    }
}
