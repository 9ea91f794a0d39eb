package com.checkupflow.engine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.cmd.JobRetryCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;

import com.checkupflow.privacy.PersonalDataScrubber;

/**
 * A failed job's message and stack trace go into the engine's tables and Cockpit's incident view: both are scrubbed
 * of personal data first, and so are the external tasks' failures ({@link ExternalTaskWorker}), so an incident says
 * what failed and where without the patient's identifiers.
 * <p>
 * A job that lost an optimistic-locking race (a parallel branch of the same screening changed it at the same moment,
 * e.g. both user tasks' listeners writing the same process variable) is not a failure of the step: it is unlocked and run
 * again at once, with its retries and due date untouched. The engine's own handling keeps the retries but applies the
 * step's retry cycle ({@code R3/PT1M}), so the screening waited a minute, plus up to the job acquisition's idle wait,
 * for nothing (the first screening after a start stayed in DRAFTING ~40–80 s beside the demo screenings). A job that
 * keeps losing ({@link #IMMEDIATE_RERUNS} times in a row on this node) gets the engine's handling, so a conflict that
 * recurs every time cannot spin a job (and its side effects) without pause.
 */
final class ScrubbedJobFailures implements FailedJobCommandFactory {

    static final int IMMEDIATE_RERUNS = 3;
    /** Bounds the memory of jobs that lost a race and then succeeded (their entries are never looked at again). */
    private static final int MAX_TRACKED_JOBS = 10_000;

    private final FailedJobCommandFactory delegate;
    private final Map<String, Integer> reruns = new ConcurrentHashMap<>();

    ScrubbedJobFailures(FailedJobCommandFactory delegate) {
        this.delegate = delegate;
    }

    @Override
    public Command<Object> getCommand(String jobId, Throwable exception) {
        if (exception instanceof OptimisticLockingException race) {
            if (reruns.size() > MAX_TRACKED_JOBS) {
                reruns.clear();
            }
            if (reruns.merge(jobId, 1, Integer::sum) <= IMMEDIATE_RERUNS) {
                return new RetryAtOnce(jobId, race);
            }
            reruns.remove(jobId);
            return delegate.getCommand(jobId, race);
        }
        return delegate.getCommand(jobId, ScrubbedFailure.of(exception));
    }

    /**
     * Unlocks the job and wakes the job acquisition. Leaves no exception on the job: the engine would take the next
     * real failure for a later one and not give the step its configured number of retries (the failure stays in the
     * job log).
     */
    static final class RetryAtOnce extends JobRetryCmd {

        private RetryAtOnce(String jobId, OptimisticLockingException race) {
            super(jobId, race);
        }

        @Override
        public Object execute(CommandContext commandContext) {
            JobEntity job = getJob();
            if (job != null) {
                job.unlock();
                notifyAcquisition(commandContext);
            }
            return null;
        }
    }

    /** The original exception's class, scrubbed message and stack frames, and the same for each cause. */
    static final class ScrubbedFailure extends RuntimeException {

        private final String originalClass;

        private ScrubbedFailure(Throwable original, ScrubbedFailure cause) {
            super(original.getMessage() == null ? null : PersonalDataScrubber.scrub(original.getMessage()), cause,
                    false, true);
            this.originalClass = original.getClass().getName();
            setStackTrace(original.getStackTrace());
        }

        static ScrubbedFailure of(Throwable original) {
            if (original instanceof ScrubbedFailure scrubbed) {
                return scrubbed;
            }
            Throwable cause = original.getCause();
            return new ScrubbedFailure(original, cause == null || cause == original ? null : of(cause));
        }

        /** As {@link Throwable#printStackTrace()} writes it: the original classes, scrubbed messages and frames. */
        String stackTrace() {
            StringWriter out = new StringWriter();
            printStackTrace(new PrintWriter(out));
            return out.toString();
        }

        @Override
        public String toString() {
            return getMessage() == null ? originalClass : originalClass + ": " + getMessage();
        }
    }
}
