package com.checkupflow.review;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start of "Review report": {@code reviewDueDate} = now + {@code reviewSla}, read by the task's
 * {@code camunda:dueDate}. The "Review overdue" timer runs on the same {@code reviewSla}.
 */
@Component("reviewDueDateListener")
class ReviewDueDateListener implements ExecutionListener {

    static final String SLA_VARIABLE = "reviewSla";
    static final String DUE_VARIABLE = "reviewDueDate";

    private final ReviewProperties properties;
    private final Clock clock;

    ReviewDueDateListener(ReviewProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Object sla = execution.getVariable(SLA_VARIABLE);
        Duration duration = sla == null ? properties.sla() : Duration.parse(sla.toString());
        execution.setVariable(DUE_VARIABLE, Date.from(clock.instant().plus(duration)));
    }
}
