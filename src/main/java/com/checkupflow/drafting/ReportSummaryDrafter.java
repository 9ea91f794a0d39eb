package com.checkupflow.drafting;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.checkupflow.ai.KindDrafter;
import com.checkupflow.ai.ModelUnavailableException;
import com.checkupflow.ai.PromptTemplates;

/**
 * The report summary kind ({@code documents/report-summary/}, {@code drafter=report-summary}), drafted by the AI
 * document step "Draft report summary" ({@code Activity_DraftSummary}):
 * <ul>
 *   <li>a draft → draftRound, draftText, finalText (the drafter and the form's draftOrigin are read from cf_draft: DraftOriginFormTexts);</li>
 *   <li>the model unavailable (attempts exhausted, 401/403) → {@link ModelUnavailableException}: the step throws
 *       {@code Error_ModelUnavailable}, whose boundary event leads to the offline template; no incident.</li>
 * </ul>
 * At least once: a task redelivered after a lost completion finds its round's draft stored and completes with it (no
 * second model call, no second draft). The check ("Check the draft"), the automatic redraft and the reviewer's rounds
 * stay steps of the process.
 */
@Component
class ReportSummaryDrafter implements KindDrafter {

    private final DraftingService drafting;

    ReportSummaryDrafter(DraftingService drafting) {
        this.drafting = drafting;
    }

    @Override
    public String drafter() {
        return PromptTemplates.REPORT_SUMMARY_KIND;
    }

    @Override
    public List<String> variables() {
        return List.of("draftRound", "reviewNote");
    }

    @Override
    public Map<String, Object> draft(String screeningId, Map<String, Object> variables) {
        int round = DraftVariables.nextRound(variables.get("draftRound"));
        String note = DraftVariables.reviewerNote(round, variables.get("reviewNote"));
        Object version = variables.get("promptVersion");
        return DraftVariables.of(drafting.draft(screeningId, round, note,
                version == null || version.toString().isBlank() ? null : version.toString().trim()), note);
    }
}
