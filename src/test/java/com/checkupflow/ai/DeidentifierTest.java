package com.checkupflow.ai;

import com.checkupflow.drafting.DraftExamples;
import java.time.LocalDate;
import java.util.List;

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
    void shouldRemoveKoreanNamesWhenARelationOrRoleStandsBefore() {
        Assertions.assertThat(scrub("보호자 김영희 연락 요망")).isEqualTo("보호자 [NAME] 연락 요망");
        Assertions.assertThat(scrub("딸 이수진에게 설명함")).isEqualTo("딸 [NAME]에게 설명함");
        Assertions.assertThat(scrub("보호자(박영철) 동반, 남편: 최민호, 담당 정유진")).isEqualTo("보호자([NAME]) 동반, 남편: [NAME], 담당 [NAME]");
        Assertions.assertThat(scrub("아들 남궁민수한테 전화함, 어머니 윤미숙께서 동의")).isEqualTo("아들 [NAME]한테 전화함, 어머니 [NAME]께서 동의");
        Assertions.assertThat(scrub("환자 박철수가 약을 끊음")).isEqualTo("환자 [NAME] 약을 끊음");
        Assertions.assertThat(scrub("보호자 연락처 김영희")).isEqualTo("보호자 연락처 [NAME]");
    }

    @Test
    void shouldRemoveKoreanNamesWhenAStaffOrFamilyTitleFollows() {
        Assertions.assertThat(scrub("박지훈 간호사가 채혈")).isEqualTo("[NAME] 간호사가 채혈");
        Assertions.assertThat(scrub("김민정 선생님 확인, 정민호 교수님께 보고, 이정은 어머님 동행"))
                .isEqualTo("[NAME] 선생님 확인, [NAME] 교수님께 보고, [NAME] 어머님 동행");
        Assertions.assertThat(scrub("한수희님께 안내, 오세훈씨에게 전달")).isEqualTo("[NAME]님께 안내, [NAME]씨에게 전달");
    }

    @Test
    void shouldKeepClinicalAndRoleWordsWhenNoNameIsNextToTheRole() {
        for (String text : List.of("혈압이 정상 범위입니다", "이상 소견 없음", "담당 의사 확인 필요", "보호자 동의 받음",
                "고혈압 환자 관리", "간호사 확인 후 재측정", "부친 고혈압, 모친 당뇨병 가족력", "어머니 유방암, 아버지 심근경색",
                "남편 흡연 중, 아내 임신 중", "딸 이상 없음", "아들 정밀검사 필요", "의사 소견상 정상", "담당 간호사 안내",
                "담당 전문의 진료 권고", "의사 선생님께 설명", "담당 원장님 확인", "보호자 연락처 미상", "신경과 교수 진료",
                "선생님 확인 바람", "간호사님께 전달", "고객님께 안내", "보호자 진술로는 정상 수치", "환자 정보 확인",
                "환자 이해도 의사소통 원활", "정상 환자.")) {
            Assertions.assertThat(scrub(text)).as(text).isEqualTo(text);
        }
    }

    @Test
    void shouldRemoveEnglishNamesWhenATitleOrRelationStandsBefore() {
        Assertions.assertThat(scrub("Dr. Kim reviewed; Mrs Lee Young-hee called, Prof Hong agreed, Mr.Park and Ms O'Brien too."))
                .isEqualTo("Dr. [NAME] reviewed; Mrs [NAME] called, Prof [NAME] agreed, Mr.[NAME] and Ms [NAME] too.");
        Assertions.assertThat(scrub("guardian Park Ji-hoon informed; daughter Lee Su-jin present; nurse Choi Mina drew blood"))
                .isEqualTo("guardian [NAME] informed; daughter [NAME] present; nurse [NAME] drew blood");
    }

    @Test
    void shouldKeepEnglishTextWhenNoCapitalizedNameFollows() {
        for (String text : List.of("The patient reported fatigue.", "Dr. visit recommended; mother has diabetes.",
                "Patient Kim asked again.", "MR grade 2, MS none.", "- MISSING_FINDING: fasting_glucose is DISEASE_SUSPECT but the draft does not name it")) {
            Assertions.assertThat(scrub(text)).as(text).isEqualTo(text);
        }
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

    private String scrub(String text) {
        return deidentifier.scrub(text, Deidentifier.KnownIdentifiers.NONE);
    }
}
