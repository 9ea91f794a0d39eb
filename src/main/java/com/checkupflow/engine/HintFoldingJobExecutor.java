package com.checkupflow.engine;

import java.time.Duration;

import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.jobexecutor.AcquiredJobs;
import org.camunda.bpm.engine.impl.jobexecutor.BackoffJobAcquisitionStrategy;
import org.camunda.bpm.engine.impl.jobexecutor.JobAcquisitionContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobAcquisitionStrategy;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.SequentialJobAcquisitionRunnable;
import org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor;

/**
 * The Spring job executor with an acquisition that runs once per hint instead of twice, and once for the hints job
 * threads give while they run dry.
 * <p>
 * The engine's acquisition is woken by a hint: a transaction committed a due job (intake, the model worker's
 * completion, a review's), or a job thread ran out of work ({@code ExecuteJobsRunnable} hints unconditionally). Its
 * flag stays set through the acquisition the hint woke, so that acquisition is followed by a second one at once, which
 * finds nothing; and a job thread's hint during an acquisition starts another right after it. CheckupFlow's steps take
 * milliseconds (the bare engine's microseconds, whose hints mostly coincide), so that made 6.4 acquisitions per
 * screening for 4 jobs against the bare engine's 2.1 (a {@code SELECT} of due jobs and a commit each, half of them
 * finding nothing; docs/benchmarks.md section 12.2). Here:
 * <ul>
 *   <li>a committed job's hint wakes the acquisition at once, as the engine's, and is cleared for the acquisition it
 *       woke, which sees every job committed before the hint: no second, empty acquisition;</li>
 *   <li>a job thread's hint after an acquisition that found everything due (fewer jobs than it asked for) is acted
 *       on at the end of {@code window}, one acquisition for all the job threads that ran dry in it. Those hints
 *       announce no new job (a job a job thread creates in the same instance runs next on that thread; a due job of
 *       another instance, which no step of ours creates, would wait at most the window); in any other wait of the
 *       acquisition (a backlog, a full thread pool) they wake it at once, as the engine's.</li>
 * </ul>
 * A job committed outside the job threads waits for no window; one a job thread commits for another instance waits
 * at most the window. Jobs due without a hint (timers, retries) are found by the engine's idle wait,
 * which restarts at its first level after a hint as the engine's does.
 */
class HintFoldingJobExecutor extends SpringJobExecutor {

    private final Duration window;

    HintFoldingJobExecutor(Duration window) {
        this.window = window;
    }

    @Override
    protected void ensureInitialization() {
        super.ensureInitialization();
        acquireJobsRunnable = new Acquisition(this, window);
    }

    @Override
    public void jobWasAdded() {
        if (isActive && Context.getJobExecutorContext() != null && acquireJobsRunnable instanceof Acquisition folding) {
            folding.jobThreadRanDry();
        } else {
            super.jobWasAdded();
        }
    }

    static class Acquisition extends SequentialJobAcquisitionRunnable {

        private final long windowMillis;
        /** A job thread hinted since the last acquisition began. */
        private volatile boolean jobThreadHinted;
        /** The acquisition thread is in the window after an acquisition that found everything due. */
        private volatile boolean inWindow;
        /** The next acquisition runs for hints whose flag was cleared for it. */
        private boolean folded;

        Acquisition(JobExecutor jobExecutor, Duration window) {
            super(jobExecutor);
            this.windowMillis = window.toMillis();
        }

        void jobThreadRanDry() {
            jobThreadHinted = true;
            if (windowMillis == 0 || (!inWindow && isWaiting.get())) {
                jobWasAdded();
            }
        }

        @Override
        protected AcquiredJobs acquireJobs(JobAcquisitionContext context, JobAcquisitionStrategy strategy,
                                           ProcessEngineImpl engine) {
            jobThreadHinted = false;
            return super.acquireJobs(context, strategy, engine);
        }

        /** Runs between two acquisitions with the engine's wait ({@code 0} after a hint or a full acquisition). */
        @Override
        protected void suspendAcquisition(long millis) {
            JobAcquisitionContext last = acquisitionContext;
            long left = millis;
            if (windowMillis > 0 && millis > 0 && last.areAllEnginesIdle() && last.getAcquisitionException() == null) {
                inWindow = true;
                try {
                    waitUpTo(Math.min(windowMillis, millis));
                } finally {
                    inWindow = false;
                }
                if (wokenOrHinted()) {
                    return;
                }
                left = millis - windowMillis;
            }
            waitUpTo(left);
            wokenOrHinted();
        }

        /** The engine's wait: a committed job's hint ends it. */
        void waitUpTo(long millis) {
            super.suspendAcquisition(millis);
        }

        /** Whether the next acquisition runs for a hint; its flag is then cleared, the acquisition covers it. */
        private boolean wokenOrHinted() {
            if (isInterrupted) {
                return true;
            }
            if (isJobAdded || jobThreadHinted) {
                clearJobAddedNotification();
                folded = true;
                return true;
            }
            return false;
        }

        /**
         * The engine's idle wait (what finds due jobs nobody hinted) restarts at its first level after a hint; with
         * the hint's flag cleared for the acquisition it woke, that restart is made here: after such an acquisition
         * that found everything due, the first level ({@code wait-time-in-millis}), as the engine waits after the
         * empty acquisition that follows a hinted one.
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
