package com.checkupflow.drafting;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/** The process variables a stored draft sets, the same whether the model or the offline template wrote it. */
final class DraftVariables {

    private static final Properties ORIGIN_NOTES = new Properties();

    static {
        try (Reader in = new InputStreamReader(Objects.requireNonNull(
                DraftVariables.class.getResourceAsStream("/drafting/draft-origin.properties")), StandardCharsets.UTF_8)) {
            ORIGIN_NOTES.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

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
     * @param reviewerNote the physician's note this round answers (null unless they asked for changes). The template
     *                     cannot act on it (and never copies it), so its redraft leaves {@code finalText} as the
     *                     physician left it, for them to edit; any other draft becomes the text to review.
     */
    static Map<String, Object> of(DraftRepository.StoredDraft draft, String reviewerNote) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("draftRound", draft.round());
        variables.put("draftText", draft.text());
        if (reviewerNote == null || !TemplateReportDrafter.PROVIDER.equals(draft.provider())) {
            variables.put("finalText", draft.text());
        }
        // the drafter is no variable: the review form's origin note (DraftOriginFormTexts) and the reopened review's
        // note (ReviewService.reopenedNote) read it from cf_draft
        return variables;
    }

    /** The review form's plain note: model draft, template draft or fallback ({@link DraftOriginFormTexts}). */
    static String originNote(DraftOrigin origin, String language) {
        return ORIGIN_NOTES.getProperty(origin.kind().name() + "." + language)
                .replace("{provider}", String.valueOf(origin.provider()))
                .replace("{model}", String.valueOf(origin.model()))
                .replace("{promptVersion}", String.valueOf(origin.promptVersion()));
    }
}
