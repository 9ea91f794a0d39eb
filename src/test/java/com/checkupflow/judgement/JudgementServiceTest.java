package com.checkupflow.judgement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.checkupflow.kernel.Category;
import com.checkupflow.kernel.InvalidReason;
import com.checkupflow.kernel.ItemKey;
import com.checkupflow.kernel.ItemStatus;
import com.checkupflow.kernel.NormalizedScreening;
import com.checkupflow.kernel.TreatedDisease;

/** Aggregation, notes, completeness and the assembled contract document, through the real DMN. */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = DmnTestSupport.DMN)
class JudgementServiceTest {

    ProcessEngine processEngine;

    private JudgementService service;

    @BeforeEach
    void setUp() {
        service = new JudgementService(new DecisionInputs(),
                new CamundaDecisionEvaluator(processEngine.getRepositoryService(), new DmnEnginePlugin()),
                new JudgementAssembler());
    }

    private Judgement judge(ScreeningFixture fixture) {
        return service.judge(fixture.build()).judgement();
    }

    @Test
    void shouldReturnNormalAAndCompleteWhenEveryUnitIsNormal() {
        Judgement j = judge(ScreeningFixture.allNormalA());

        Assertions.assertThat(j.overall().primary()).isEqualTo("NORMAL_A");
        Assertions.assertThat(j.overall().flags()).containsExactly("NORMAL_A");
        Assertions.assertThat(j.overall().worstItemCategory()).isEqualTo(Category.NORMAL_A);
        Assertions.assertThat(j.overall().complete()).isTrue();
        Assertions.assertThat(j.overall().needsPhysicianReview()).isFalse();
        Assertions.assertThat(j.judgements().values()).allSatisfy(u -> {
            Assertions.assertThat(u.category()).isEqualTo(Category.NORMAL_A);
            Assertions.assertThat(u.note()).isNull();
        });
    }

    @Test
    void shouldReturnNormalBWhenAllUnitsAreBorderline() {
        Judgement j = judge(ScreeningFixture.allNormalB());

        Assertions.assertThat(j.overall().primary()).isEqualTo("NORMAL_B");
        Assertions.assertThat(j.overall().flags()).containsExactly("NORMAL_B");
        Assertions.assertThat(j.overall().worstItemCategory()).isEqualTo(Category.NORMAL_B);
        Assertions.assertThat(j.judgements().get("blood_pressure").category()).isEqualTo(Category.NORMAL_B);
    }

    @Test
    void shouldReturnUndeterminedWhenNothingIsJudged() {
        Judgement j = judge(ScreeningFixture.empty());

        Assertions.assertThat(j.overall().primary()).isEqualTo("UNDETERMINED");
        Assertions.assertThat(j.overall().flags()).containsExactly("UNDETERMINED");
        Assertions.assertThat(j.overall().worstItemCategory()).isNull();
        Assertions.assertThat(j.overall().complete()).isFalse();
        Assertions.assertThat(j.judgements().values()).allSatisfy(u -> {
            Assertions.assertThat(u.category()).isNull();
            Assertions.assertThat(u.note()).isEqualTo("missing");
        });
    }

    @Test
    void shouldFlagOnlyKnownDiseaseWhenSuspectBpIsTreatedForHypertension() {
        Judgement j = judge(ScreeningFixture.allNormalA()
                .value(ItemKey.SYSTOLIC_BP, "150").value(ItemKey.DIASTOLIC_BP, "95")
                .treated(TreatedDisease.HYPERTENSION));

        Assertions.assertThat(j.judgements().get("blood_pressure").category()).isEqualTo(Category.DISEASE_SUSPECT);
        Assertions.assertThat(j.overall().flags()).containsExactly("KNOWN_DISEASE");
        Assertions.assertThat(j.overall().primary()).isEqualTo("KNOWN_DISEASE");
        Assertions.assertThat(j.overall().worstItemCategory()).isEqualTo(Category.DISEASE_SUSPECT);
    }

    @Test
    void shouldFlagCardiometabolicWhenSuspectBpIsTreatedOnlyForTuberculosis() {
        Judgement j = judge(ScreeningFixture.allNormalA().value(ItemKey.SYSTOLIC_BP, "150")
                .treated(TreatedDisease.TUBERCULOSIS));

        Assertions.assertThat(j.overall().flags()).containsExactly("KNOWN_DISEASE", "CARDIOMETABOLIC_SUSPECT");
        Assertions.assertThat(j.overall().primary()).isEqualTo("KNOWN_DISEASE");
    }

