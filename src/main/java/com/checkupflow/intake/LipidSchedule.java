package com.checkupflow.intake;

import java.time.LocalDate;

import com.checkupflow.kernel.Sex;

/**
 * Whether the lipid panel is due (screening-criteria.md §2, convention L): age = exam year − birth year; due when
 * age ≥ the sex's minimum age and {@code age % cycleYears == 0}. When the exam date, birth date or sex is unknown the
 * schedule cannot be computed: the lipids keep their status (a measured one stays VALID, its value on the report)
 * and the judgement leaves them unjudged with note {@code not_judged}
 * ({@link com.checkupflow.kernel.NormalizedScreening#lipidScheduleKnown()}).
 */
final class LipidSchedule {

    private final JudgementProperties.Lipids rules;

    LipidSchedule(JudgementProperties.Lipids rules) {
        this.rules = rules;
    }

    boolean isDue(Sex sex, LocalDate birthDate, LocalDate examDate) {
        if (sex == null || birthDate == null || examDate == null) {
            return true;
        }
        int age = examDate.getYear() - birthDate.getYear();
        int minAge = sex == Sex.MALE ? rules.minAgeMale() : rules.minAgeFemale();
        return age >= minAge && age % rules.cycleYears() == 0;
    }
}
