package com.checkupflow.judgement;

import java.util.List;
import java.util.Map;

import com.checkupflow.kernel.Category;
import com.checkupflow.kernel.InvalidReason;
import com.checkupflow.kernel.ItemStatus;
import com.checkupflow.kernel.TargetDisease;

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

    /** Note of a unit judged 질환의심 in a disease the person is treated for: it adds no suspect flag (criteria §4.3, L). */
    public static final String NOTE_UNDER_TREATMENT = "under_treatment";

    /**
     * The target diseases this judgement calls suspected (질환의심), in unit order: a 질환의심 unit of a disease
     * under treatment is not one (criteria §4.3). The one source for every sentence that names a suspected disease.
     */
    public List<TargetDisease> suspectedDiseases() {
        java.util.Set<TargetDisease> suspected = new java.util.LinkedHashSet<>();
        for (JudgementUnit unit : JudgementUnit.values()) {
            UnitJudgement uj = judgements == null ? null : judgements.get(unit.json());
            if (uj != null && uj.category() == Category.DISEASE_SUSPECT && !uj.underTreatment()) {
                suspected.add(unit.targetDisease());
            }
        }
        return List.copyOf(suspected);
    }

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

        /** 질환의심 in a disease already treated (유질환자): not "suspected" in any sentence. */
        public boolean underTreatment() {
            return NOTE_UNDER_TREATMENT.equals(note);
        }
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
