package com.checkupflow.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RrnValidatorTest {

    private static final LocalDate BORN_1982 = LocalDate.of(1982, 3, 15);

    @Test
    void shouldFindNoProblemWhenRrnMatchesWithHyphen() {
        String rrn = SyntheticRrns.rrn("820315", 1, "23456");

        assertThat(rrn).matches("820315-\\d{7}");
        assertThat(RrnValidator.problems(rrn, BORN_1982, Sex.MALE)).isEmpty();
    }

    @Test
    void shouldFindNoProblemWhenRrnMatchesWithoutHyphen() {
        String rrn = SyntheticRrns.rrn("820315", 1, "23456").replace("-", "");

        assertThat(RrnValidator.problems(rrn, BORN_1982, Sex.MALE)).isEmpty();
    }

    @Test
    void shouldComputeCheckDigitPerWeights() {
        // 8*2+2*3+0*4+3*5+1*6+5*7+1*8+2*9+3*2+4*3+5*4+6*5 = 172; 172 mod 11 = 7; (11-7) mod 10 = 4
        assertThat(RrnValidator.checkDigit("820315123456")).isEqualTo(4);
        assertThat(RrnValidator.problems("820315-1234564", BORN_1982, Sex.MALE)).isEmpty();
    }

    @Test
    void shouldWarnOnlyWhenCheckDigitDoesNotMatch() {
        assertThat(RrnValidator.problems("820315-1234565", BORN_1982, Sex.MALE))
                .containsExactly(RrnValidator.CHECK_DIGIT_WARNING);
        assertThat(RrnValidator.problems("8203151234565", BORN_1982, Sex.MALE))
                .containsExactly(RrnValidator.CHECK_DIGIT_WARNING);
    }

    @Test
    void shouldReportBirthDateMismatchWhenDateDiffers() {
        String rrn = SyntheticRrns.rrn("820315", 1, "23456");

        assertThat(RrnValidator.problems(rrn, LocalDate.of(1982, 3, 16), Sex.MALE))
                .containsExactly(RrnValidator.BIRTHDATE_MISMATCH);
    }

    @Test
    void shouldReportBirthDateMismatchWhenCenturyDiffers() {
        String rrn = SyntheticRrns.rrn("020315", 1, "23456"); // G=1 means 1902

        assertThat(RrnValidator.problems(rrn, LocalDate.of(2002, 3, 15), Sex.MALE))
                .containsExactly(RrnValidator.BIRTHDATE_MISMATCH);
    }

    @Test
    void shouldReportSexMismatchWhenGenderDigitDisagrees() {
        assertThat(RrnValidator.problems(SyntheticRrns.rrn("820315", 2, "23456"), BORN_1982, Sex.MALE))
                .containsExactly(RrnValidator.SEX_MISMATCH);
    }

    @ParameterizedTest(name = "G={0} born {1} {2}")
    @CsvSource({"1, 1982-03-15, MALE", "2, 1982-03-15, FEMALE", "3, 2002-03-15, MALE", "4, 2002-03-15, FEMALE",
            "5, 1982-03-15, MALE", "6, 1982-03-15, FEMALE", "7, 2002-03-15, MALE", "8, 2002-03-15, FEMALE"})
    void shouldDeriveCenturyAndSexWhenGenderDigitIsKnown(int g, LocalDate birthDate, Sex sex) {
        String yymmdd = birthDate.toString().substring(2).replace("-", "");

        assertThat(RrnValidator.problems(SyntheticRrns.rrn(yymmdd, g, "23456"), birthDate, sex)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"82031-51234564", "820315-123456", "820315_1234564", "8203151234564 9", "abcdef-1234567",
            "821315-1234567", "820230-1234567", ""})
    void shouldReportMalformedOnlyWhenFormatOrDateIsWrong(String rrn) {
        assertThat(RrnValidator.problems(rrn, BORN_1982, Sex.MALE)).containsExactly(RrnValidator.MALFORMED);
    }

    @Test
    void shouldReportNothingWhenRrnIsAbsentOrPatientFieldsAreUnknown() {
        assertThat(RrnValidator.problems(null, BORN_1982, Sex.MALE)).isEmpty();
        assertThat(RrnValidator.problems(SyntheticRrns.rrn("820315", 1, "23456"), null, null)).isEmpty();
    }

    @Test
    void shouldMaskAllButBirthDateAndGenderDigit() {
        assertThat(RrnValidator.mask("980425-1234567")).isEqualTo("980425-1******");
        assertThat(RrnValidator.mask("9804251234567")).isEqualTo("980425-1******");
        assertThat(RrnValidator.mask("garbage")).isEqualTo("*******");
        assertThat(RrnValidator.mask(null)).isNull();
    }
}
