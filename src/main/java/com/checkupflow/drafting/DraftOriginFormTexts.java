package com.checkupflow.drafting;

import java.util.Map;

import org.springframework.stereotype.Component;

import com.checkupflow.engine.TaskFormTexts;
import com.checkupflow.process.ScreeningReportProcess.Activities;
import com.checkupflow.process.ScreeningReportProcess.Vars;

/**
 * The review form's draft origin (model, template or fallback) in both languages, from the draft under review (the
 * screening's latest in cf_draft) whenever the form is read, instead of two engine variables every round writes.
 */
@Component
class DraftOriginFormTexts implements TaskFormTexts {

    private final DraftRepository drafts;

    DraftOriginFormTexts(DraftRepository drafts) {
        this.drafts = drafts;
    }

    @Override
    public String taskDefinitionKey() {
        return Activities.REVIEW_REPORT;
    }

    @Override
    public Map<String, String> texts(String screeningId, String formLanguage) {
        return drafts.latest(screeningId).map(DraftProvenance::origin)
                .map(origin -> Map.of(Vars.DRAFT_ORIGIN, DraftVariables.originNote(origin, "ko"),
                        Vars.DRAFT_ORIGIN_EN, DraftVariables.originNote(origin, "en")))
                .orElse(Map.of());
    }
}
