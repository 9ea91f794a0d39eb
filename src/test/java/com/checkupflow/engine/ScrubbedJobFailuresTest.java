package com.checkupflow.engine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicReference;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.OptimisticLockingException;
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
    void shouldPassOptimisticLockingFailuresUnchangedWhenAJobLostARace() {
        OptimisticLockingException race = new OptimisticLockingException("row changed");

        factory.getCommand("job-2", race);

        Assertions.assertThat(passedOn.get()).isSameAs(race);
    }
}
