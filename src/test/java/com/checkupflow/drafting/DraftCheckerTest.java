package com.checkupflow.drafting;

import com.checkupflow.ai.DraftRequest;
import com.checkupflow.ai.TemplateTexts;

import com.checkupflow.judgement.Judgement;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.checkupflow.kernel.ItemKey;

import static org.assertj.core.api.Assertions.assertThat;

class DraftCheckerTest {

    private final TemplateTexts texts = new TemplateTexts();
    private final TemplateReportDrafter drafter = new TemplateReportDrafter(texts, DraftingFixtures.CLOCK);
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
    void shouldGiveTheSameInputDigestWhenEveryInputOfTheCheckIsTheSame() {
        String digest = checker.inputDigest(ko, "{\"overall\":{}}", "ko", List.of("systolic_bp >= 180"));

        assertThat(checker.inputDigest(ko, "{\"overall\":{}}", "ko", List.of("systolic_bp >= 180"))).isEqualTo(digest)
                .hasSize(64);
        assertThat(new DraftChecker(new TemplateTexts()).inputDigest(ko, "{\"overall\":{}}", "ko",
                List.of("systolic_bp >= 180"))).as("the same rules in another checker").isEqualTo(digest);
    }

    @Test
    void shouldGiveAnotherInputDigestWhenOneInputOfTheCheckDiffers() {
        String judgement = "{\"overall\":{}}";
        List<String> critical = List.of("systolic_bp >= 180", "fasting_glucose >= 300");
        String digest = checker.inputDigest(ko, judgement, "ko", critical);

        assertThat(List.of(
                checker.inputDigest(ko.substring(0, ko.length() - 1) + "!", judgement, "ko", critical),
                checker.inputDigest(ko + " ", judgement, "ko", critical),
                checker.inputDigest(ko, "{\"overall\":{ }}", "ko", critical),
                checker.inputDigest(ko, judgement, "en", critical),
                checker.inputDigest(ko, judgement, "ko", List.of("systolic_bp >= 180")),
                checker.inputDigest(ko, judgement, "ko", List.of()),
                checker.inputDigest(ko, judgement, "ko", List.of("systolic_bp >= 180fasting_glucose >= 300")),
                // one input's end moved into the next must not read as the same inputs
                checker.inputDigest(ko + judgement, "", "ko", critical)))
                .doesNotContain(digest).doesNotHaveDuplicates();
    }

    @Test
    void shouldPassWhenTheDraftIsTheTemplateOutput() {
        DraftCheck check = checker.check(ko, mixed, "ko");

        assertThat(check.passed()).isTrue();
        assertThat(check.findings()).isEmpty();
        assertThat(checker.check(en, mixed, "en").passed()).isTrue();
    }

    @Test
    void shouldFindMissingUrgencyWhenACriticalValueHasNoSentenceThatSendsThePatientToCareAtOnce() {
        List<String> critical = List.of("fasting_glucose >= 300");
        String urgentKo = drafter.draft(new DraftRequest(mixed, DraftExamples.MALE_52, "ko", 1, null, critical)).text();
        String urgentEn = drafter.draft(new DraftRequest(mixed, DraftExamples.MALE_52, "en", 1, null, critical)).text();
        java.util.function.BiFunction<String, String, List<String>> typesOf = (text, language) ->
                checker.check(text, mixed, language, critical).findings().stream().map(DraftCheck.Finding::type).toList();

        assertThat(urgentKo).contains("공복혈당 결과가 위험 수치(패닉 값)입니다. 오늘 바로 의료기관에서 진료를 받으세요.");
        assertThat(typesOf.apply(urgentKo, "ko")).isEmpty();
        assertThat(typesOf.apply(urgentEn, "en")).isEmpty();
        assertThat(typesOf.apply(ko, "ko")).containsExactly(DraftChecker.MISSING_URGENCY);
        assertThat(typesOf.apply(en, "en")).containsExactly(DraftChecker.MISSING_URGENCY);
        // routine advice is no urgency, nor is an urgent word without care
        assertThat(typesOf.apply(ko + "\n가까운 시일 내에 진료를 받으세요.", "ko")).containsExactly(DraftChecker.MISSING_URGENCY);
        assertThat(typesOf.apply(ko + "\n오늘부터 바로 식단을 조절하세요.", "ko")).containsExactly(DraftChecker.MISSING_URGENCY);
        assertThat(typesOf.apply(ko + "\n기침이 계속되면 바로 진료를 받으십시오.", "ko")).containsExactly(DraftChecker.MISSING_URGENCY);
        assertThat(typesOf.apply(ko + "\n지체 없이 병원에 가십시오.", "ko")).isEmpty();
        assertThat(typesOf.apply(en + "\nSee your doctor immediately.", "en")).isEmpty();
        assertThat(checker.check(ko, mixed, "ko", critical).findings()).singleElement()
                .satisfies(f -> assertThat(f.detail()).contains("fasting_glucose", "오늘 바로 의료기관"));
        assertThat(types(ko, "ko")).as("no critical value, no urgency needed").isEmpty();
    }

