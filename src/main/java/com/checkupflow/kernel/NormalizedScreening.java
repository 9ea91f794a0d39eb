package com.checkupflow.kernel;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * A screening Bundle reduced to what the judgement needs.
 *
 * @param items          every {@link ItemKey}, always present (MISSING when absent)
 * @param examDate       the exam date (Observation effectiveDateTime), null if none could be read
 * @param lipidsScheduled whether the lipid panel is due this year for this person (screening-criteria.md §2)
 * @param treatedDiseases diseases with an active MedicationStatement
 */
public record NormalizedScreening(
        PatientInfo patient,
        LocalDate examDate,
        Map<ItemKey, CanonicalItem> items,
        boolean lipidsScheduled,
        Set<TreatedDisease> treatedDiseases) {

    public CanonicalItem item(ItemKey key) {
        return items.get(key);
    }

    /**
     * Whether the lipid schedule (men from 24, women from 40, every 4 years; screening-criteria.md §2) can be computed:
     * it needs the sex, the birth date and the exam date. When it cannot, the lipids are measured but not judged.
     */
    public boolean lipidScheduleKnown() {
        return patient != null && patient.sex() != null && patient.birthDate() != null && examDate != null;
    }

    /** The lipids are judged: the schedule is known and due this year. */
    public boolean lipidsJudged() {
        return lipidsScheduled && lipidScheduleKnown();
    }

    public boolean knownDisease() {
        return !treatedDiseases.isEmpty();
    }
}
