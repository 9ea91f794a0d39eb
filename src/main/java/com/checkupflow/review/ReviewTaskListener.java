package com.checkupflow.review;

import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import com.checkupflow.engine.ActiveActivities;
import com.checkupflow.engine.CompletingUser;
import com.checkupflow.kernel.InputRefused;
import com.checkupflow.process.ScreeningReportProcess.Activities;
import com.checkupflow.process.ScreeningReportProcess.Vars;
import com.checkupflow.screening.WorkflowSettings;
import com.checkupflow.security.Roles;

/**
 * "Review report": on create sets the form's notes that depend on the process (the redraft limit, an open
 * critical-result contact, a reopened review), only when there is something to say (patientLabelListener, before it,
 * names the task; the judgement beside the draft comes from {@link ReviewFormTexts} when the form is read);
 * on complete validates the decision, checks the text to sign and records both with the reviewer. The reviewer is
 * the user completing it, who must hold it and be a physician or head physician: the hand-over grant (TASK_ASSIGN)
 * also lets a physician assign the task or add candidates, and none of that may get a report signed by someone else.
 * On assignment by a user, the new assignee must be a physician or head physician of the task's center.
 */
@Component("reviewTaskListener")
class ReviewTaskListener implements TaskListener {

    /** The contact's user tasks: one of them is active while the patient has not been reached. */
    private static final Set<String> CRITICAL_CONTACTS = Set.of(Activities.CONFIRM_CRITICAL_RESULT,
            Activities.CONFIRM_CRITICAL_RESULT_ESCALATED);

    private final ReviewService reviews;
    private final WorkflowSettings settings;

    ReviewTaskListener(ReviewService reviews, WorkflowSettings settings) {
        this.reviews = reviews;
        this.settings = settings;
    }

    @Override
    public void notify(DelegateTask task) {
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            String screeningId = task.getExecution().getProcessBusinessKey();
            // the judgement beside the draft is read from the screening when the form is read (ReviewFormTexts)
            int round = ((Number) task.getVariable(Vars.DRAFT_ROUND)).intValue();
            // instances started while the limit was copied into each of them keep their copy (their gateway reads it)
            int max = task.getVariable(Vars.MAX_REDRAFT_ROUNDS) instanceof Number copy ? copy.intValue()
                    : settings.getMaxRedraftRounds();
            shown(task, Vars.REDRAFT_LIMIT_MESSAGE, round > max
                    ? "재작성 한도(" + max + "회)에 도달했습니다. 승인하거나 직접 작성하세요." : "");
            shown(task, Vars.CRITICAL_CONTACT_OPEN_MESSAGE, criticalContactOpen(task)
                    ? TaskNames.text("review.criticalContactOpen", reviews.patientLabel(screeningId).language()) : "");
            shown(task, Vars.REVIEW_REOPENED_NOTE, reviews.reopenedNote(screeningId, round));
            // A decision of the previous round must not be resubmitted by accident.
            task.removeVariable(Vars.REVIEW_DECISION);
            task.removeVariable(Vars.REVIEW_NOTE);
            task.removeVariable(Vars.SIGN_ANYWAY);
            task.removeVariable(Vars.SIGN_ANYWAY_REASON);
        } else if (EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
            // The hand-over grant (TASK_ASSIGN) names any user: a review must land with someone who may sign it, at
            // the screening's center, or it waits with a nurse or another center's physician who can never finish it.
            String assignee = task.getAssignee();
            if (assignee != null && CompletingUser.authenticated(task) != null
                    && !(CompletingUser.memberOfAny(task, assignee, Roles.PHYSICIAN, Roles.HEAD_PHYSICIAN)
                    && CompletingUser.memberOfTaskTenant(task, assignee))) {
                throw new InputRefused(TaskNames.text("refusal.reviewAssigneeNotPhysician", "ko"));
            }
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            String screeningId = task.getExecution().getProcessBusinessKey();
            String reviewer = task.getAssignee();
            String current = CompletingUser.authenticated(task);
            if (current != null) {
                if (reviewer != null && !reviewer.equals(current)) {
                    throw new ReviewHeldByOther(TaskNames.text("refusal.reviewHeldByOther", "ko"));
                }
                if (!CompletingUser.memberOfAny(task, current, Roles.PHYSICIAN, Roles.HEAD_PHYSICIAN)) {
                    throw new InputRefused(TaskNames.text("refusal.reviewNotPhysician", "ko"));
                }
                reviewer = current;
            }
            reviews.record(screeningId, str(task.getVariable(Vars.REVIEW_DECISION)), str(task.getVariable(Vars.REVIEW_NOTE)),
                    str(task.getVariable(Vars.FINAL_TEXT)), reviewer, str(task.getVariable(Vars.DRAFT_TEXT)),
                    task.getVariable(Vars.DRAFT_ROUND) instanceof Number n ? n.intValue() : null,
                    Boolean.TRUE.equals(task.getVariable(Vars.SIGN_ANYWAY)), str(task.getVariable(Vars.SIGN_ANYWAY_REASON)),
                    criticalContactOpen(task));
        }
    }

    /**
     * A critical-result contact of this screening is still open: the patient has not been reached (a reached contact
     * completes its task). Asked again on completion, as the contact may have ended since the form opened.
     */
    private static boolean criticalContactOpen(DelegateTask task) {
        return ActiveActivities.anyOf(task, CRITICAL_CONTACTS);
    }

    /**
     * A text the form shows only when it is not empty (its {@code hide} reads null and "" alike): an empty one is no
     * variable at all, and a reopened review drops the previous round's.
     */
    private static void shown(DelegateTask task, String name, String text) {
        if (text == null || text.isEmpty()) {
            task.removeVariable(name);
        } else {
            task.setVariable(name, text);
        }
    }

    private static String str(Object value) {
        return value == null ? null : value.toString();
    }
}