    @Test
    void shouldFlagCardiometabolicOnceWhenSeveralLipidsAreSuspectAndUntreated() {
        Judgement j = judge(ScreeningFixture.allNormalA().value(ItemKey.LDL, "170").value(ItemKey.HDL, "35"));

        Assertions.assertThat(j.overall().flags()).containsExactly("CARDIOMETABOLIC_SUSPECT");
        Assertions.assertThat(j.overall().primary()).isEqualTo("CARDIOMETABOLIC_SUSPECT");
    }

    @Test
    void shouldFlagGeneralSuspectWhenBmiIs30() {
        Judgement j = judge(ScreeningFixture.allNormalA().value(ItemKey.BMI, "30.0"));

        Assertions.assertThat(j.judgements().get("bmi").category()).isEqualTo(Category.DISEASE_SUSPECT);
        Assertions.assertThat(j.overall().flags()).containsExactly("GENERAL_SUSPECT");
        Assertions.assertThat(j.overall().primary()).isEqualTo("GENERAL_SUSPECT");
    }

    @Test
    void shouldListFlagsInPrecedenceOrderWhenSeveralApply() {
        Judgement j = judge(ScreeningFixture.allNormalA().value(ItemKey.AST, "60")
                .value(ItemKey.FASTING_GLUCOSE, "130").treated(TreatedDisease.DYSLIPIDEMIA));

        Assertions.assertThat(j.overall().flags())
                .containsExactly("KNOWN_DISEASE", "CARDIOMETABOLIC_SUSPECT", "GENERAL_SUSPECT");
        Assertions.assertThat(j.overall().primary()).isEqualTo("KNOWN_DISEASE");
    }

    @Test
    void shouldJudgeBpSuspectWhenSystolicIsSuspectAndDiastolicMissing() {
        Judgement j = judge(ScreeningFixture.allNormalA().value(ItemKey.SYSTOLIC_BP, "150")
                .missing(ItemKey.DIASTOLIC_BP));

        Assertions.assertThat(j.judgements().get("blood_pressure"))
                .isEqualTo(new Judgement.UnitJudgement(Category.DISEASE_SUSPECT, null));
        Assertions.assertThat(j.items().get("systolic_bp").category()).isEqualTo(Category.DISEASE_SUSPECT);
        Assertions.assertThat(j.items().get("diastolic_bp").category()).isNull();
        Assertions.assertThat(j.overall().flags()).containsExactly("CARDIOMETABOLIC_SUSPECT");
        Assertions.assertThat(j.overall().complete()).isFalse();
    }

    @Test
    void shouldNotJudgeBpWhenSystolicIsBorderlineAndDiastolicMissing() {
        Judgement j = judge(ScreeningFixture.allNormalA().value(ItemKey.SYSTOLIC_BP, "130")
                .missing(ItemKey.DIASTOLIC_BP));

        Assertions.assertThat(j.judgements().get("blood_pressure"))
                .isEqualTo(new Judgement.UnitJudgement(null, "incomplete_pair"));
        Assertions.assertThat(j.items().get("systolic_bp").category()).isEqualTo(Category.NORMAL_B);
        Assertions.assertThat(j.overall().primary()).isEqualTo("NORMAL_A");
        Assertions.assertThat(j.overall().complete()).isFalse();
    }

    @Test
    void shouldNoteBpInvalidWhenBothComponentsAreInvalid() {
        Judgement j = judge(ScreeningFixture.allNormalA()
                .invalid(ItemKey.SYSTOLIC_BP, 80, InvalidReason.BP_DIASTOLIC_GE_SYSTOLIC)
                .invalid(ItemKey.DIASTOLIC_BP, 90, InvalidReason.BP_DIASTOLIC_GE_SYSTOLIC));

        Assertions.assertThat(j.judgements().get("blood_pressure"))
                .isEqualTo(new Judgement.UnitJudgement(null, "invalid"));
        Assertions.assertThat(j.items().get("systolic_bp").invalidReason())
                .isEqualTo(InvalidReason.BP_DIASTOLIC_GE_SYSTOLIC);
        Assertions.assertThat(j.overall().needsPhysicianReview()).isTrue();
        Assertions.assertThat(j.overall().complete()).isFalse();
    }

    @Test
    void shouldNoteBpMissingWhenBothComponentsAreMissing() {
        Judgement j = judge(ScreeningFixture.allNormalA().missing(ItemKey.SYSTOLIC_BP).missing(ItemKey.DIASTOLIC_BP));

        Assertions.assertThat(j.judgements().get("blood_pressure")).isEqualTo(new Judgement.UnitJudgement(null, "missing"));
    }

