package com.checkupflow.review;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.checkupflow.process.ScreeningReportProcess.Activities;
import com.checkupflow.security.Roles;

/**
 * "Escalate review to head physicians" (after "Review overdue"): the open review stays where it is and the
 * center's head physicians become candidates too; the engine grants them the task, tenant checks keep it to the
 * screening's center.
 */
@Component("escalateReviewDelegate")
class EscalateReviewDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(EscalateReviewDelegate.class);

    private final String reviewTask;
    private final String what;

    EscalateReviewDelegate() {
        this(Activities.REVIEW_REPORT, "Review");
    }

    /** Escalates the open tasks of another review ({@code reviewTask}, its activity id), named {@code what} in the log. */
    EscalateReviewDelegate(String reviewTask, String what) {
        this.reviewTask = reviewTask;
        this.what = what;
    }

    @Override
    public void execute(DelegateExecution execution) {
        TaskService tasks = execution.getProcessEngineServices().getTaskService();
        for (Task review : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(reviewTask).list()) {
            boolean already = tasks.getIdentityLinksForTask(review.getId()).stream().anyMatch(l ->
                    IdentityLinkType.CANDIDATE.equals(l.getType()) && Roles.HEAD_PHYSICIAN.equals(l.getGroupId()));
            if (!already) {
                tasks.addCandidateGroup(review.getId(), Roles.HEAD_PHYSICIAN);
            }
            log.info("{} of screening {} is overdue; escalated to the center's head physicians", what,
                    execution.getProcessBusinessKey());
        }
    }
}
