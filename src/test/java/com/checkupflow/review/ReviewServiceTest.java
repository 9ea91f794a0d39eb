package com.checkupflow.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.checkupflow.kernel.PatientInfo;
import com.checkupflow.kernel.RrnValidator;
import com.checkupflow.kernel.Sex;
import com.checkupflow.kernel.SyntheticRrns;
import com.checkupflow.screening.Screening;
import com.checkupflow.screening.Stage;

class ReviewServiceTest {

    private static Screening screening(Sex sex, String rrn, List<String> problems) {
        return new Screening("s-1", "gangnam", "sys", "v", null, "ko", Stage.REVIEW, Instant.EPOCH,
                LocalDate.of(2026, 5, 4), new PatientInfo("p", "김민수", sex, LocalDate.of(1982, 3, 15), rrn, problems),
                true, Set.of(), null, List.of(), null, null, null, null);
    }

    @Test
    void shouldSayTheSexTheRrnGivesWhenTheSexIsMissing() {
        Screening s = screening(null, SyntheticRrns.rrn("820315", 2, "23456"), List.of(PatientInfo.SEX_MISSING));

        assertThat(ReviewService.patientProblems(s, "ko"))
                .isEqualTo("- 환자의 성별이 male/female로 오지 않았습니다 (주민등록번호로는 여성). 성별에 따라 기준이 다른 항목은 "
                        + "판정하지 않았습니다.\n");
        assertThat(ReviewService.patientProblems(s, "en")).contains("the resident registration number says female")
                .doesNotContain("{0}", "patientProblem");
    }

    @Test
    void shouldLeaveTheRrnOutWhenTheSexIsMissingAndThereIsNoRrn() {
        assertThat(ReviewService.patientProblems(screening(null, null, List.of(PatientInfo.SEX_MISSING)), "ko"))
                .contains("male/female로 오지 않았습니다.").doesNotContain("주민등록번호");
    }

    @Test
    void shouldListEveryRrnProblemInWordsWhenTheRrnContradictsThePatient() {
        Screening s = screening(Sex.FEMALE, SyntheticRrns.rrn("820316", 1, "23456"),
                List.of(RrnValidator.BIRTHDATE_MISMATCH, RrnValidator.SEX_MISMATCH, RrnValidator.CHECK_DIGIT_WARNING));

        assertThat(ReviewService.patientProblems(s, "ko").lines().toList()).hasSize(3)
                .allSatisfy(line -> assertThat(line).startsWith("- 주민등록번호").doesNotContain("rrn_"));
    }

    @Test
    void shouldBeEmptyWhenThePatientHasNoProblems() {
        assertThat(ReviewService.patientProblems(screening(Sex.MALE, null, List.of()), "ko")).isEmpty();
    }
}
