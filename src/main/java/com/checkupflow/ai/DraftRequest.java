package com.checkupflow.ai;

import com.checkupflow.judgement.Judgement;

import java.util.List;
import java.util.Objects;

/**
 * What a drafter gets.
 *
 * @param language     {@code "ko"} (default) or {@code "en"}
 * @param round        1 for the first draft, incremented each time the reviewer asks for changes
 * @param reviewerNote the reviewer's note of the previous round; null on the first round. Free text typed
 *                     by staff: a drafter may use it as guidance but must never copy it into patient text
 * @param criticalFindings the screening's findings of the decision critical_values ({@code "systolic_bp >= 180"}):
 *                     the draft must tell the patient to seek care at once (DraftChecker MISSING_URGENCY)
 * @param promptVersion the kind's prompt version the BPMN element asks for ({@code promptVersion}, e.g. {@code v1});
 *                     null for the kind's default. A model drafter drafts with it; the offline template has its own
 */
public record DraftRequest(
        Judgement judgement,
        PatientContext patient,
        String language,
        int round,
        String reviewerNote,
        List<String> criticalFindings,
        String promptVersion) {

    /** A request for a screening without critical values, with the kind's default prompt version. */
    public DraftRequest(Judgement judgement, PatientContext patient, String language, int round, String reviewerNote) {
        this(judgement, patient, language, round, reviewerNote, List.of(), null);
    }

    /** A request with the kind's default prompt version. */
    public DraftRequest(Judgement judgement, PatientContext patient, String language, int round, String reviewerNote,
                        List<String> criticalFindings) {
        this(judgement, patient, language, round, reviewerNote, criticalFindings, null);
    }

    public DraftRequest {
        criticalFindings = criticalFindings == null ? List.of() : List.copyOf(criticalFindings);
        Objects.requireNonNull(judgement, "judgement");
        Objects.requireNonNull(patient, "patient");
        if (round < 1) {
            throw new IllegalArgumentException("round starts at 1, was " + round);
        }
    }

    public static DraftRequest firstRound(Judgement judgement, PatientContext patient, String language) {
        return new DraftRequest(judgement, patient, language, 1, null);
    }
}
