package com.checkupflow.review;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import com.checkupflow.process.ScreeningReportProcess.Vars;

/**
 * Taking the flow into "Review consultation summary" (before the task and its timers exist):
 * {@code consultationReviewDueDate} = now + {@code checkupflow.review.consultation-sla}, read by the task's
 * {@code camunda:dueDate} and "Consultation review overdue"; {@code consultationReviewExpiresAt} = now +
 * {@code consultation-expiry}, read by "Consultation review expired". Like the report review's
 * {@link ReviewDueDateListener}, but the consultation summary is reviewed once, so both are set every time.
 */
@Component("consultationReviewDueDateListener")
class ConsultationReviewDueDateListener implements ExecutionListener {

    private final ReviewProperties properties;
    private final Clock clock;

    ConsultationReviewDueDateListener(ReviewProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Instant now = clock.instant();
        execution.setVariable(Vars.CONSULTATION_REVIEW_DUE_DATE, Date.from(now.plus(properties.consultationSla())));
        execution.setVariable(Vars.CONSULTATION_REVIEW_EXPIRES_AT, Date.from(now.plus(properties.consultationExpiry())));
    }
}