    @Test
    void shouldFindMissingUrgencyWhenTheOnlyUrgentSentenceIsNegatedOrAsksNothingOrIsOneWord() {
        List<String> critical = List.of("fasting_glucose >= 300");
        java.util.function.BiFunction<String, String, List<String>> typesOf = (text, language) ->
                checker.check(text, mixed, language, critical).findings().stream().map(DraftCheck.Finding::type).toList();

        for (String sentence : List.of("즉시 진료가 필요한 소견은 없습니다.", "오늘 바로 병원에 가실 필요는 없습니다.",
                "오늘 받으신 검진 결과는 담당 의사가 확인하였습니다.", "응급실 안내를 드립니다.")) {
            assertThat(typesOf.apply(ko + "\n" + sentence, "ko")).as(sentence).containsExactly(DraftChecker.MISSING_URGENCY);
        }
        for (String sentence : List.of("This is not an emergency.", "There is no need to see a doctor today.",
                "Call us about the emergency.")) {
            assertThat(typesOf.apply(en + "\n" + sentence, "en")).as(sentence).containsExactly(DraftChecker.MISSING_URGENCY);
        }
        assertThat(typesOf.apply(ko + "\n지금 바로 응급실로 가십시오.", "ko")).isEmpty();
        assertThat(typesOf.apply(en + "\nGo to the emergency room immediately.", "en")).isEmpty();
    }

    @Test
    void shouldFindSuspicionContradictionWhenATreatedOrNormalDiseaseIsCalledSuspected() {
        Judgement treated = DraftExamples.treatedHypertensionWithSuspects();
        String right = drafter.draft(DraftRequest.firstRound(treated, DraftExamples.MALE_52, "ko")).text();
        String rightEn = drafter.draft(DraftRequest.firstRound(treated, DraftExamples.MALE_52, "en")).text();
        java.util.function.BiFunction<String, String, List<String>> typesOf = (text, language) ->
                checker.check(text, treated, language).findings().stream().map(DraftCheck.Finding::type).toList();

        assertThat(typesOf.apply(right, "ko")).isEmpty();
        assertThat(typesOf.apply(rightEn, "en")).isEmpty();
        assertThat(typesOf.apply(mutate(right, "당뇨병·이상지질혈증이 의심되어", "고혈압·당뇨병·이상지질혈증이 의심되어"), "ko"))
                .containsExactly(DraftChecker.SUSPICION_CONTRADICTION);
        assertThat(typesOf.apply(mutate(right, "- 당뇨병·이상지질혈증 질환의심:", "- 고혈압·당뇨병·이상지질혈증 질환의심:"), "ko"))
                .containsExactly(DraftChecker.SUSPICION_CONTRADICTION);
        assertThat(typesOf.apply(right + "\n고혈압이 의심되니 진료를 받으십시오.", "ko")).containsExactly(DraftChecker.SUSPICION_CONTRADICTION);
        assertThat(typesOf.apply(mutate(rightEn, "suspected diabetes and dyslipidemia", "suspected hypertension, diabetes and dyslipidemia"), "en"))
                .containsExactly(DraftChecker.SUSPICION_CONTRADICTION);
        assertThat(checker.check(right + "\n빈혈이 의심됩니다.", treated, "ko").findings())
                .singleElement().satisfies(f -> assertThat(f.detail()).contains("anemia").doesNotContain("under treatment"));
        assertThat(checker.check(right + "\n고혈압이 의심됩니다.", treated, "ko").findings())
                .singleElement().satisfies(f -> assertThat(f.detail()).contains("hypertension", "under treatment"));
    }