    @Test
    void shouldNeedReviewAndBeIncompleteWhenChestXrayHasPoorImage() {
        Judgement j = judge(ScreeningFixture.allNormalA().code(ItemKey.CHEST_XRAY, "poor_image"));

        Assertions.assertThat(j.judgements().get("chest_xray")).isEqualTo(new Judgement.UnitJudgement(null, "not_judged"));
        Assertions.assertThat(j.items().get("chest_xray").category()).isNull();
        Assertions.assertThat(j.items().get("chest_xray").value()).isEqualTo("poor_image");
        Assertions.assertThat(j.overall().complete()).isFalse();
        Assertions.assertThat(j.overall().needsPhysicianReview()).isTrue();
        Assertions.assertThat(j.overall().primary()).isEqualTo("NORMAL_A");
    }

    @Test
    void shouldNeedReviewButStayNormalWhenHemoglobinIsAboveTheTable() {
        Judgement j = judge(ScreeningFixture.allNormalA().value(ItemKey.HEMOGLOBIN, "17.2"));

        Assertions.assertThat(j.judgements().get("hemoglobin").category()).isEqualTo(Category.UNCLASSIFIED);
        Assertions.assertThat(j.overall().flags()).containsExactly("NORMAL_A");
        Assertions.assertThat(j.overall().worstItemCategory()).isEqualTo(Category.UNCLASSIFIED);
        Assertions.assertThat(j.overall().needsPhysicianReview()).isTrue();
        Assertions.assertThat(j.overall().complete()).isTrue();
    }

    @Test
    void shouldNeedReviewAndNoteInvalidWhenAnItemIsInvalid() {
        Judgement j = judge(ScreeningFixture.allNormalA().invalid(ItemKey.HEMOGLOBIN, 145, InvalidReason.IMPLAUSIBLE_VALUE));

        Assertions.assertThat(j.judgements().get("hemoglobin")).isEqualTo(new Judgement.UnitJudgement(null, "invalid"));
        Assertions.assertThat(j.items().get("hemoglobin").status()).isEqualTo(ItemStatus.INVALID);
        Assertions.assertThat(j.overall().needsPhysicianReview()).isTrue();
        Assertions.assertThat(j.overall().complete()).isFalse();
    }

    @Test
    void shouldStayCompleteWithNotScheduledNotesWhenLipidsAreNotDue() {
        Judgement j = judge(ScreeningFixture.allNormalA().lipidsNotScheduled().missing(ItemKey.HEIGHT));

        Assertions.assertThat(j.judgements().get("ldl")).isEqualTo(new Judgement.UnitJudgement(null, "not_scheduled"));
        Assertions.assertThat(j.items().get("ldl").status()).isEqualTo(ItemStatus.NOT_SCHEDULED);
        Assertions.assertThat(j.overall().complete()).isTrue();
        Assertions.assertThat(j.overall().primary()).isEqualTo("NORMAL_A");
    }

    @Test
    void shouldNotJudgeTheLipidsAndSayWhyWhenTheBirthDateIsUnknown() {
        Judgement j = judge(ScreeningFixture.allNormalA().value(ItemKey.LDL, "190").value(ItemKey.TOTAL_CHOLESTEROL, "260")
                .noBirthDate());

        for (String lipid : List.of("total_cholesterol", "hdl", "triglycerides", "ldl")) {
            Assertions.assertThat(j.judgements().get(lipid)).as(lipid)
                    .isEqualTo(new Judgement.UnitJudgement(null, "not_judged"));
            Assertions.assertThat(j.items().get(lipid).category()).as(lipid).isNull();
        }
        Assertions.assertThat(j.items().get("ldl").status()).as("measured: the value stays").isEqualTo(ItemStatus.VALID);
        Assertions.assertThat(j.items().get("ldl").value()).isEqualTo(new java.math.BigDecimal("190"));
        Assertions.assertThat(j.overall().flags()).doesNotContain("CARDIOMETABOLIC_SUSPECT");
        Assertions.assertThat(j.judgements().get("blood_pressure").category()).isNotNull();
    }

    @Test
    void shouldReportCriticalFindingsWhenPanicValuesAreReached() {
        JudgementOutcome outcome = service.judge(ScreeningFixture.allNormalA()
                .value(ItemKey.SYSTOLIC_BP, "185").value(ItemKey.DIASTOLIC_BP, "112")
                .value(ItemKey.FASTING_GLUCOSE, "300").value(ItemKey.HEMOGLOBIN, "6.9").value(ItemKey.EGFR, "14")
                .build());

        Assertions.assertThat(outcome.criticalFindings()).containsExactly("systolic_bp >= 180", "diastolic_bp >= 110",
                "fasting_glucose >= 300", "hemoglobin < 7", "egfr < 15");
        Assertions.assertThat(outcome.critical()).isTrue();
    }

