package com.checkupflow.engine;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;

import com.checkupflow.privacy.PersonalDataScrubber;

/**
 * A failed job's message and stack trace go into the engine's tables and Cockpit's incident view: both are scrubbed
 * of personal data first, and so are the external tasks' failures ({@link ExternalTaskWorker}), so an incident says
 * what failed and where without the patient's identifiers. Optimistic-locking failures pass unchanged: the engine retries them without spending a retry.
 */
final class ScrubbedJobFailures implements FailedJobCommandFactory {

    private final FailedJobCommandFactory delegate;

    ScrubbedJobFailures(FailedJobCommandFactory delegate) {
        this.delegate = delegate;
    }

    @Override
    public Command<Object> getCommand(String jobId, Throwable exception) {
        return delegate.getCommand(jobId, exception instanceof OptimisticLockingException ? exception
                : ScrubbedFailure.of(exception));
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
