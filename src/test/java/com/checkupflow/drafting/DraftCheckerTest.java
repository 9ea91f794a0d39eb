package com.checkupflow.drafting;

import com.checkupflow.judgement.Judgement;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DraftCheckerTest {

    private final TemplateTexts texts = new TemplateTexts();
    private final TemplateReportDrafter drafter = new TemplateReportDrafter(texts);
    private final DraftChecker checker = new DraftChecker(texts);
    private final Judgement mixed = DraftExamples.mixed();
    private final String ko = drafter.draft(DraftRequest.firstRound(mixed, DraftExamples.MALE_52, "ko")).text();
    private final String en = drafter.draft(DraftRequest.firstRound(mixed, DraftExamples.MALE_52, "en")).text();

    private List<String> types(String text, String language) {
        return checker.check(text, mixed, language).findings().stream().map(DraftCheck.Finding::type).toList();
    }

    private static String mutate(String text, String from, String to) {
        assertThat(text).contains(from);
        return text.replace(from, to);
    }

    @Test
    void shouldPassWhenTheDraftIsTheTemplateOutput() {
        DraftCheck check = checker.check(ko, mixed, "ko");

        assertThat(check.passed()).isTrue();
        assertThat(check.findings()).isEmpty();
        assertThat(checker.check(en, mixed, "en").passed()).isTrue();
    }

    @Test
    void shouldFindNumberMismatchWhenAValueNextToItsNameIsWrong() {
        assertThat(types(mutate(ko, "공복혈당 131 mg/dL", "공복혈당 113 mg/dL"), "ko")).contains("NUMBER_MISMATCH");
        assertThat(types(mutate(ko, "혈청 크레아티닌 1.52", "혈청 크레아티닌 1.5"), "ko")).containsExactly("NUMBER_MISMATCH");
        assertThat(types(mutate(en, "Serum creatinine 1.52", "Serum creatinine 2.51"), "en")).contains("NUMBER_MISMATCH");
        assertThat(types(ko + "\n혈압은 143/84 mmHg였습니다.", "ko")).contains("NUMBER_MISMATCH");
    }

    @Test
    void shouldAcceptTheReportedValueOrAPairWhenTheyMatchTheJudgement() {
        assertThat(types(ko + "\n공복혈당은 7.27 mmol/L로 보고되었습니다.", "ko")).isEmpty();
        assertThat(types(ko + "\n혈압은 134/84 mmHg였습니다.", "ko")).isEmpty();
        assertThat(types(en + "\nYour fasting glucose was 131.0 mg/dL.", "en")).isEmpty();
    }

    @Test
    void shouldFindUnsupportedValueWhenANumberWithAUnitIsInNoItem() {
        List<String> types = types(ko + "\n참고로 이번 수치는 7.9 mg/dL입니다.", "ko");

        assertThat(types).containsExactly("UNSUPPORTED_VALUE");
        assertThat(checker.check(ko + "\n참고로 이번 수치는 7.9 mg/dL입니다.", mixed, "ko").findings().get(0).detail()).contains("7.9");
        // a test the screening never measured is named as such, its value is no value of the judgement
        assertThat(types(ko + "\n참고로 요산은 7.9 mg/dL입니다.", "ko")).containsExactlyInAnyOrder("UNSUPPORTED_TEST", "UNSUPPORTED_VALUE");
    }

    @Test
    void shouldIgnoreThresholdsAgesDatesAndCountsWhenLookingForUnsupportedValues() {
        String extra = "\n공복혈당이 126 mg/dL 이상이면 당뇨병이 의심됩니다. 3개월 후 다시 검사하시고, 만 52세 이후 2년마다 검진을 받으십시오."
                + " 2026년 11월 3일 검사 결과입니다.";

        assertThat(types(ko + extra, "ko")).isEmpty();
        assertThat(types(en + "\nA level of 126 mg/dL or more suggests diabetes; an eGFR below 60 mL/min/1.73m² is reduced. Repeat in 3 months.", "en"))
                .isEmpty();
    }

    @Test
    void shouldFindMissingFindingWhenASuspectItemIsNotMentioned() {
        String withoutHdl = mutate(ko, "- HDL 콜레스테롤 38 mg/dL: 질환의심. 혈관을 보호하는 HDL 콜레스테롤이 낮아 이상지질혈증이 의심됩니다.\n", "");

        DraftCheck check = checker.check(withoutHdl, mixed, "ko");

        assertThat(check.passed()).isFalse();
        assertThat(check.findings()).extracting(DraftCheck.Finding::type).containsExactly("MISSING_FINDING");
        assertThat(check.findings().get(0).detail()).contains("hdl", "DISEASE_SUSPECT");
    }

    @Test
    void shouldFindMissingFindingWhenABorderlineItemIsNotMentioned() {
        String withoutAst = mutate(en, "- AST 44 U/L: Normal B (borderline). This liver enzyme is slightly high (borderline).\n", "");

        assertThat(types(withoutAst, "en")).containsExactly("MISSING_FINDING");
    }

    @Test
    void shouldFindCategoryContradictionWhenASuspectItemIsCalledNormal() {
        String normal = mutate(ko, "공복혈당 131 mg/dL(보고값 7.27 mmol/L): 질환의심.", "공복혈당 131 mg/dL(보고값 7.27 mmol/L)은 정상입니다.");

        assertThat(types(normal, "ko")).containsExactly("CATEGORY_CONTRADICTION");
        assertThat(types(en + "\nYour HDL cholesterol of 38 mg/dL is within the normal range.", "en")).containsExactly("CATEGORY_CONTRADICTION");
    }

    @Test
    void shouldNotFindContradictionWhenNormalIsNegated() {
        assertThat(types(ko + "\n공복혈당은 정상 범위를 벗어나 있습니다.", "ko")).isEmpty();
        assertThat(types(en + "\nYour HDL cholesterol is below the normal range.", "en")).isEmpty();
    }

    @Test
    void shouldFindDiagnosisLanguageWhenTheDraftStatesADiagnosis() {
        assertThat(types(mutate(ko, "당뇨병이 의심되는 수치입니다.", "당뇨병입니다."), "ko")).containsExactly("DIAGNOSIS_LANGUAGE");
        assertThat(types(ko + "\n고혈압으로 진단되었습니다.", "ko")).contains("DIAGNOSIS_LANGUAGE");
        assertThat(types(mutate(en, "Diabetes is suspected.", "You have diabetes."), "en")).containsExactly("DIAGNOSIS_LANGUAGE");
        assertThat(types(en + "\nYou were diagnosed with kidney disease.", "en")).containsExactly("DIAGNOSIS_LANGUAGE");
    }

    @Test
    void shouldFindPiiLeakWithoutRepeatingItWhenTheDraftHoldsPersonalData() {
        for (String pii : List.of("980425-1234567", "9804251234567", "980425-1******", "010-1234-5678", "01012345678",
                "hong.gildong@example.com")) {
            DraftCheck check = checker.check(ko + "\n문의: " + pii, mixed, "ko");

            assertThat(check.findings()).as(pii).extracting(DraftCheck.Finding::type).containsExactly("PII_LEAK");
            assertThat(check.findings().get(0).detail()).as(pii).doesNotContain(pii).doesNotContain("1234");
        }
    }
}
