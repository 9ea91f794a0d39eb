package com.checkupflow.review;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Taking the flow into "Review report" (before the task and its "Review overdue" timer exist): {@code reviewDueDate}
 * = now + {@code reviewSla} the first time, read by the task's {@code camunda:dueDate} and the timer's date. A review
 * reopened after "Request changes" keeps the first due date: the SLA counts from the first review, not per round.
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
        if (execution.getVariable(DUE_VARIABLE) != null) {
            return;
        }
        Object sla = execution.getVariable(SLA_VARIABLE);
        Duration duration = sla == null ? properties.sla() : Duration.parse(sla.toString());
        execution.setVariable(DUE_VARIABLE, Date.from(clock.instant().plus(duration)));
    }
}
