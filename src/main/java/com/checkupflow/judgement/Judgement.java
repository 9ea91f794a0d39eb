package com.checkupflow.judgement;

import java.util.List;
import java.util.Map;

import com.checkupflow.kernel.Category;
import com.checkupflow.kernel.InvalidReason;
import com.checkupflow.kernel.ItemStatus;

/**
 * The judgement document of the API contract (fhir-input-and-judgement-api.md): serialized as is by
 * {@code POST /api/judgements} and in the {@code judgement} part of {@code GET /api/screenings/{id}}.
 * Maps keep the contract's key order (LinkedHashMap).
 */
public record Judgement(
        String ruleset,
        Map<String, Item> items,
        Map<String, UnitJudgement> judgements,
        Overall overall) {

    /** One item; {@code category} is its own band (for BP components the component's band). */
    public record Item(
            ItemStatus status,
            Category category,
            Object value,
            String unit,
            Object reportedValue,
            String reportedUnit,
            InvalidReason invalidReason,
            String observationId) {

        /** Measured although not due (a lipid outside its schedule): a value, but no judgement (criteria §2, L). */
        public boolean measuredNotDue() {
            return status == ItemStatus.NOT_SCHEDULED && value != null;
        }
    }

    /** {@code note} says why a unit was not judged: missing, invalid, incomplete_pair, not_scheduled, not_judged. */
    public record UnitJudgement(Category category, String note) {
    }

    /**
     * @param primary one of KNOWN_DISEASE, CARDIOMETABOLIC_SUSPECT, GENERAL_SUSPECT, NORMAL_B, NORMAL_A, UNDETERMINED
     * @param flags   every flag that applies (KNOWN_DISEASE, CARDIOMETABOLIC_SUSPECT, GENERAL_SUSPECT, or the
     *                NORMAL_B / NORMAL_A / UNDETERMINED result when no flag applies)
     */
    public record Overall(
            String primary,
            List<String> flags,
            Category worstItemCategory,
            boolean complete,
            boolean needsPhysicianReview) {
    }
}
