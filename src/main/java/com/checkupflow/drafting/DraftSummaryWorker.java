package com.checkupflow.drafting;

import com.checkupflow.ai.KindDrafter;
import com.checkupflow.ai.ModelUnavailableException;
import com.checkupflow.ai.PromptTemplates;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.checkupflow.engine.ExternalTaskWorker;
import com.checkupflow.engine.ExternalTasks;

/**
 * Works the external task topic {@value #TOPIC} ("Draft report summary", {@code Activity_DraftSummary}):
 * <ul>
 *   <li>a draft → complete with draftRound, draftText, finalText, draftProvider;</li>
 *   <li>the model unavailable (attempts exhausted, 401/403) → BPMN error {@value #ERROR_MODEL_UNAVAILABLE}:
 *       the boundary event leads to the offline template; no incident;</li>
 *   <li>anything else (e.g. the database) → a failure with one retry less; an incident when none are left.</li>
 * </ul>
 * At least once: a task redelivered after a lost completion finds its round's draft stored and completes
 * with it (no second model call, no second draft).
 */
@Component
class DraftSummaryWorker extends ExternalTaskWorker implements KindDrafter {

    static final String TOPIC = "draftSummary";
    /** errorCode of {@code Error_ModelUnavailable} in screening-report.bpmn. */
    static final String ERROR_MODEL_UNAVAILABLE = "MODEL_UNAVAILABLE";

    private static final Logger log = LoggerFactory.getLogger(DraftSummaryWorker.class);

    private final DraftingService drafting;

    DraftSummaryWorker(ExternalTasks externalTasks, DraftingService drafting,
                       ExternalTaskWorker.Settings modelWorkerSettings) {
        super(externalTasks, TOPIC, List.of("draftRound", "reviewNote", "screeningId"), modelWorkerSettings);
        this.drafting = drafting;
    }

    /** The drafter of the report summary kind's drafter ({@code documents/report-summary/kind.properties}). */
    @Override
    public String drafter() {
        return PromptTemplates.REPORT_SUMMARY_KIND;
    }

    @Override
    protected Outcome work(LockedExternalTask task) {
        String screeningId = task.getBusinessKey() != null ? task.getBusinessKey()
                : (String) task.getVariables().get("screeningId");
        int round = DraftVariables.nextRound(task.getVariables().get("draftRound"));
        try {
            String note = DraftVariables.reviewerNote(round, task.getVariables().get("reviewNote"));
            DraftRepository.StoredDraft draft = drafting.draft(screeningId, round, note);
            return new Complete(DraftVariables.of(draft, note));
        } catch (ModelUnavailableException e) {
            log.warn("Screening {} round {}: model unavailable ({}, {} attempt(s)); drafting with the template",
                    screeningId, round, e.kind(), e.attempts());
            return new BpmnError(ERROR_MODEL_UNAVAILABLE, e.getMessage(), Map.of("draftFallbackReason", e.kind()));
        }
    }
}
