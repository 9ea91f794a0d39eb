package com.checkupflow.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.Test;

import ca.uhn.fhir.context.FhirContext;

import com.checkupflow.judgement.CamundaDmnBands;
import com.checkupflow.judgement.DecisionBands;
import com.checkupflow.judgement.DmnFileRules;
import com.checkupflow.judgement.JudgingRules;
import com.checkupflow.kernel.Category;
import com.checkupflow.kernel.ItemKey;
import com.checkupflow.kernel.ItemLabels;
import com.checkupflow.kernel.Sex;

class ReferenceBandsTest {

    private static final Path DMN = DmnFileRules.SHIPPED;
    private static final String EDITED_ID = "screening_judgement:2:edited";
    private static final List<Category> COLUMNS = List.of(Category.NORMAL_A, Category.NORMAL_B, Category.DISEASE_SUSPECT);
    /** One printed band: {@code <100}, {@code ≤1.50}, {@code ≥126}, {@code >1.50}, {@code 100~125}. */
    private static final Pattern PRINTED = Pattern.compile("(<|≤|≥|>)?(\\d+(?:\\.\\d+)?)(?:~(\\d+(?:\\.\\d+)?))?");

    private final ItemLabels labels = new ItemLabels();

    private static DecisionBands bands(String xml) {
        return CamundaDmnBands.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static String shipped() throws IOException {
        return Files.readString(DMN, StandardCharsets.UTF_8);
    }

    /** Fasting glucose: 정상A below 110 (was 100), 질환의심 from 135 (was 126). */
    private static String editedGlucose() throws IOException {
        String xml = shipped();
        String edited = xml.replace("<text>&lt; 100</text>", "<text>&lt; 110</text>")
                .replace("<text>[100..126)</text>", "<text>[110..135)</text>")
                .replace("<text>&gt;= 126</text>", "<text>&gt;= 135</text>");
        assertThat(edited.split("&gt;= 135", -1)).as("one rule edited").hasSize(2);
        return edited;
    }

    private ReferenceBands.Printed printed(String xml) {
        return new ReferenceBands(mock(JudgingRules.class), mock(com.checkupflow.screening.ScreeningRepository.class),
                labels).of(bands(xml));
    }

    @Test
    void shouldPrintTheCutOffsOfTheDmnWhenTheShippedRulesJudged() throws IOException {
        ReferenceBands.Printed printed = printed(shipped());

        assertThat(COLUMNS.stream().map(c -> printed.band(ItemKey.FASTING_GLUCOSE, Sex.MALE, c, "ko")))
                .containsExactly("<100", "100~125", "≥126");
        assertThat(printed.band(ItemKey.BMI, Sex.FEMALE, Category.NORMAL_B, "ko")).isEqualTo("<18.5, 25.0~29.9");
        assertThat(printed.band(ItemKey.WAIST, Sex.MALE, Category.NORMAL_B, "ko")).isEqualTo("-");
        assertThat(printed.band(ItemKey.WAIST, Sex.FEMALE, Category.DISEASE_SUSPECT, "ko")).isEqualTo("≥85.0");
        assertThat(printed.band(ItemKey.CREATININE, Sex.MALE, Category.NORMAL_A, "ko")).isEqualTo("≤1.50");
        assertThat(printed.band(ItemKey.AST, Sex.MALE, Category.NORMAL_B, "ko")).isEqualTo("41~50");
        assertThat(printed.band(ItemKey.HEMOGLOBIN, Sex.FEMALE, Category.NORMAL_B, "en")).isEqualTo("10.0~11.9");
        assertThat(printed.band(ItemKey.URINE_PROTEIN, Sex.MALE, Category.NORMAL_A, "ko")).isEqualTo("음성(−)");
        assertThat(printed.band(ItemKey.URINE_PROTEIN, Sex.MALE, Category.DISEASE_SUSPECT, "ko"))
                .isEqualTo("양성(1+, 2+, 3+, 4+)");
        assertThat(printed.band(ItemKey.URINE_PROTEIN, Sex.FEMALE, Category.DISEASE_SUSPECT, "en"))
                .isEqualTo("positive (1+, 2+, 3+, 4+)");
        assertThat(ReferenceBands.Printed.codeLabels(List.of("정상", "이상 소견"))).isEqualTo("정상, 이상 소견");
        assertThat(printed.band(ItemKey.CHEST_XRAY, Sex.MALE, Category.NORMAL_B, "en"))
                .isEqualTo("inactive pulmonary tuberculosis");
        assertThat(printed.band(ItemKey.HEIGHT, Sex.MALE, Category.NORMAL_A, "ko")).isEmpty();
    }

    /**
     * Every printed band of every item and sex, read back as a person reads it, judges to its column when the DMN is
     * evaluated at its printed bounds (and a step beyond a bound does not): the printed text cannot contradict the rules.
     */
    @Test
    void shouldJudgeEveryPrintedBoundToItsColumnWhenTheDmnEvaluatesIt() throws IOException {
        ReferenceBands.Printed printed = printed(shipped());
        DmnEngine engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        DmnDecision decision = engine.parseDecision("screening_judgement", new ByteArrayInputStream(
                shipped().getBytes(StandardCharsets.UTF_8)));
        SoftAssertions softly = new SoftAssertions();
        int bounds = 0;
        for (ItemKey item : ItemKey.values()) {
            if (item.coded() || item == ItemKey.HEIGHT || item == ItemKey.WEIGHT) {
                continue;
            }
            for (Sex sex : Sex.values()) {
                for (Category column : COLUMNS) {
                    String text = printed.band(item, sex, column, "ko");
                    softly.assertThat(text).as("%s %s %s", item, sex, column).isNotEmpty();
                    if (text.equals("-")) {
                        continue;
                    }
                    for (String part : text.split(", ")) {
                        for (BigDecimal[] point : points(part, item.scale())) {
                            softly.assertThat(judge(engine, decision, item, sex, point[0]))
                                    .as("%s %s %s (printed %s %s)", item, sex, point[0], column, text)
                                    .isEqualTo(column);
                            if (point[1] != null) {
                                softly.assertThat(judge(engine, decision, item, sex, point[1]))
                                        .as("%s %s %s beyond printed %s %s", item, sex, point[1], column, text)
                                        .isNotEqualTo(column);
                            }
                            bounds++;
                        }
                    }
                }
            }
        }
        assertThat(bounds).isGreaterThan(80);
        softly.assertAll();
    }

    /** The bounds of a printed band, each with the value one step beyond it (null when that is below zero). */
    private static List<BigDecimal[]> points(String part, int scale) {
        Matcher m = PRINTED.matcher(part);
        assertThat(m.matches()).as("printed band '%s'", part).isTrue();
        BigDecimal step = BigDecimal.ONE.movePointLeft(scale);
        BigDecimal v = new BigDecimal(m.group(2));
        List<BigDecimal[]> points = new ArrayList<>();
        String op = m.group(1);
        if (m.group(3) != null) {
            BigDecimal high = new BigDecimal(m.group(3));
            points.add(new BigDecimal[] {v, v.subtract(step).signum() < 0 ? null : v.subtract(step)});
            points.add(new BigDecimal[] {high, high.add(step)});
        } else if ("<".equals(op)) {
            points.add(new BigDecimal[] {v.subtract(step), v});
        } else if ("≤".equals(op)) {
            points.add(new BigDecimal[] {v, v.add(step)});
        } else if (">".equals(op)) {
            points.add(new BigDecimal[] {v.add(step), v});
        } else {
            points.add(new BigDecimal[] {v, v.subtract(step)});
        }
        return points;
    }

    private static Category judge(DmnEngine engine, DmnDecision decision, ItemKey item, Sex sex, BigDecimal value) {
        Map<String, Object> vars = new java.util.HashMap<>();
        for (ItemKey k : ItemKey.values()) {
            vars.put(k.variable(), null);
        }
        vars.put("sex", sex.code());
        for (String flag : List.of("knownDisease", "treatedHypertension", "treatedDiabetes", "treatedDyslipidemia")) {
            vars.put(flag, false);
        }
        vars.put(item.variable(), value.doubleValue());
        Map<?, ?> result = (Map<?, ?>) engine.evaluateDecision(decision, vars).getSingleResult().getSingleEntry();
        Object category = result.get(item.variable() + "Category");
        return category == null ? null : Category.valueOf(category.toString());
    }

    @Test
    void shouldPrintTheEditedCutOffWhenTheScreeningWasJudgedByTheEditedVersion() throws IOException {
        JudgingRules rules = mock(JudgingRules.class);
        when(rules.bands(EDITED_ID)).thenReturn(bands(editedGlucose()));
        ReportExamples examples = new ReportExamples(rules);
        when(examples.screenings.judgingRules("scr-1")).thenReturn(Optional.of(EDITED_ID));

        String html = examples.html("ko");

        assertThat(html).contains("<td>&lt;110</td><td>110~134</td><td>≥135</td>").doesNotContain("≥126");
        Observation glucose = examples.exporter(FhirContext.forR4()).export(ReportExamples.issued("ko", html, List.of()))
                .getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(r -> r instanceof Observation o && o.getCode().getCodingFirstRep().getCode().equals("1558-6"))
                .map(Observation.class::cast).findFirst().orElseThrow();
        assertThat(glucose.getReferenceRangeFirstRep().getHigh().getValue()).isEqualByComparingTo("109");
        assertThat(glucose.getReferenceRangeFirstRep().getText()).isEqualTo("<110");
    }

    @Test
    void shouldPrintEachVersionsOwnCutOffWhenBothVersionsWerePrintedBefore() throws IOException {
        JudgingRules rules = mock(JudgingRules.class);
        when(rules.bands("shipped")).thenReturn(bands(shipped()));
        when(rules.bands(EDITED_ID)).thenReturn(bands(editedGlucose()));
        com.checkupflow.screening.ScreeningRepository screenings = mock(com.checkupflow.screening.ScreeningRepository.class);
        when(screenings.judgingRules("scr-shipped")).thenReturn(Optional.of("shipped"));
        when(screenings.judgingRules("scr-edited")).thenReturn(Optional.of(EDITED_ID));
        ReferenceBands bands = new ReferenceBands(rules, screenings, labels);

        ReferenceBands.Printed first = bands.of("scr-shipped");
        String shipped = first.band(ItemKey.FASTING_GLUCOSE, Sex.MALE, Category.NORMAL_A, "ko");
        String edited = bands.of("scr-edited").band(ItemKey.FASTING_GLUCOSE, Sex.MALE, Category.NORMAL_A, "ko");
        ReferenceBands.Printed again = bands.of("scr-shipped");

        assertThat(shipped).isEqualTo("<100");
        assertThat(edited).isEqualTo("<110");
        assertThat(again).isSameAs(first);
        assertThat(again.band(ItemKey.FASTING_GLUCOSE, Sex.MALE, Category.NORMAL_A, "ko")).isEqualTo("<100");
        assertThat(again.band(ItemKey.FASTING_GLUCOSE, Sex.MALE, Category.DISEASE_SUSPECT, "en")).isEqualTo("≥126");
        assertThat(again.band(ItemKey.FASTING_GLUCOSE, null, Category.NORMAL_A, null)).isEqualTo("<100");
        assertThat(again.band(ItemKey.FASTING_GLUCOSE, Sex.FEMALE, Category.NORMAL_B, "ko")).isEqualTo("100~125");
    }
}
