package com.checkupflow.drafting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Draft with offline template": reached through the boundary error {@code Error_ModelUnavailable} of
 * "Draft report summary"; stores the template's draft of the round, marked {@code fallback=true}.
 */
@Component("draftWithTemplateDelegate")
class DraftWithTemplateDelegate implements JavaDelegate {

    private final DraftingService drafting;

    DraftWithTemplateDelegate(DraftingService drafting) {
        this.drafting = drafting;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int round = DraftVariables.nextRound(execution.getVariable("draftRound"));
        String note = DraftVariables.reviewerNote(round, execution.getVariable("reviewNote"));
        DraftRepository.StoredDraft draft = drafting.draftWithTemplate(execution.getProcessBusinessKey(), round, note);
        execution.setVariables(DraftVariables.of(draft, note));
    }
}
