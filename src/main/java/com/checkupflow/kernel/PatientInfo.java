package com.checkupflow.kernel;

import java.time.LocalDate;
import java.util.List;

/**
 * The screened person as read from the Bundle. Personal data: never logged, never sent to a model.
 *
 * @param rrn       resident registration number as sent (with or without hyphen), or null
 * @param problems  patient-level problems (e.g. {@code rrn_birthdate_mismatch}, {@code rrn_sex_mismatch},
 *                  {@code rrn_check_digit_warning}, {@link #SEX_MISSING}); they never change the judgement
 */
public record PatientInfo(
        String patientId,
        String name,
        Sex sex,
        LocalDate birthDate,
        String rrn,
        List<String> problems) {

    /** No {@code male}/{@code female} gender (absent, {@code other} or {@code unknown}): sex-specific bands not applied. */
    public static final String SEX_MISSING = "sex_missing";

    /** The RRN as shown everywhere but where staff need it ({@code 980425-1******}); null when absent. */
    public String maskedRrn() {
        return RrnValidator.mask(rrn);
    }

    /** Masks the name and the RRN, so that an accidental log line carries no personal data. */
    @Override
    public String toString() {
        return "PatientInfo[patientId=" + patientId + ", name=" + (name == null ? null : "***") + ", sex=" + sex
                + ", birthDate=" + (birthDate == null ? null : "****-**-**") + ", rrn=" + maskedRrn()
                + ", problems=" + problems + "]";
    }
}