    @Test
    void shouldNotFindSuspicionContradictionWhenASentenceDeniesOrOnlySupposesTheSuspicion() {
        Judgement treated = DraftExamples.treatedHypertensionWithSuspects();
        String right = drafter.draft(DraftRequest.firstRound(treated, DraftExamples.MALE_52, "ko")).text();
        String rightEn = drafter.draft(DraftRequest.firstRound(treated, DraftExamples.MALE_52, "en")).text();

        for (String sentence : List.of("고혈압이 의심되는 소견은 없습니다.", "고혈압 의심 소견은 보이지 않습니다.",
                "고혈압은 의심 단계가 아닙니다.", "혈압이 더 높으면 고혈압이 의심될 수 있으니 가정에서 자주 재어 보십시오.")) {
            assertThat(checker.check(right + "\n" + sentence, treated, "ko").findings()).as(sentence).isEmpty();
        }
        for (String sentence : List.of("There is no suspicion of hypertension.", "No suspected hypertension was found.",
                "If your blood pressure rises, hypertension may be suspected.", "Exercise helps prevent possible hypertension.")) {
            assertThat(checker.check(rightEn + "\n" + sentence, treated, "en").findings()).as(sentence).isEmpty();
        }
        // a claim beside a denial of another disease is still a claim
        assertThat(checker.check(right + "\n빈혈은 없으나 고혈압이 의심됩니다.", treated, "ko").findings())
                .extracting(DraftCheck.Finding::type).containsExactly(DraftChecker.SUSPICION_CONTRADICTION);
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
        String withoutAst = mutate(en, "- AST (SGOT) 44 U/L: Normal B (borderline). This liver enzyme is slightly high (borderline).\n", "");

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

    // --- issue 10: natural phrasing of faithful drafts passes --------------------------------------

    @Test
    void shouldNotFindAnythingWhenNormalIsNegatedComparedOrAReference() {
        for (String sentence : List.of("공복혈당이 131 mg/dL로 정상 상한을 넘어 당뇨병이 의심됩니다.",
                "공복혈당은 131 mg/dL로 정상 기준(100 mg/dL 미만)을 벗어나 확인이 필요합니다.",
                "HDL 콜레스테롤은 38 mg/dL로 정상 범위(60 mg/dL 이상)에 미치지 못합니다.",
                "공복혈당이 참고치를 넘는 수치여서 진료가 필요합니다.",
                "혈청 크레아티닌은 정상보다 높은 1.52 mg/dL입니다.", "공복혈당은 131 mg/dL로 정상이라고 보기 어렵습니다.")) {
            assertThat(types(ko + "\n" + sentence, "ko")).as(sentence).isEmpty();
        }
        for (String sentence : List.of("Your fasting glucose of 131 mg/dL is higher than the normal range.",
                "Your HDL cholesterol is below the lower limit of normal.", "Your serum creatinine is beyond the normal range.",
                "A normal fasting glucose is below 100 mg/dL.", "Your fasting glucose cannot be considered normal.")) {
            assertThat(types(en + "\n" + sentence, "en")).as(sentence).isEmpty();
        }
    }

    @Test
    void shouldJudgeEachClauseForItsOwnItemsWhenASentenceContrastsThem() {
        assertThat(types(ko + "\n총콜레스테롤은 양호하나 HDL 콜레스테롤은 38 mg/dL로 낮게 나와 확인이 필요합니다.", "ko")).isEmpty();
        assertThat(types(ko + "\nHDL 콜레스테롤을 제외한 나머지 지질 수치는 정상입니다.", "ko")).isEmpty();
        assertThat(types(en + "\nYour LDL cholesterol is normal, but your HDL cholesterol is low at 38 mg/dL.", "en")).isEmpty();
        assertThat(types(en + "\nAll other lipids are normal except HDL cholesterol.", "en")).isEmpty();
        assertThat(types(ko + "\n총콜레스테롤과 HDL 콜레스테롤은 모두 정상입니다.", "ko")).containsExactly("CATEGORY_CONTRADICTION");
    }

    @Test
    void shouldReadThresholdsTargetsAndRangesInAdviceAsNoPatientValues() {
        for (String advice : List.of("수축기 혈압 125 mmHg 미만을 목표로 꾸준히 운동하십시오.", "가정혈압이 130/80 mmHg 미만으로 유지되는지 확인하십시오.",
                "공복혈당 100~125 mg/dL는 공복혈당장애 범위입니다.", "허리둘레를 남성 90 cm, 여성 85 cm 미만으로 줄이는 것을 목표로 하십시오.",
                "체중의 5~10%를 줄이면 혈당이 좋아집니다.", "혈압을 130 mmHg까지 낮추는 것이 좋습니다.")) {
            assertThat(types(ko + "\n" + advice, "ko")).as(advice).isEmpty();
        }
        for (String advice : List.of("Aim for a blood pressure under 130/80 mmHg.", "Keep your fasting glucose below 100 mg/dL.",
                "Aim for a waist under 90 cm for men or 85 cm for women.", "Lose 5-10% of your weight over 6 months.")) {
            assertThat(types(en + "\n" + advice, "en")).as(advice).isEmpty();
        }
    }

    // --- issue 10: wrong drafts are caught ------------------------------------------------------

    @Test
    void shouldFindUnitMismatchWhenTheRightNumberHasAWrongUnit() {
        assertThat(types(mutate(ko, "공복혈당 131 mg/dL", "공복혈당 131 g/L"), "ko")).contains("UNIT_MISMATCH");
        assertThat(types(ko + "\n공복혈당은 131 IU/L입니다.", "ko")).containsExactly("UNIT_MISMATCH");
        assertThat(types(ko + "\n공복혈당은 131 mmol/L입니다.", "ko")).containsExactly("UNIT_MISMATCH");
        assertThat(types(ko + "\n공복혈당은 131 mg/dL(약 7.3 mmol/L)입니다.", "ko")).isEmpty();
        assertThat(types(ko + "\n공복혈당은 131 mg/dL(약 8.3 mmol/L)입니다.", "ko")).containsExactly("NUMBER_MISMATCH");
        assertThat(types(en + "\nYour serum creatinine was 134 µmol/L.", "en")).isEmpty();
    }

    @Test
    void shouldFindUnsupportedTestWhenTheDraftStatesAResultTheScreeningNeverMeasured() {
        for (String sentence : List.of("참고로 요산은 7.9 mg/dL입니다.", "CEA 4.2 ng/mL로 정상입니다.", "당화혈색소는 6.5%로 높습니다.",
                "갑상선자극호르몬(TSH)도 약간 높게 나왔습니다.")) {
            assertThat(types(ko + "\n" + sentence, "ko")).as(sentence).contains("UNSUPPORTED_TEST");
        }
        assertThat(types(en + "\nYour uric acid was 7.9 mg/dL.", "en")).contains("UNSUPPORTED_TEST");
        assertThat(types(ko + "\n필요하면 당화혈색소 검사나 복부 초음파 검사를 받아 보십시오.", "ko")).isEmpty();
        assertThat(types(en + "\nYour doctor may recommend an HbA1c test.", "en")).isEmpty();
    }

    @Test
    void shouldFindUnsupportedValueInAnyUnitOrWithoutAUnitWhenItIsAPatientValue() {
        assertThat(types(ko + "\n이번 수치는 4.2 ng/mL입니다.", "ko")).containsExactly("UNSUPPORTED_VALUE");
        assertThat(types(ko + "\n측정값은 2.1 mIU/L였습니다.", "ko")).containsExactly("UNSUPPORTED_VALUE");
        assertThat(types(ko + "\n위험도는 12%로 추정됩니다.", "ko")).containsExactly("UNSUPPORTED_VALUE");
        assertThat(types(ko + "\n검사 수치가 214까지 올라가 있습니다.", "ko")).containsExactly("UNSUPPORTED_VALUE");
        assertThat(types(ko + "\n공복혈당은 지난 검진 때 107 mg/dL였습니다.", "ko")).containsExactly("UNSUPPORTED_VALUE");
        assertThat(types(en + "\nOne of your readings went up to 174.", "en")).containsExactly("UNSUPPORTED_VALUE");
    }

    @Test
    void shouldFindOverallContradictionWhenTheDraftCallsEverythingNormal() {
        assertThat(types(ko + "\n전체적으로 이상이 없는 결과입니다.", "ko")).containsExactly("OVERALL_CONTRADICTION");
        assertThat(types(ko + "\n이번 검진에서 특별한 이상 소견은 발견되지 않았습니다.", "ko")).containsExactly("OVERALL_CONTRADICTION");
        assertThat(types(en + "\nAll your results are normal.", "en")).containsExactly("OVERALL_CONTRADICTION");
        assertThat(types(en + "\nNothing abnormal was found.", "en")).containsExactly("OVERALL_CONTRADICTION");
        assertThat(types(ko + "\n전반적으로 양호하나 일부 항목은 관리가 필요합니다.", "ko")).isEmpty();
        Judgement normal = DraftExamples.normal();
        assertThat(checker.check(drafter.draft(DraftRequest.firstRound(normal, DraftExamples.MALE_52, "ko")).text()
                + "\n전체적으로 이상이 없는 결과입니다.", normal, "ko").passed()).isTrue();
    }

    @Test
    void shouldFindContradictionWhenTheNextSentenceCallsASuspectItemNormal() {
        assertThat(types(ko + "\n공복혈당은 131 mg/dL로 측정되었습니다. 다행히 양호한 수준입니다.", "ko")).containsExactly("CATEGORY_CONTRADICTION");
        assertThat(types(en + "\nYour fasting glucose was 131 mg/dL. Luckily, that is fine.", "en")).containsExactly("CATEGORY_CONTRADICTION");
        assertThat(types(ko + "\nHDL 콜레스테롤은 38 mg/dL로 낮습니다. 그 외에는 이상이 없습니다.", "ko")).isEmpty();
    }

    @Test
    void shouldFindConclusiveWordingWhateverThePredicate() {
        for (String sentence : List.of("공복혈당 131 mg/dL로 당뇨병으로 확인됩니다.", "이는 당뇨병을 뜻합니다.", "HDL 38 mg/dL로 이상지질혈증이 확실합니다.",
                "요단백 약양성으로 신장질환으로 판단됩니다.")) {
            assertThat(types(ko + "\n" + sentence, "ko")).as(sentence).contains("DIAGNOSIS_LANGUAGE");
        }
        for (String sentence : List.of("This confirms kidney disease.", "Your glucose makes you a diabetes patient.",
                "You definitely have diabetes.")) {
            assertThat(types(en + "\n" + sentence, "en")).as(sentence).contains("DIAGNOSIS_LANGUAGE");
        }
        assertThat(types(ko + "\n공복혈당이 126 mg/dL 이상이면 당뇨병으로 진단합니다.", "ko")).isEmpty();
        assertThat(types(en + "\nThis may point to diabetes, so a confirmatory test is needed.", "en")).isEmpty();
    }

    @Test
    void shouldFindMissingFindingWhenTheItemIsOnlyMentionedInPassing() {
        String withoutHdl = mutate(ko, "- HDL 콜레스테롤 38 mg/dL: 질환의심. 혈관을 보호하는 HDL 콜레스테롤이 낮아 이상지질혈증이 의심됩니다.\n", "");

        assertThat(types(withoutHdl + "\nHDL 콜레스테롤을 위해 꾸준히 운동하십시오.", "ko")).containsExactly("MISSING_FINDING");
        assertThat(types(withoutHdl + "\nHDL 콜레스테롤이 38 mg/dL입니다.", "ko")).isEmpty();
    }

    @Test
    void shouldFindPlaceholderWhenTheTextIsEmptyOrAPlaceholder() {
        assertThat(types("", "ko")).contains("PLACEHOLDER");
        assertThat(types("확인함", "ko")).contains("PLACEHOLDER");
        assertThat(types(ko + "\n(추후 작성)", "ko")).containsExactly("PLACEHOLDER");
    }

    // --- the structure of a model's answer --------------------------------------------------------

    private final DraftRenderer renderer = new DraftRenderer(texts);

    private DraftAnswer faithfulAnswer() {
        return new DraftAnswer(List.of("이번 검진에서 몇 가지 항목은 관리가 필요합니다."), List.of(
                new DraftAnswer.Finding("systolic_bp", List.of("obs-systolic_bp"), "고혈압 전 단계의 경계 범위입니다."),
                new DraftAnswer.Finding("diastolic_bp", List.of("obs-diastolic_bp"), "이완기 혈압도 경계 범위입니다."),
                new DraftAnswer.Finding("bmi", List.of("obs-bmi"), "과체중 범위입니다."),
                new DraftAnswer.Finding("fasting_glucose", List.of("obs-fasting_glucose"), "공복혈당이 131 mg/dL로 정상 상한을 넘어 당뇨병이 의심됩니다."),
                new DraftAnswer.Finding("hdl", List.of("obs-hdl"), "좋은 콜레스테롤이 낮습니다."),
                new DraftAnswer.Finding("ast", List.of("obs-ast"), "간 효소가 약간 높습니다."),
                new DraftAnswer.Finding("creatinine", List.of("obs-creatinine"), "콩팥 기능 확인이 필요합니다."),
                new DraftAnswer.Finding("urine_protein", List.of("obs-urine_protein"), "소변에 단백이 약간 비칩니다.")),
                List.of(new DraftAnswer.Lifestyle("당뇨병", "단 음식을 줄이십시오.")), List.of("내과 진료를 받으십시오."));
    }

    private List<String> answerTypes(DraftAnswer answer) {
        return checker.checkAnswer(answer, renderer.render(answer, mixed, "ko"), mixed, "ko").findings().stream()
                .map(DraftCheck.Finding::type).toList();
    }

    private static DraftAnswer withFinding(DraftAnswer a, int index, DraftAnswer.Finding f) {
        List<DraftAnswer.Finding> findings = new java.util.ArrayList<>(a.findings());
        findings.set(index, f);
        return new DraftAnswer(a.summary(), findings, a.lifestyle(), a.followUp());
    }

    @Test
    void shouldPassAFaithfulAnswerAndPrintTheFactsFromTheJudgement() {
        String text = renderer.render(faithfulAnswer(), mixed, "ko");

        assertThat(answerTypes(faithfulAnswer())).isEmpty();
        assertThat(text).contains("- 공복혈당 131 mg/dL(보고값 7.27 mmol/L): 질환의심. 공복혈당이 131 mg/dL로",
                "- 요단백 약양성(±): 정상B(경계). 소변에");
    }

    @Test
    void shouldFindBadCitationWhenAFindingCitesAnotherItemOrNothingKnown() {
        DraftAnswer a = faithfulAnswer();

        assertThat(answerTypes(withFinding(a, 4, new DraftAnswer.Finding("hdl", List.of("obs-ldl"), "낮습니다."))))
                .containsExactly("BAD_CITATION");
        assertThat(answerTypes(withFinding(a, 4, new DraftAnswer.Finding("hdl", List.of("obs-hdl", "obs-made-up"), "낮습니다."))))
                .containsExactly("BAD_CITATION");
        assertThat(answerTypes(withFinding(a, 4, new DraftAnswer.Finding("uric_acid", List.of(), "요산이 높습니다."))))
                .contains("BAD_CITATION", "MISSING_FINDING");
        assertThat(answerTypes(withFinding(a, 4, new DraftAnswer.Finding("ldl", List.of("obs-ldl"), "낮습니다."))))
                .contains("BAD_CITATION", "MISSING_FINDING");
    }

    @Test
    void shouldAcceptThePanelObservationForEachBloodPressureComponentWhenBothComeFromOnePanel() {
        Map<String, Judgement.Item> items = new LinkedHashMap<>(mixed.items());
        for (String bp : List.of("systolic_bp", "diastolic_bp")) {
            Judgement.Item i = items.get(bp);
            items.put(bp, new Judgement.Item(i.status(), i.category(), i.value(), i.unit(), i.reportedValue(),
                    i.reportedUnit(), i.invalidReason(), "obs-bp-panel"));
        }
        Judgement panel = new Judgement(mixed.ruleset(), items, mixed.judgements(), mixed.overall());
        DraftAnswer a = withFinding(withFinding(faithfulAnswer(), 0,
                new DraftAnswer.Finding("systolic_bp", List.of("obs-bp-panel"), "고혈압 전 단계의 경계 범위입니다.")), 1,
                new DraftAnswer.Finding("diastolic_bp", List.of("obs-bp-panel"), "이완기 혈압도 경계 범위입니다."));

        assertThat(checker.checkAnswer(a, renderer.render(a, panel, "ko"), panel, "ko").findings()).isEmpty();
        DraftAnswer wrong = withFinding(a, 0, new DraftAnswer.Finding("systolic_bp", List.of("obs-bmi"), "경계 범위입니다."));
        assertThat(checker.checkAnswer(wrong, renderer.render(wrong, panel, "ko"), panel, "ko").findings())
                .extracting(DraftCheck.Finding::type).containsExactly("BAD_CITATION");
    }

    @Test
    void shouldCheckTheExplanationAsAStatementAboutItsOwnItem() {
        DraftAnswer a = faithfulAnswer();

        assertThat(answerTypes(withFinding(a, 3, new DraftAnswer.Finding("fasting_glucose", List.of("obs-fasting_glucose"),
                "수치가 148 mg/dL로 높습니다.")))).containsExactly("NUMBER_MISMATCH");
        assertThat(answerTypes(withFinding(a, 3, new DraftAnswer.Finding("fasting_glucose", List.of("obs-fasting_glucose"),
                "수치가 131 g/L로 높습니다.")))).containsExactly("UNIT_MISMATCH");
        assertThat(answerTypes(withFinding(a, 3, new DraftAnswer.Finding("fasting_glucose", List.of("obs-fasting_glucose"),
                "다행히 정상 범위입니다.")))).containsExactly("CATEGORY_CONTRADICTION");
        assertThat(answerTypes(withFinding(a, 3, new DraftAnswer.Finding("fasting_glucose", List.of("obs-fasting_glucose"),
                "정상A 판정입니다.")))).containsExactly("CATEGORY_CONTRADICTION");
    }

    @Test
    void shouldFindMissingFindingWhenTheAnswerOnlyMentionsTheItemInTheAdvice() {
        DraftAnswer a = faithfulAnswer();
        List<DraftAnswer.Finding> findings = new java.util.ArrayList<>(a.findings());
        findings.remove(4);
        DraftAnswer withoutHdl = new DraftAnswer(a.summary(), findings,
                List.of(new DraftAnswer.Lifestyle("이상지질혈증", "HDL 콜레스테롤 38 mg/dL을 높이려면 운동하십시오.")), a.followUp());

        assertThat(answerTypes(withoutHdl)).containsExactly("MISSING_FINDING");
    }

    // --- trial 4, H1: texts that contradict an all-정상A judgement ------------------------------------------------

    private final Judgement normal = DraftExamples.normal();

    private List<String> typesOn(Judgement judgement, String text, String language) {
        return checker.check(text, judgement, language).findings().stream().map(DraftCheck.Finding::type).toList();
    }

    @Test
    void shouldFindOverallContradictionWhenTheStatedOverallResultIsNotTheJudgements() {
        String template = drafter.draft(DraftRequest.firstRound(normal, DraftExamples.MALE_52, "ko")).text();

        assertThat(typesOn(normal, template, "ko")).isEmpty();
        assertThat(typesOn(normal, "종합판정: 정상B(경계). 생활습관 개선이 필요합니다.", "ko"))
                .containsExactly(DraftChecker.OVERALL_CONTRADICTION);
        assertThat(typesOn(normal, "종합판정은 질환의심입니다. 가까운 의원에서 진료를 받으세요.", "ko"))
                .containsExactly(DraftChecker.OVERALL_CONTRADICTION);
        assertThat(typesOn(normal, "종합판정: 유질환자. 현재 건강 상태가 양호합니다.", "ko"))
                .containsExactly(DraftChecker.OVERALL_CONTRADICTION);
        assertThat(typesOn(normal, "Overall result: Normal B, borderline. Please watch your diet.", "en"))
                .containsExactly(DraftChecker.OVERALL_CONTRADICTION);
        assertThat(typesOn(normal, "종합판정: 정상A. 모든 검사 결과가 정상 범위입니다.", "ko")).isEmpty();
        assertThat(typesOn(normal, "Overall result: Normal A. Your results show good health in every item tested.", "en")).isEmpty();
        // the mixed screening is 정상B-free but suspect: its own labels fit, 정상A does not
        assertThat(types("종합판정: 정상A. " + ko, "ko")).contains(DraftChecker.OVERALL_CONTRADICTION);
        assertThat(checker.check("종합판정: 정상B(경계). 생활습관 개선이 필요합니다.", normal, "ko").findings().get(0).shown())
                .isEqualTo("종합판정과 다릅니다: 본문 “종합판정: 정상B(경계).” ↔ 종합판정 정상A");
    }

    @Test
    void shouldFindCategoryContradictionWhenANormalItemIsCalledHighOrLow() {
        assertThat(typesOn(normal, "검사 결과 대부분 양호합니다. 간 기능 수치가 약간 높으니 금주하십시오.", "ko"))
                .containsExactly(DraftChecker.CATEGORY_CONTRADICTION);
        assertThat(typesOn(normal, "혈당이 높게 나왔으니 단 음식을 줄이세요.", "ko")).containsExactly(DraftChecker.CATEGORY_CONTRADICTION);
        assertThat(typesOn(normal, "HDL 콜레스테롤이 낮습니다. 꾸준히 운동하세요.", "ko")).containsExactly(DraftChecker.CATEGORY_CONTRADICTION);
        assertThat(typesOn(normal, "Your liver values are slightly high, so please cut down on alcohol.", "en"))
                .containsExactly(DraftChecker.CATEGORY_CONTRADICTION);
        assertThat(typesOn(normal, "Your blood pressure is high; cut down on salt.", "en")).containsExactly(DraftChecker.CATEGORY_CONTRADICTION);
        // denied, supposed, advised or a target: no claim about this person's values
        assertThat(typesOn(normal, "혈당이 높지 않습니다. 지금처럼 관리하세요.", "ko")).isEmpty();
        assertThat(typesOn(normal, "간 수치는 높은 편이 아닙니다. 지금처럼 관리하세요.", "ko")).isEmpty();
        assertThat(typesOn(normal, "혈압이 높으면 뇌졸중 위험이 커지므로 싱겁게 드세요.", "ko")).isEmpty();
        assertThat(typesOn(normal, "짜게 먹으면 혈압이 높아질 수 있으니 싱겁게 드세요.", "ko")).isEmpty();
        assertThat(typesOn(normal, "혈압이 높아지지 않도록 싱겁게 드세요.", "ko")).isEmpty();
        assertThat(typesOn(normal, "혈당을 낮게 유지하도록 식사를 조절하세요.", "ko")).isEmpty();
        assertThat(typesOn(normal, "If your blood pressure is high at home, see your doctor.", "en")).isEmpty();
        assertThat(typesOn(normal, "Your blood pressure is not high. Keep eating a low-salt diet.", "en")).isEmpty();
        assertThat(typesOn(normal, "고혈압 예방을 위해 싱겁게 드세요.", "ko")).isEmpty();
        // a borderline or suspect item may be high: the mixed screening's own template passes (above), and so does this
        assertThat(types(ko + "\n혈당이 높게 나왔으니 단 음식을 줄이세요.", "ko")).isEmpty();
    }

    @Test
    void shouldFindInventedTreatmentWhenTheJudgementHasNoActiveMedication() {
        Judgement known = DraftExamples.knownDisease();
        String knownText = drafter.draft(DraftRequest.firstRound(known, DraftExamples.FEMALE_45, "ko")).text();

        assertThat(typesOn(normal, "이상 소견이 없습니다. 복용 중인 고혈압 약은 계속 드십시오.", "ko"))
                .containsExactly(DraftChecker.INVENTED_TREATMENT);
        assertThat(typesOn(normal, "검사 결과가 양호합니다. 당뇨병 치료 중이시니 식사 조절을 이어 가세요.", "ko"))
                .containsExactly(DraftChecker.INVENTED_TREATMENT);
        assertThat(typesOn(normal, "Everything is within range. Keep taking your blood pressure medication.", "en"))
                .containsExactly(DraftChecker.INVENTED_TREATMENT);
        assertThat(typesOn(normal, "검사 결과가 양호합니다. 복용 중인 약이 있다면 담당 의사와 상의하세요.", "ko")).isEmpty();
        assertThat(typesOn(normal, "All results are normal. If you take any medication, keep it as prescribed.", "en")).isEmpty();
        assertThat(typesOn(known, knownText + "\n복용 중인 고혈압 약은 계속 드십시오.", "ko")).isEmpty();
    }

    @Test
    void shouldPassAPoliteConditionalOrAQuestionWhenTheTextOnlyAsksAboutTreatment() {
        assertThat(typesOn(normal, "검사 결과가 양호합니다. 현재 복용 중인 약이 있으시면 담당 의사와 상의하세요.", "ko")).isEmpty();
        assertThat(typesOn(normal, "검사 결과가 양호합니다. 드시는 약이 있으시면 검진 때 알려 주세요.", "ko")).isEmpty();
        assertThat(typesOn(normal, "검사 결과가 양호합니다. 치료 중인 질환이 있으시면 담당 의사와 상의하세요.", "ko")).isEmpty();
        assertThat(typesOn(normal, "검사 결과가 양호합니다. 복용 중인 약을 물어보세요.", "ko")).isEmpty();
        assertThat(typesOn(normal, "All results are normal. Ask about your medication at the next visit.", "en")).isEmpty();
        assertThat(typesOn(normal, "검사 결과가 양호합니다. 복용 중인 고혈압 약은 계속 드십시오.", "ko"))
                .containsExactly(DraftChecker.INVENTED_TREATMENT);
    }

    @Test
    void shouldFindHarmfulAdviceWhenTheTextSaysFutureScreeningsAreNotNeeded() {
        assertThat(typesOn(normal, "모든 수치가 정상이므로 앞으로 건강검진을 받지 않으셔도 됩니다.", "ko"))
                .containsExactly(DraftChecker.HARMFUL_ADVICE);
        assertThat(typesOn(normal, "결과가 좋으니 검진은 더 이상 필요 없습니다.", "ko")).containsExactly(DraftChecker.HARMFUL_ADVICE);
        assertThat(typesOn(normal, "All results are normal, so you no longer need to have screenings.", "en"))
                .containsExactly(DraftChecker.HARMFUL_ADVICE);
        assertThat(typesOn(normal, "결과가 양호하다고 건강검진을 받지 않으셔도 된다는 뜻은 아닙니다. 2년마다 검진을 받으세요.", "ko")).isEmpty();
        assertThat(typesOn(normal, "All results are normal. This does not mean you can skip your screenings.", "en")).isEmpty();
    }

    @Test
    void shouldFindWrongLanguageWhenTheTextIsNotInTheReportsLanguage() {
        String koNormal = drafter.draft(DraftRequest.firstRound(normal, DraftExamples.MALE_52, "ko")).text();
        String enNormal = drafter.draft(DraftRequest.firstRound(normal, DraftExamples.MALE_52, "en")).text();

        assertThat(typesOn(normal, "Overall: normal A. All your results are fine.", "ko")).containsExactly(DraftChecker.WRONG_LANGUAGE);
        assertThat(typesOn(normal, koNormal, "en")).contains(DraftChecker.WRONG_LANGUAGE);
        assertThat(typesOn(normal, enNormal, "ko")).contains(DraftChecker.WRONG_LANGUAGE);
        assertThat(typesOn(normal, koNormal + "\nPlease keep up the good work with your diet.", "ko"))
                .containsExactly(DraftChecker.WRONG_LANGUAGE);
        assertThat(typesOn(normal, koNormal, "ko")).isEmpty();
        assertThat(typesOn(normal, enNormal, "en")).as("Korean labels in parentheses belong to the English report").isEmpty();
        assertThat(types(ko, "ko")).isEmpty();
        assertThat(types(en, "en")).isEmpty();
    }

    // --- trial 4, H3: "all items fine" while an applicable unit was not judged -----------------------------------

    /** All 정상A, but waist, hemoglobin and GGT not judged (sex unknown: their bands depend on it). */
    static Judgement sexUnknown() {
        Judgement n = DraftExamples.normal();
        Map<String, Judgement.Item> items = new LinkedHashMap<>(n.items());
        Map<String, Judgement.UnitJudgement> units = new LinkedHashMap<>(n.judgements());
        for (ItemKey key : List.of(ItemKey.WAIST, ItemKey.HEMOGLOBIN, ItemKey.GGT)) {
            Judgement.Item i = items.get(key.json());
            items.put(key.json(), new Judgement.Item(i.status(), null, i.value(), i.unit(), i.reportedValue(), i.reportedUnit(),
                    null, i.observationId()));
            units.put(key.json(), new Judgement.UnitJudgement(null, "not_judged"));
        }
        return new Judgement(n.ruleset(), items, units, n.overall());
    }

    @Test
    void shouldFindOverallContradictionWhenEverythingIsCalledFineWhileAUnitWasNotJudged() {
        Judgement unknown = sexUnknown();
        String template = drafter.draft(DraftRequest.firstRound(unknown, DraftExamples.MALE_52, "ko")).text();
        String templateEn = drafter.draft(DraftRequest.firstRound(unknown, DraftExamples.MALE_52, "en")).text();

        assertThat(template).doesNotContain("검사하신 항목 모두 건강이 양호한 상태입니다")
                .contains("판정한 항목은 모두 건강이 양호한 상태입니다", "허리둘레");
        assertThat(templateEn).doesNotContain("good health in every item tested").contains("Every item that could be judged");
        assertThat(typesOn(unknown, template, "ko")).isEmpty();
        assertThat(typesOn(unknown, templateEn, "en")).isEmpty();
        assertThat(typesOn(unknown, "검사하신 항목 모두 건강이 양호한 상태입니다.", "ko")).containsExactly(DraftChecker.OVERALL_CONTRADICTION);
        assertThat(typesOn(unknown, "All your results are normal.", "en")).containsExactly(DraftChecker.OVERALL_CONTRADICTION);
        assertThat(typesOn(normal, "검사하신 항목 모두 건강이 양호한 상태입니다.", "ko")).isEmpty();
        assertThat(checker.check("검사하신 항목 모두 건강이 양호한 상태입니다.", unknown, "ko").findings().get(0).shown())
                .contains("판정하지 못함", "허리둘레", "혈색소", "감마지티피");
    }

    // --- trial 4, M4: what the physician reads names the words and the fact -------------------------------------

    @Test
    void shouldQuoteTheTextAndTheTrueValueWhenAFindingIsShownToThePhysician() {
        List<DraftCheck.Finding> pair = checker.check("혈압은 126/84 mmHg로 정상입니다. 나머지 항목도 양호합니다.", normal, "ko").findings();
        List<DraftCheck.Finding> missing = checker.check("혈압은 134/84 mmHg로 경계 범위입니다.", mixed, "ko").findings();

        assertThat(pair).extracting(DraftCheck.Finding::shown).containsOnly("수치가 다릅니다: 본문 “126/84 mmHg” ↔ 결과 수축기 혈압/이완기 혈압 112/72 mmHg");
        assertThat(missing).extracting(DraftCheck.Finding::shown).anySatisfy(s -> assertThat(s).startsWith("본문에 빠진 결과입니다: 공복혈당 131 mg/dL"));
        assertThat(pair).allSatisfy(f -> assertThat(f.shown()).doesNotContain("NUMBER_MISMATCH", "systolic_bp"));
    }

    @Test
    void shouldMatchCaseSensitivelyOnlyWhenAPatternHasNoCasedCharacter() {
        int folded = java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE;
        assertThat(DraftChecker.caseFlags("(?:당뇨병|고혈압)\\s*(?:입니다|이다)|[^.\\n]{0,40}?확진\\.")).isZero();
        assertThat(DraftChecker.caseFlags(texts.bundle("ko").text("check.diagnosis")
                .replace("{disease}", texts.bundle("ko").text("check.disease")))).isZero();
        assertThat(DraftChecker.caseFlags(texts.bundle("en").text("check.diagnosis"))).isEqualTo(folded);
        assertThat(DraftChecker.caseFlags("[가-힣]{2,}[0-9]+")).isZero();
        // letters, classes by property, back references, quoting and inline flags keep folding
        for (String regex : List.of("당뇨 BP", "\\p{Lu}가", "(가)\\1", "\\Q가\\E", "(?i)가", "가·나", "\\x41", "\\",
                "[ㄱ-힣]", "[ -~]", "[0-_]", "[-가]", "[[가-나]!-~]")) {
            assertThat(DraftChecker.caseFlags(regex)).as(regex).isEqualTo(folded);
        }
    }

    @Test
    void shouldFoldNoOtherCharacterToAHangulDigitOrSignWhenMatchingIgnoresCase() {
        // case-insensitive matching compares toLowerCase(toUpperCase(c)); what caseFlags lets match case-sensitively
        // must fold only to itself, or dropping the flags would change a match
        Map<Integer, Integer> folds = new LinkedHashMap<>();
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            int fold = Character.toLowerCase(Character.toUpperCase(cp));
            folds.merge(fold, 1, Integer::sum);
        }
        for (char c = 0; c < 0xFFFF; c++) {
            boolean plain = DraftChecker.hangul(c) || c < 0x80 && !Character.isLetter(c);
            if (plain) {
                assertThat(Character.toLowerCase(Character.toUpperCase((int) c))).as("U+%04X", (int) c).isEqualTo((int) c);
                assertThat(folds.get((int) c)).as("U+%04X", (int) c).isEqualTo(1);
            }
        }
    }
}
