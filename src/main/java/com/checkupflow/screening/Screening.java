package com.checkupflow.screening;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.checkupflow.kernel.CanonicalItem;
import com.checkupflow.kernel.ItemKey;
import com.checkupflow.kernel.NormalizedScreening;
import com.checkupflow.kernel.PatientInfo;
import com.checkupflow.kernel.Sex;
import com.checkupflow.kernel.TreatedDisease;

/** A stored screening: our row beside the engine's process instance (business key = {@link #id()}). */
public record Screening(
        String id,
        String center,
        String sourceSystem,
        String sourceValue,
        String processInstanceId,
        String language,
        Stage stage,
        Instant receivedAt,
        LocalDate examDate,
        PatientInfo patient,
        boolean lipidsScheduled,
        Set<TreatedDisease> treatedDiseases,
        String judgementJson,
        List<String> criticalFindings,
        String finalText,
        String reportHtml,
        Instant issuedAt,
        String issuedBy) {

    public Screening withProcessInstanceId(String processInstanceId) {
        return new Screening(id, center, sourceSystem, sourceValue, processInstanceId, language, stage, receivedAt,
                examDate, patient, lipidsScheduled, treatedDiseases, judgementJson, criticalFindings, finalText,
                reportHtml, issuedAt, issuedBy);
    }

    public int age() {
        LocalDate birth = patient.birthDate();
        if (birth == null) {
            return -1;
        }
        LocalDate at = examDate != null ? examDate : LocalDate.now();
        return java.time.Period.between(birth, at).getYears();
    }

    /** The screening as the judgement sees it, with the given (stored or corrected) items. */
    public NormalizedScreening toNormalized(Map<ItemKey, CanonicalItem> items) {
        return new NormalizedScreening(patient, examDate, items, lipidsScheduled, treatedDiseases);
    }

    public Sex sex() {
        return patient.sex();
    }
}
