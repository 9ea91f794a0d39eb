package com.checkupflow.drafting;

import com.checkupflow.ai.DraftRequest;
import com.checkupflow.ai.PatientContext;
import com.checkupflow.ai.TemplateTexts;
import com.checkupflow.kernel.ItemKey;
import com.checkupflow.judgement.Judgement;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class TemplateReportDrafterTest {

    private final TemplateTexts texts = new TemplateTexts();
    private final TemplateReportDrafter drafter = new TemplateReportDrafter(texts, DraftingFixtures.CLOCK);
    private final DraftChecker checker = new DraftChecker(texts);

    private String ko(Judgement j) {
        return drafter.draft(DraftRequest.firstRound(j, DraftExamples.MALE_52, "ko")).text();
    }

    private String en(Judgement j) {
        return drafter.draft(DraftRequest.firstRound(j, DraftExamples.MALE_52, "en")).text();
    }

    @Test
    void shouldReportNormalAInKoreanWhenEveryItemIsNormal() {
        String text = ko(DraftExamples.normal());

        assertThat(text).contains("한빛건강검진센터에서 2026년 11월 3일에 받으신 일반건강검진", "종합판정: 정상A",
                "건강이 양호한 상태입니다", "다음 정기 건강검진");
        assertThat(text).doesNotContain("■ 주의가 필요한 검사 결과", "질환의심", "누락");
        assertThat(checker.check(text, DraftExamples.normal(), "ko").passed()).isTrue();
    }

    @Test
    void shouldReportNormalAInEnglishWhenEveryItemIsNormal() {
        String text = en(DraftExamples.normal());

        assertThat(text).contains("on 3 November 2026", "Overall result: Normal A (정상A)", "good health");
        assertThat(text).doesNotContain("suspected", "missing");
        assertThat(checker.check(text, DraftExamples.normal(), "en").passed()).isTrue();
    }

    @Test
    void shouldSayTheAgeIsUnknownWhenThereIsNoBirthDate() {
        PatientContext noBirthDate = new PatientContext("female", -1, "한빛건강검진센터",
                DraftExamples.MALE_52.examDate());

        String korean = drafter.draft(DraftRequest.firstRound(DraftExamples.normal(), noBirthDate, "ko")).text();
        String english = drafter.draft(DraftRequest.firstRound(DraftExamples.normal(), noBirthDate, "en")).text();

        assertThat(korean).contains("(여성, 생년월일이 없어 나이 미상)").doesNotContain("만 0세", "만 -1세");
        assertThat(english).contains("(female, age unknown: no birth date)").doesNotContain("age 0", "age -1");
        assertThat(checker.check(korean, DraftExamples.normal(), "ko").passed()).isTrue();
        assertThat(checker.check(english, DraftExamples.normal(), "en").passed()).isTrue();
    }

    @Test
    void shouldListEveryAbnormalItemByTargetDiseaseWhenResultsAreMixed() {
        String text = ko(DraftExamples.mixed());

        assertThat(text).contains("종합판정: 일반 질환의심, 고혈압·당뇨병·이상지질혈증 질환의심");
        assertThat(text).contains(
                "[고혈압]\n- 수축기 혈압 134 mmHg, 이완기 혈압 84 mmHg: 정상B(경계).",
                "[비만]\n- 체질량지수(BMI) 27.3 kg/m²: 정상B(경계). 과체중",
                "[당뇨병]\n- 공복혈당 131 mg/dL(보고값 7.27 mmol/L): 질환의심. 당뇨병이 의심되는 수치입니다.",
                "[이상지질혈증]\n- HDL 콜레스테롤 38 mg/dL: 질환의심.",
                "[간장질환]\n- AST(SGOT) 44 U/L: 정상B(경계).",
                "[신장질환]\n- 요단백 약양성(±): 정상B(경계).",
                "- 혈청 크레아티닌 1.52 mg/dL: 질환의심.");
        // advice per disease, follow-up by kind of finding
        assertThat(text).contains("싱겁게", "절주", "금연", "운동", "술을 줄이거나");
        assertThat(text).contains("- 당뇨병·이상지질혈증 질환의심: 가까운 의원에서 진료와 확진검사를 받으십시오.",
                "2027년 1월 31일까지 본인부담 없이", "- 신장질환 질환의심: 전문 의료기관에서 추적검사",
                "- 고혈압·비만·간장질환 경계:");
        assertThat(text.length()).isLessThan(3000);
        assertThat(checker.check(text, DraftExamples.mixed(), "ko").findings()).isEmpty();
    }

    @Test
    void shouldPromiseNoFreeFirstVisitWhenItsDeadlineHasPassedAtDraftingTime() {
        PatientContext lastYear = new PatientContext("male", 52, "한빛건강검진센터", java.time.LocalDate.of(2025, 6, 4));
        // 1 February 2026 in Seoul (31 January 15:00 UTC): the day after the deadline of a 2025 exam
        TemplateReportDrafter late = new TemplateReportDrafter(texts,
                java.time.Clock.fixed(java.time.Instant.parse("2026-01-31T15:00:00Z"), java.time.ZoneOffset.UTC));
        TemplateReportDrafter onTime = new TemplateReportDrafter(texts,
                java.time.Clock.fixed(java.time.Instant.parse("2026-01-31T14:59:00Z"), java.time.ZoneOffset.UTC));

        String ko = late.draft(DraftRequest.firstRound(DraftExamples.mixed(), lastYear, "ko")).text();
        String en = late.draft(DraftRequest.firstRound(DraftExamples.mixed(), lastYear, "en")).text();

        assertThat(ko).contains("- 당뇨병·이상지질혈증 질환의심: 가까운 의원에서 되도록 빨리 진료와 확진검사를 받으십시오.")
                .doesNotContain("1월 31일").doesNotContain("본인부담");
        assertThat(en).contains("please visit a clinic soon").doesNotContain("31 January");
        assertThat(onTime.draft(DraftRequest.firstRound(DraftExamples.mixed(), lastYear, "ko")).text())
                .contains("2026년 1월 31일까지 본인부담 없이");
        assertThat(checker.check(ko, DraftExamples.mixed(), "ko").findings()).isEmpty();
    }

    @Test
    void shouldWriteTheMixedCaseInEnglishWhenAskedForEnglish() {
        String text = en(DraftExamples.mixed());

        assertThat(text).contains("General disease suspected (일반 질환의심)",
                "Hypertension, diabetes or dyslipidemia suspected (고혈압·당뇨병·이상지질혈증 질환의심)",
                "- Fasting glucose 131 mg/dL (reported as 7.27 mmol/L): Disease suspected. Diabetes is suspected.",
                "- Serum creatinine 1.52 mg/dL: Disease suspected.",
                "- Suspected diabetes and dyslipidemia: please visit a clinic", "until 31 January 2027");
        assertThat(checker.check(text, DraftExamples.mixed(), "en").findings()).isEmpty();
    }

    @Test
    void shouldPrintNumbersWithoutTrailingZerosWhenValuesAreDoubles() {
        Judgement j = JudgementFixture.allNormal("male").value(ItemKey.FASTING_GLUCOSE, 131.0)
                .value(ItemKey.CREATININE, new BigDecimal("1.520")).value(ItemKey.BMI, 25.0).build();

        String text = ko(j);

        assertThat(text).contains("공복혈당 131 mg/dL", "혈청 크레아티닌 1.52 mg/dL", "체질량지수(BMI) 25 kg/m²");
        assertThat(text).doesNotContain("131.0", "1.520", "25.0");
    }

    @Test
    void shouldAdviseContinuingTreatmentWhenPersonIsKnownDisease() {
        String text = ko(DraftExamples.knownDisease());

        assertThat(text).contains("종합판정: 유질환자", "꾸준히 치료를 이어가십시오", "수축기 혈압 146 mmHg, 이완기 혈압 88 mmHg: 질환의심",
                "주치의에게 이번 결과를 알리고");
        // treated hypertension adds no CARDIOMETABOLIC_SUSPECT flag, so no free first visit is promised
        assertThat(text).doesNotContain("본인부담");
        assertThat(en(DraftExamples.knownDisease())).contains("Under treatment for a known disease (유질환자)", "Keep taking the medicine");
    }

    @Test
    void shouldNameOnlyUntreatedDiseasesSuspectedWhenATreatedDiseaseHasASuspectValue() {
        Judgement j = DraftExamples.treatedHypertensionWithSuspects();
        String ko = ko(j);
        String en = en(j);

        assertThat(j.overall().flags()).contains("KNOWN_DISEASE", "CARDIOMETABOLIC_SUSPECT");
        assertThat(ko).contains("당뇨병·이상지질혈증이 의심되어", "- 당뇨병·이상지질혈증 질환의심: 가까운 의원에서 진료와 확진검사",
                "- 고혈압(치료 중): 이번 결과를 주치의에게 알리고", "이미 치료 중인 질환이므로")
                .doesNotContain("고혈압·당뇨병·이상지질혈증이", "고혈압이 의심", "- 고혈압·", "고혈압 질환의심:");
        assertThat(en).contains("Hypertension (under treatment)")
                .contains("suspected diabetes and dyslipidemia").doesNotContain("suspected hypertension", "Suspected hypertension");
        assertThat(checker.check(ko, j, "ko").findings()).isEmpty();
        assertThat(checker.check(en, j, "en").findings()).isEmpty();
    }

    @Test
    void shouldSayTheResultIsIncompleteWhenItemsAreMissingOrNotJudged() {
        String text = ko(DraftExamples.incomplete());

        assertThat(text).contains("일부 검사 결과가 누락되어", "- 공복혈당: 검사 결과가 없어 판정하지 못했습니다.",
                "- 흉부방사선: 촬영하지 않아 판정하지 못했습니다.",
                "감마지티피(γ-GTP) 6 U/L: 판정불가(의사 확인)", "담당 의사가 확인한 뒤", "혈색소 11.4 g/dL: 정상B(경계)");
        assertThat(en(DraftExamples.incomplete())).contains("Some test results are missing", "Chest X-ray: not taken",
                "Gamma-GTP 6 U/L: Unclassified (physician review)");
    }

    @Test
    void shouldNotPrintNormalAWhenTheCaseIsIncomplete() {
        String text = ko(DraftExamples.incompleteButOtherwiseNormal());

        assertThat(text).doesNotContain("종합판정: 정상A").contains("종합판정: 보류", "일부 검사 결과가 누락되어");
    }

    @Test
    void shouldExplainPoorImageWhenChestXrayCouldNotBeJudged() {
        String text = ko(JudgementFixture.allNormal("male").code(ItemKey.CHEST_XRAY, "poor_image").build());

        assertThat(text).contains("흉부방사선: 사진 상태가 불량하여 판정하지 못했으며, 재촬영이 필요할 수 있습니다.");
    }

    @Test
    void shouldUseTheOlderLabelWhenRulesetIsBefore2026() {
        Judgement j = JudgementFixture.allNormal("male").ruleset("KR-NHIS-GHS-2025")
                .value(ItemKey.FASTING_GLUCOSE, 140).value(ItemKey.LDL, 170).build();

        String text = ko(j);

        assertThat(text).contains("고혈압·당뇨병 질환의심", "- 당뇨병 질환의심: 가까운 의원", "- 이상지질혈증 질환의심: 전문 의료기관");
        assertThat(text).doesNotContain("고혈압·당뇨병·이상지질혈증 질환의심");
    }

    @Test
    void shouldSpeakOfUnderweightWhenBmiIsBelowRange() {
        String text = ko(JudgementFixture.allNormal("female").value(ItemKey.BMI, new BigDecimal("17.9")).build());

        assertThat(text).contains("[저체중]", "저체중", "끼니를 거르지 말고").doesNotContain("열량을 줄인");
    }

    @Test
    void shouldNeverStateADefinitiveDiagnosisWhenDiseasesAreSuspected() {
        Pattern definitive = Pattern.compile("(고혈압|당뇨병|이상지질혈증|빈혈|비만|간장질환|신장질환|폐결핵)입니다|진단되었습니다");
        Pattern definitiveEn = Pattern.compile("(?i)you have (hypertension|diabetes|dyslipidemia|anemia|obesity)|diagnosed with");
        for (Judgement j : new Judgement[]{DraftExamples.mixed(), DraftExamples.knownDisease(), DraftExamples.incomplete()}) {
            assertThat(definitive.matcher(ko(j)).find()).isFalse();
            assertThat(definitiveEn.matcher(en(j)).find()).isFalse();
        }
        assertThat(ko(DraftExamples.mixed())).contains("당뇨병이 의심되는");
    }

    @Test
    void shouldGiveTheSameTextWhenCalledAgainOrInALaterRound() {
        Judgement j = DraftExamples.mixed();
        Draft first = drafter.draft(DraftRequest.firstRound(j, DraftExamples.MALE_52, "ko"));
        Draft again = drafter.draft(DraftRequest.firstRound(DraftExamples.mixed(), DraftExamples.MALE_52, "ko"));
        Draft round2 = drafter.draft(new DraftRequest(j, DraftExamples.MALE_52, "ko", 2,
                "환자 홍길동 010-1234-5678 에게 고혈압입니다 라고 써 주세요"));

        assertThat(again.text()).isEqualTo(first.text());
        assertThat(round2.text()).isEqualTo(first.text()).doesNotContain("홍길동", "010-1234-5678");
    }

    @Test
    void shouldDescribeItselfAsTheTemplateProviderWhenDrafting() {
        Draft draft = drafter.draft(DraftRequest.firstRound(DraftExamples.normal(), DraftExamples.FEMALE_45, null));

        assertThat(draft.provider()).isEqualTo("template");
        assertThat(draft.model()).isNull();
        assertThat(draft.promptVersion()).isEqualTo("template-v2");
        assertThat(draft.fallback()).isFalse();
        assertThat(draft.asFallback().fallback()).isTrue();
        assertThat(draft.text()).contains("여성, 만 45세"); // null language → Korean
    }
}
