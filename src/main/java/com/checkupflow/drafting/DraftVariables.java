package com.checkupflow.drafting;

import java.util.HashMap;
import java.util.Map;

/** The process variables a stored draft sets, the same whether the model or the offline template wrote it. */
final class DraftVariables {

    private DraftVariables() {
    }

    /** The round the next draft is for: the last drafted round plus one. */
    static int nextRound(Object draftRound) {
        return (draftRound == null ? 0 : ((Number) draftRound).intValue()) + 1;
    }

    /** The reviewer's note is feedback only for a redraft. */
    static String reviewerNote(int round, Object reviewNote) {
        return round > 1 && reviewNote != null ? reviewNote.toString() : null;
    }

    /**
     * A template redraft is the same text again (the template cannot act on a note and never copies one), so the
     * review reopens with the text as the physician left it ({@code finalText} unchanged) for them to edit.
     */
    static Map<String, Object> of(DraftRepository.StoredDraft draft) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("draftRound", draft.round());
        variables.put("draftText", draft.text());
        if (!(draft.round() > 1 && TemplateReportDrafter.PROVIDER.equals(draft.provider()))) {
            variables.put("finalText", draft.text());
        }
        variables.put("draftProvider", draft.fallback() ? draft.provider() + " (fallback)" : draft.provider());
        return variables;
    }
}
