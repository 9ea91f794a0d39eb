package com.checkupflow.engine;

import java.time.Duration;

import org.camunda.bpm.engine.impl.jobexecutor.BackoffJobAcquisitionStrategy;
import org.camunda.bpm.engine.impl.jobexecutor.JobAcquisitionContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobAcquisitionStrategy;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.SequentialJobAcquisitionRunnable;
import org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor;

/**
 * The Spring job executor whose acquisition folds the hints of a busy moment into one acquisition.
 * <p>
 * The engine wakes its acquisition at once for every hint: a transaction outside a job thread committed a due job
 * (intake, the model worker's completion, the review's) or a job thread ran out of work. A hint that arrives while an
 * acquisition runs makes the next one start right after it. CheckupFlow's steps take milliseconds (the bare engine's
 * microseconds), so nearly every hint became an acquisition of its own: a {@code SELECT} of due jobs, an
 * {@code UPDATE} per job and a commit, 6.6 per screening for 4 jobs against the bare engine's 2 (docs/benchmarks.md
 * section 12.2). After an acquisition that found everything due (fewer jobs than it asked for), this one lets the
 * hints of the next {@code window} gather and then acquires once for all of them. A full acquisition (a backlog)
 * goes on at once, as before, and the first hint after a quiet spell ends the engine's idle wait at once: only a job
 * created within {@code window} of another acquisition waits, at most {@code window}.
 */
class HintFoldingJobExecutor extends SpringJobExecutor {

    /** How the acquisition thread waits out the window (a parameter for the tests). */
    interface Pause {
        void pause(Duration duration) throws InterruptedException;
    }

    private final Duration window;
    private final Pause pause;

    HintFoldingJobExecutor(Duration window) {
        this(window, d -> Thread.sleep(d.toMillis()));
    }

    HintFoldingJobExecutor(Duration window, Pause pause) {
        this.window = window;
        this.pause = pause;
    }

    @Override
    protected void ensureInitialization() {
        super.ensureInitialization();
        acquireJobsRunnable = new Acquisition(this, window, pause);
    }

    static class Acquisition extends SequentialJobAcquisitionRunnable {

        private final Duration window;
        private final Pause pause;
        /** The last acquisition ran for hints folded in its window (their flag was cleared for it). */
        private boolean folded;

        Acquisition(JobExecutor jobExecutor, Duration window, Pause pause) {
            super(jobExecutor);
            this.window = window;
            this.pause = pause;
        }

        /**
         * Runs between two acquisitions with the engine's wait ({@code 0} after a hint or a full acquisition). Hints
         * during the window only set the flag (the engine signals a waiting acquisition only), so they fold into the
         * next acquisition, which covers every job committed before it starts: the flag is cleared for it.
         */
        @Override
        protected void suspendAcquisition(long millis) {
            JobAcquisitionContext last = acquisitionContext;
            if (window.isZero() || !last.areAllEnginesIdle() || last.getAcquisitionException() != null) {
                super.suspendAcquisition(millis);
                return;
            }
            try {
                pause.pause(window);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (isJobAdded || isInterrupted) {
                clearJobAddedNotification();
                folded = true;
                return;
            }
            super.suspendAcquisition(millis - window.toMillis());
        }

        /**
         * The engine's idle wait (what finds due jobs nobody hinted, e.g. timers) restarts at its first level after a
         * hint; with the hint's flag cleared for the folded acquisition, that restart is made here: after a folded
         * acquisition that found everything due, the first level ({@code wait-time-in-millis}), as the engine waits
         * after the empty acquisition that follows a hinted one.
         */
        @Override
        protected JobAcquisitionStrategy initializeAcquisitionStrategy() {
            return new BackoffJobAcquisitionStrategy(jobExecutor) {
                @Override
                protected void reconfigureIdleLevel(JobAcquisitionContext context) {
                    super.reconfigureIdleLevel(context);
                    if (folded && idleLevel > 1) {
                        idleLevel = 1;
                    }
                    folded = false;
                }
            };
        }
    }
}
