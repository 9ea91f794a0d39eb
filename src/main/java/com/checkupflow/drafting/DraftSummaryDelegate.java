package com.checkupflow.drafting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Draft report summary": one draft per round; the reviewer's note of the previous round is the feedback. */
@Component("draftSummaryDelegate")
class DraftSummaryDelegate implements JavaDelegate {

    private final DraftingService drafting;

    DraftSummaryDelegate(DraftingService drafting) {
        this.drafting = drafting;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int round = ((Number) execution.getVariable("draftRound")).intValue() + 1;
        Object note = round > 1 ? execution.getVariable("reviewNote") : null;
        DraftRepository.StoredDraft draft = drafting.draft(execution.getProcessBusinessKey(), round,
                note == null ? null : note.toString());
        execution.setVariable("draftRound", round);
        execution.setVariable("draftText", draft.text());
        execution.setVariable("finalText", draft.text());
        execution.setVariable("draftProvider", draft.fallback() ? draft.provider() + " (fallback)" : draft.provider());
    }
}