    @Test
    void shouldReportNoCriticalFindingsWhenJustBelowPanicValues() {
        JudgementOutcome outcome = service.judge(ScreeningFixture.allNormalA()
                .value(ItemKey.SYSTOLIC_BP, "179").value(ItemKey.DIASTOLIC_BP, "109")
                .value(ItemKey.FASTING_GLUCOSE, "299").value(ItemKey.HEMOGLOBIN, "7.0").value(ItemKey.EGFR, "15")
                .build());

        Assertions.assertThat(outcome.criticalFindings()).isEmpty();
        Assertions.assertThat(outcome.critical()).isFalse();
    }

    @Test
    void shouldSerializeTheContractShapeWhenWrittenAsJson() throws Exception {
        Judgement j = judge(ScreeningFixture.allNormalA().value(ItemKey.FASTING_GLUCOSE, "131")
                .invalid(ItemKey.AST, "abc", InvalidReason.NON_NUMERIC));
        ObjectMapper mapper = new ObjectMapper();

        JsonNode json = mapper.readTree(mapper.writeValueAsString(j));

        Assertions.assertThat(fieldNames(json)).containsExactly("ruleset", "items", "judgements", "overall");
        Assertions.assertThat(json.get("ruleset").asText()).isEqualTo("KR-NHIS-GHS-2026");
        Assertions.assertThat(fieldNames(json.get("items")))
                .containsExactlyElementsOf(Arrays.stream(ItemKey.values()).map(ItemKey::json).toList());
        Assertions.assertThat(fieldNames(json.get("judgements")))
                .containsExactlyElementsOf(Arrays.stream(JudgementUnit.values()).map(JudgementUnit::json).toList());
        JsonNode glucose = json.get("items").get("fasting_glucose");
        Assertions.assertThat(fieldNames(glucose)).containsExactly("status", "category", "value", "unit",
                "reportedValue", "reportedUnit", "invalidReason", "observationId");
        Assertions.assertThat(glucose.get("status").asText()).isEqualTo("valid");
        Assertions.assertThat(glucose.get("category").asText()).isEqualTo("DISEASE_SUSPECT");
        Assertions.assertThat(glucose.get("value").decimalValue()).isEqualByComparingTo("131");
        Assertions.assertThat(glucose.get("unit").asText()).isEqualTo("mg/dL");
        Assertions.assertThat(glucose.get("invalidReason").isNull()).isTrue();
        JsonNode ast = json.get("items").get("ast");
        Assertions.assertThat(ast.get("status").asText()).isEqualTo("invalid");
        Assertions.assertThat(ast.get("invalidReason").asText()).isEqualTo("non_numeric");
        Assertions.assertThat(ast.get("category").isNull()).isTrue();
        Assertions.assertThat(json.get("items").get("height").get("category").isNull()).isTrue();
        Assertions.assertThat(json.get("items").get("urine_protein").get("value").asText()).isEqualTo("negative");
        Assertions.assertThat(json.get("items").get("urine_protein").get("unit").isNull()).isTrue();
        JsonNode bp = json.get("judgements").get("blood_pressure");
        Assertions.assertThat(fieldNames(bp)).containsExactly("category", "note");
        Assertions.assertThat(bp.get("note").isNull()).isTrue();
        Assertions.assertThat(json.get("judgements").get("ast").get("note").asText()).isEqualTo("invalid");
        JsonNode overall = json.get("overall");
        Assertions.assertThat(fieldNames(overall)).containsExactly("primary", "flags", "worstItemCategory",
                "complete", "needsPhysicianReview");
        Assertions.assertThat(overall.get("primary").asText()).isEqualTo("CARDIOMETABOLIC_SUSPECT");
        Assertions.assertThat(overall.get("flags").toString()).isEqualTo("[\"CARDIOMETABOLIC_SUSPECT\"]");
        Assertions.assertThat(overall.get("worstItemCategory").asText()).isEqualTo("DISEASE_SUSPECT");
        Assertions.assertThat(overall.get("complete").asBoolean()).isFalse();
        Assertions.assertThat(overall.get("needsPhysicianReview").asBoolean()).isTrue();
    }

    @Test
    void shouldAssembleTheSameOutcomeWhenGivenTheDecisionResultOfAnotherCaller() {
        NormalizedScreening screening = ScreeningFixture.allNormalB().build();
        var result = processEngine.getDecisionService().evaluateDecisionByKey("screening_judgement")
                .variables(new DecisionInputs().of(screening)).evaluate().getSingleResult().getSingleEntry();

        @SuppressWarnings("unchecked")
        JudgementOutcome assembled = service.assemble(screening, (java.util.Map<String, Object>) result);

        Assertions.assertThat(assembled).isEqualTo(service.judge(screening));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
