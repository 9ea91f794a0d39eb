package com.checkupflow;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

import com.checkupflow.process.ScreeningReportProcess.Activities;
import com.checkupflow.process.ScreeningReportProcess.Vars;

/** The physician's "Review report" step, as tests that run the whole application drive it. */
public final class ReviewTasks {

    private ReviewTasks() {
    }

    /** The screening's open review, once the workflow has drafted and checked the summary (within a minute). */
    public static Task awaitReview(TaskService tasks, String screeningId) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> tasks.createTaskQuery().processInstanceBusinessKey(screeningId)
                        .taskDefinitionKey(Activities.REVIEW_REPORT).singleResult(), Objects::nonNull);
    }

    /** The review that opened after the given one (e.g. after "Request changes" and the redraft). */
    public static Task awaitReviewAfter(TaskService tasks, String screeningId, String previousTaskId) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> tasks.createTaskQuery().processInstanceBusinessKey(screeningId)
                        .taskDefinitionKey(Activities.REVIEW_REPORT).singleResult(),
                        t -> Objects.nonNull(t) && !t.getId().equals(previousTaskId));
    }

    /** Claims the review for the physician and approves the draft as it stands. */
    public static void approveAsDrafted(TaskService tasks, Task review, String physician) {
        tasks.claim(review.getId(), physician);
        tasks.complete(review.getId(), Map.of(Vars.REVIEW_DECISION, "APPROVE",
                Vars.FINAL_TEXT, tasks.getVariable(review.getId(), Vars.FINAL_TEXT)));
    }
}
