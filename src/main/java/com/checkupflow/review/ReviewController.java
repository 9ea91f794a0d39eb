package com.checkupflow.review;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonAlias;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.checkupflow.kernel.InputRefused;
import com.checkupflow.process.ScreeningReportProcess.Activities;
import com.checkupflow.process.ScreeningReportProcess.Vars;
import com.checkupflow.screening.Screening;
import com.checkupflow.screening.ScreeningRepository;
import com.checkupflow.screening.ScreeningWorkflow;
import com.checkupflow.security.CenterAccess;
import com.checkupflow.security.CurrentUser;
import com.checkupflow.security.Roles;
import com.checkupflow.web.Problem;
import com.checkupflow.web.ProblemException;

/**
 * The review decision for integrated systems: the same decision as the Tasklist form, completing the open
 * "Review report" as the authenticated physician of the screening's center (claimed for them if unassigned). A text
 * to sign that fails the draft check answers 422 naming the findings, unless {@code signAnyway} with a {@code reason}.
 */
@RestController
class ReviewController {

    private final ScreeningRepository screenings;
    private final ScreeningWorkflow workflow;
    private final CenterAccess access;

    ReviewController(ScreeningRepository screenings, ScreeningWorkflow workflow, CenterAccess access) {
        this.screenings = screenings;
        this.workflow = workflow;
        this.access = access;
    }

    /**
     * {@code text}: the report text to sign (default: the draft as it stands); {@code note}: for REQUEST_CHANGES;
     * {@code signAnyway} and {@code reason}: sign although the check of the text has findings. The review form's
     * variable names ({@code finalText}, {@code reviewNote}, {@code signAnywayReason}) are understood too: an
     * integrator who sends them must not have the text silently ignored.
     */
    record ReviewRequest(String decision, @JsonAlias(Vars.FINAL_TEXT) String text, @JsonAlias(Vars.REVIEW_NOTE) String note,
                         Boolean signAnyway, @JsonAlias(Vars.SIGN_ANYWAY_REASON) String reason) {
    }

    @PostMapping(path = "/api/screenings/{id}/review", consumes = "application/json", produces = "application/json")
    Map<String, Object> review(@PathVariable String id, @RequestBody ReviewRequest request) {
        Screening s = screenings.find(id).orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND,
                "Screening not found", new Problem("screening_not_found", "No screening with id " + id)));
        CurrentUser user = access.requireAnyGroup(Roles.PHYSICIAN, Roles.HEAD_PHYSICIAN);
        access.requireCenter(s.center());
        String decision = request.decision();
        boolean writesManually = ReviewDecision.WRITE_MANUALLY.name().equals(decision);
        List<String> problems = ReviewService.problems(decision, request.note(), request.text(), writesManually);
        if (!problems.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "The review decision is incomplete",
                    problems.stream().map(p -> new Problem("review_incomplete", p)).toList());
        }
        ScreeningWorkflow.OpenTask task = workflow.openTask(id, Activities.REVIEW_REPORT).orElseThrow(() -> new ProblemException(
                HttpStatus.CONFLICT, "No open review", new Problem("no_open_review",
                        "The screening has no open review you may work on (stage " + s.stage() + ")",
                        Map.of("stage", String.valueOf(s.stage())))));
        if (task.assignee() == null) {
            workflow.claim(task.id(), user.id());
        } else if (!task.assignee().equals(user.id())) {
            throw claimedByAnother();
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put(Vars.REVIEW_DECISION, decision);
        variables.put(Vars.REVIEW_NOTE, request.note());
        if (request.text() != null) {
            variables.put(Vars.FINAL_TEXT, request.text());
        }
        variables.put(Vars.SIGN_ANYWAY, Boolean.TRUE.equals(request.signAnyway()));
        variables.put(Vars.SIGN_ANYWAY_REASON, request.reason());
        try {
            workflow.complete(task.id(), variables);
        } catch (RuntimeException e) {
            Optional<ReviewService.SignedTextRejected> rejected = cause(e, ReviewService.SignedTextRejected.class);
            if (rejected.isPresent()) {
                throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "The text to sign fails the draft check",
                        problems(rejected.get()));
            }
            if (cause(e, ReviewHeldByOther.class).isPresent()) {
                // handed over between the check above and the completion: the same conflict as that check's
                throw claimedByAnother();
            }
            // the listener's other refusals (an open critical-result contact without a reason...): bad input, nothing recorded
            throw cause(e, InputRefused.class).map(r -> new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY,
                    "The review decision is refused", new Problem("review_refused", r.getMessage()))).orElseThrow(() -> e);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("screeningId", id);
        answer.put("taskId", task.id());
        answer.put("decision", decision);
        answer.put("reviewer", user.id());
        return answer;
    }

    private static ProblemException claimedByAnother() {
        return new ProblemException(HttpStatus.CONFLICT, "Review claimed by someone else",
                new Problem("review_claimed", "The review is assigned to another physician"));
    }

    /** The engine reports a task listener's exception wrapped. */
    private static <T extends Throwable> Optional<T> cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }

    private static List<Problem> problems(ReviewService.SignedTextRejected r) {
        List<Problem> problems = new ArrayList<>(r.findings().stream()
                .map(f -> new Problem(f.type().toLowerCase(Locale.ROOT), f.detail())).toList());
        problems.add(new Problem("sign_anyway_required",
                "Correct the text, or repeat the decision with \"signAnyway\": true and a \"reason\""));
        return problems;
    }
}
