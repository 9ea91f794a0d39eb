package com.checkupflow.review;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import com.checkupflow.process.ScreeningReportProcess.Vars;

/**
 * Taking the flow into "Review report" (before the task and its "Review overdue" timer exist): {@code reviewDueDate}
 * = now + {@code reviewSla} the first time, read by the task's {@code camunda:dueDate} and the timer's date. A review
 * reopened after "Request changes" keeps the first due date: the SLA counts from the first review, not per round.
 */
@Component("reviewDueDateListener")
class ReviewDueDateListener implements ExecutionListener {

    private final ReviewProperties properties;
    private final Clock clock;

    ReviewDueDateListener(ReviewProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.getVariable(Vars.REVIEW_DUE_DATE) != null) {
            return;
        }
        Object sla = execution.getVariable(Vars.REVIEW_SLA);
        Duration duration = sla == null ? properties.sla() : Duration.parse(sla.toString());
        execution.setVariable(Vars.REVIEW_DUE_DATE, Date.from(clock.instant().plus(duration)));
    }
}
