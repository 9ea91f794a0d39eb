package com.checkupflow.drafting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Check the draft": deterministic findings the reviewer sees at the top of the review form. The gateway
 * "Draft passes the check?" reads {@code draftCheckPassed}.
 */
@Component("checkDraftDelegate")
class CheckDraftDelegate implements JavaDelegate {

    private final DraftingService drafting;

    CheckDraftDelegate(DraftingService drafting) {
        this.drafting = drafting;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int round = ((Number) execution.getVariable("draftRound")).intValue();
        boolean autoRedraftUsed = Boolean.TRUE.equals(execution.getVariable("autoRedraftUsed"));
        DraftCheck check = drafting.check(execution.getProcessBusinessKey(), round, autoRedraftUsed);
        execution.setVariable("draftCheckPassed", check.passed());
        // the review form hides the findings when there are none: a passing draft sets no variable for them, and
        // removes a failed round's
        String findings = findingsMarkdown(check, String.valueOf(execution.getVariable("language")));
        if (findings.isEmpty()) {
            execution.removeVariable("draftFindings");
        } else {
            execution.setVariable("draftFindings", findings);
        }
    }

    /** Each finding in words, in the center's language (DraftCheck#note); the codes stay in the audit and the API. */
    static String findingsMarkdown(DraftCheck check, String language) {
        if (check.findings().isEmpty()) {
            return "";
        }
        boolean en = "en".equals(language);
        return (en ? "**Draft check findings – please check**" : "**초안 점검 결과 – 확인이 필요합니다**") + "\n\n"
                + DraftCheck.note(check.findings(), en ? "en" : "ko") + "\n";
    }
}
