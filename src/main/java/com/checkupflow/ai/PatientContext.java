package com.checkupflow.ai;

import java.time.LocalDate;

/**
 * The patient as a drafter may see them: de-identified on purpose. There is deliberately no name and no
 * resident registration number here; nothing that identifies the person reaches a drafter or a model.
 *
 * @param sex      {@code "male"} or {@code "female"} (FHIR administrative gender)
 * @param age      age in years at the exam; negative when unknown (no birth date), never shown as a number then
 * @param center   display name of the screening center
 * @param examDate the exam date, or null when unknown
 */
public record PatientContext(String sex, int age, String center, LocalDate examDate) {

    public boolean ageKnown() {
        return age >= 0;
    }
}
