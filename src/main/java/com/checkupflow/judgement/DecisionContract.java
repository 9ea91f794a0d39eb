package com.checkupflow.judgement;

import com.checkupflow.kernel.ItemKey;

/**
 * Names shared by {@code processes/screening-judgement.dmn} and the Java around it. Unit outputs are
 * {@link JudgementUnit#categoryVariable()} / {@link JudgementUnit#noteVariable()}; measured inputs are
 * {@link ItemKey#variable()}.
 */
final class DecisionContract {

    /** The top decision: evaluates every other decision and returns one flat map. */
    static final String DECISION_KEY = "screening_judgement";

    static final String SEX = "sex";
    static final String KNOWN_DISEASE = "knownDisease";
    static final String TREATED_HYPERTENSION = "treatedHypertension";
    static final String TREATED_DIABETES = "treatedDiabetes";
    static final String TREATED_DYSLIPIDEMIA = "treatedDyslipidemia";

    static final String OVERALL_FLAGS = "overallFlags";
    static final String OVERALL_PRIMARY = "overallPrimary";
    static final String CRITICAL_FINDINGS = "criticalFindings";

    static final String NOTE_MISSING = "missing";
    static final String NOTE_INVALID = "invalid";
    static final String NOTE_NOT_SCHEDULED = "not_scheduled";
    static final String NOTE_NOT_JUDGED = "not_judged";

    private DecisionContract() {
    }

    /** Result key of a BP component's own band, e.g. {@code systolicBpCategory}. */
    static String componentCategory(ItemKey component) {
        return component.variable() + "Category";
    }
}
