package com.checkupflow.drafting;

import java.time.LocalDate;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class DeidentifierTest {

    private final Deidentifier deidentifier = new Deidentifier(new TemplateTexts());
    private final Deidentifier.KnownIdentifiers known = new Deidentifier.KnownIdentifiers("김민수", "980425-1234567",
            LocalDate.of(1998, 4, 25), "pat-778812");

    @Test
    void shouldRemoveEveryIdentifierWhenTheNoteIsFullOfThem() {
        String note = "김민수 님(980425-1234567, 9804251234567) 연락처 010-1234-5678 / 02-555-0199, minsu.kim@example.com, "
                + "서울특별시 강남구 테헤란로 123, 차트번호 A-77812, 환자번호: pat-778812, 생년월일 1998-04-25(1998년 4월 25일). "
                + "민수님 공복혈당 재확인 요망, 운동 권고 문장을 더 쉽게.";

        String scrubbed = deidentifier.scrub(note, known);

        Assertions.assertThat(scrubbed).doesNotContain("김민수", "민수", "980425", "1234567", "010-1234-5678", "02-555-0199",
                "minsu", "example.com", "테헤란로", "A-77812", "pat-778812", "1998-04-25", "1998년");
        Assertions.assertThat(scrubbed).contains("[NAME]", "[RRN]", "[PHONE]", "[EMAIL]", "[ADDRESS]", "[ID]", "[DATE]")
                .contains("공복혈당 재확인 요망", "운동 권고 문장을 더 쉽게");
    }

    @Test
    void shouldRemoveRrnShapedNumbersWhenTheScreenedPersonIsNotKnown() {
        String scrubbed = deidentifier.scrub("주민번호 7501012345678 또는 750101-2345678, phone +82 10 9876 5432, "
                + "MRN: 55321, patient id PT-0042, lives at 12 Baker Street", Deidentifier.KnownIdentifiers.NONE);

        Assertions.assertThat(scrubbed).doesNotContain("7501012345678", "750101-2345678", "9876", "55321", "PT-0042", "Baker");
    }

    @Test
    void shouldKeepMeasurementsWhenTheTextHoldsNoIdentifiers() {
        String text = "- NUMBER_MISMATCH: 공복혈당 148 mg/dL는 판정 값 131 mg/dL과 다릅니다; 혈압 134/84 mmHg, 크레아티닌 1.52";

        Assertions.assertThat(deidentifier.scrub(text, known)).isEqualTo(text);
    }

    @Test
    void shouldKeepDiseaseWordsWhenTheyStandBeforeARole() {
        String text = "고혈압 환자에게 맞는 생활습관 문장으로, 당뇨병 환자 기준이 아니라 일반 수검자 기준으로 써 주세요.";

        Assertions.assertThat(deidentifier.scrub(text, Deidentifier.KnownIdentifiers.NONE)).isEqualTo(text);
        Assertions.assertThat(deidentifier.scrub("보호자 말로는 박영철 환자가 약을 끊었다고 함", Deidentifier.KnownIdentifiers.NONE))
                .doesNotContain("박영철");
    }

    @Test
    void shouldGiveAFiveYearBandWhenTheAgeIsKnown() {
        Assertions.assertThat(Deidentifier.ageBand(52)).isEqualTo("50-54");
        Assertions.assertThat(Deidentifier.ageBand(45)).isEqualTo("45-49");
        Assertions.assertThat(Deidentifier.ageBand(0)).isEqualTo("unknown");
    }

    @Test
    void shouldCarryOnlyTheJudgementSexAndAgeBandWhenBuildingTheModelInput() {
        DraftRequest request = new DraftRequest(DraftExamples.mixed(), DraftExamples.MALE_52, "ko", 2,
                "010-1234-5678로 연락한 김민수 환자: 혈당 설명 보완");

        Deidentifier.Input input = deidentifier.input(request);

        Assertions.assertThat(input.json()).contains("\"ageBand\":\"50-54\"", "\"sex\":\"male\"", "obs-fasting_glucose",
                "\"value\":\"131\"", "공복혈당", "혈당 설명 보완");
        Assertions.assertThat(input.json()).doesNotContain("한빛건강검진센터", "2026-11-03", "\"age\"", "010-1234-5678", "김민수");
        Assertions.assertThat(input.sha256()).hasSize(64).isEqualTo(deidentifier.input(request).sha256());
        Assertions.assertThat(input.observationIds()).contains("obs-fasting_glucose", "obs-creatinine");
    }
}
