package com.checkupflow.review;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Review report": on create fills the form's read-only parts (patientLabelListener, before it, names the task);
 * on complete validates the decision, checks the text to sign and records both with the reviewer.
 */
@Component("reviewTaskListener")
class ReviewTaskListener implements TaskListener {

    private final ReviewService reviews;

    ReviewTaskListener(ReviewService reviews) {
        this.reviews = reviews;
    }

    @Override
    public void notify(DelegateTask task) {
        String screeningId = task.getExecution().getProcessBusinessKey();
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            ReviewService.ReviewContext context = reviews.context(screeningId);
            task.setVariable("judgementSummary", context.judgementTable());
            task.setVariable("overallSummary", context.overallSummary());
            int round = ((Number) task.getVariable("draftRound")).intValue();
            int max = ((Number) task.getVariable("maxRedraftRounds")).intValue();
            task.setVariable("redraftLimitMessage", round > max
                    ? "재작성 한도(" + max + "회)에 도달했습니다. 승인하거나 직접 작성하세요." : "");
            task.setVariable("reviewReopenedNote", reviews.reopenedNote(screeningId, round, str(task.getVariable("draftProvider"))));
            // A decision of the previous round must not be resubmitted by accident.
            task.removeVariable("reviewDecision");
            task.removeVariable("reviewNote");
            task.removeVariable("signAnyway");
            task.removeVariable("signAnywayReason");
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            reviews.record(screeningId, str(task.getVariable("reviewDecision")), str(task.getVariable("reviewNote")),
                    str(task.getVariable("finalText")), task.getAssignee(), str(task.getVariable("draftText")),
                    task.getVariable("draftRound") instanceof Number n ? n.intValue() : null,
                    Boolean.TRUE.equals(task.getVariable("signAnyway")), str(task.getVariable("signAnywayReason")));
        }
    }

    private static String str(Object value) {
        return value == null ? null : value.toString();
    }
}
