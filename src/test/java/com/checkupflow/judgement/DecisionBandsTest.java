package com.checkupflow.judgement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.Test;

import com.checkupflow.kernel.Category;
import com.checkupflow.kernel.ItemKey;
import com.checkupflow.kernel.Sex;

class DecisionBandsTest {

    private static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    private static String shippedXml() {
        return WhatIfRequests.shippedDmn();
    }

    private static DecisionBands read(String xml) {
        return CamundaDmnBands.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void shouldReadTheCutOffsOfTheTableWhenTheShippedDmnIsRead() {
        DecisionBands bands = read(shippedXml());

        assertThat(bands.bands(ItemKey.FASTING_GLUCOSE, Sex.FEMALE, Category.NORMAL_A))
                .containsExactly(new DecisionBands.Interval(null, false, new BigDecimal("100"), false));
        assertThat(bands.bands(ItemKey.FASTING_GLUCOSE, Sex.FEMALE, Category.NORMAL_B))
                .containsExactly(new DecisionBands.Interval(new BigDecimal("100"), true, new BigDecimal("126"), false));
        assertThat(bands.bands(ItemKey.FASTING_GLUCOSE, Sex.MALE, Category.DISEASE_SUSPECT))
                .containsExactly(new DecisionBands.Interval(new BigDecimal("126"), true, null, false));
        assertThat(bands.bands(ItemKey.BMI, Sex.MALE, Category.NORMAL_B)).hasSize(2);
        assertThat(bands.bands(ItemKey.WAIST, Sex.MALE, Category.NORMAL_B)).isEmpty();
        assertThat(bands.normalRange(ItemKey.HEMOGLOBIN, Sex.FEMALE)).contains(
                new DecisionBands.Interval(new BigDecimal("12.0"), true, new BigDecimal("15.5"), true));
        assertThat(bands.normalRange(ItemKey.WAIST, Sex.MALE)).contains(
                new DecisionBands.Interval(null, true, new BigDecimal("89.9"), true));
        assertThat(bands.bands(ItemKey.URINE_PROTEIN, Sex.MALE, Category.DISEASE_SUSPECT))
                .containsExactly(new DecisionBands.Codes(List.of("1+", "2+", "3+", "4+")));
        assertThat(bands.judges(ItemKey.HEIGHT)).isFalse();
    }

    @Test
    void shouldFollowTheEditWhenACutOffMovesInACopyOfTheDmn() {
        DecisionBands bands = read(WhatIfRequests.glucoseAt135());

        assertThat(bands.bands(ItemKey.FASTING_GLUCOSE, Sex.MALE, Category.NORMAL_B))
                .containsExactly(new DecisionBands.Interval(new BigDecimal("100"), true, new BigDecimal("135"), false));
        assertThat(bands.bands(ItemKey.FASTING_GLUCOSE, Sex.MALE, Category.DISEASE_SUSPECT))
                .containsExactly(new DecisionBands.Interval(new BigDecimal("135"), true, null, false));
    }

    @Test
    void shouldRefuseTheBandsWhenAnEntryIsNoIntervalOrCodeList() {
        String xml = shippedXml().replace("<text>&lt; 100</text>", "<text>not(100)</text>");

        assertThatThrownBy(() -> read(xml)).isInstanceOf(DecisionBands.UnreadableBandException.class)
                .hasMessageContaining("fasting_glucose_rule_2").hasMessageContaining("not(100)");
    }

    /**
     * The bands cannot say other than the rules: for every band of every item and sex, its inclusive bounds judge
     * to its category when the DMN itself is evaluated, and one step outside each bound does not.
     */
    @Test
    void shouldJudgeEveryBoundToItsBandWhenTheDmnEvaluatesIt() {
        DecisionBands bands = read(shippedXml());
        DmnDecision decision = DMN.parseDecision(DecisionContract.DECISION_KEY,
                new ByteArrayInputStream(shippedXml().getBytes(StandardCharsets.UTF_8)));
        SoftAssertions softly = new SoftAssertions();
        int checked = 0;
        for (ItemKey item : ItemKey.values()) {
            if (item == ItemKey.HEIGHT || item == ItemKey.WEIGHT) {
                continue;
            }
            softly.assertThat(bands.judges(item)).as("%s has bands", item).isTrue();
            for (Sex sex : Sex.values()) {
                for (Category category : List.of(Category.NORMAL_A, Category.NORMAL_B, Category.DISEASE_SUSPECT)) {
                    for (DecisionBands.Band band : bands.bands(item, sex, category)) {
                        for (Object value : inside(item, band)) {
                            softly.assertThat(judge(decision, item, sex, value))
                                    .as("%s %s %s in %s", item, sex, value, category).isEqualTo(category);
                            checked++;
                        }
                        for (Object value : outside(item, band)) {
                            softly.assertThat(judge(decision, item, sex, value))
                                    .as("%s %s %s outside %s", item, sex, value, band).isNotEqualTo(category);
                        }
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(100);
        softly.assertAll();
    }

    private static List<Object> inside(ItemKey item, DecisionBands.Band band) {
        if (band instanceof DecisionBands.Codes codes) {
            return List.copyOf(codes.codes());
        }
        DecisionBands.Interval in = ((DecisionBands.Interval) band).inclusive(item.scale());
        List<Object> values = new ArrayList<>();
        if (in.low() != null) {
            values.add(in.low());
        }
        if (in.high() != null) {
            values.add(in.high());
        }
        return values;
    }

    private static List<Object> outside(ItemKey item, DecisionBands.Band band) {
        if (band instanceof DecisionBands.Codes) {
            return List.of();
        }
        BigDecimal step = BigDecimal.ONE.movePointLeft(item.scale());
        DecisionBands.Interval in = ((DecisionBands.Interval) band).inclusive(item.scale());
        List<Object> values = new ArrayList<>();
        if (in.low() != null && in.low().signum() > 0) {
            values.add(in.low().subtract(step));
        }
        if (in.high() != null) {
            values.add(in.high().add(step));
        }
        return values;
    }

    private static Category judge(DmnDecision decision, ItemKey item, Sex sex, Object value) {
        Map<String, Object> vars = DmnTestSupport.emptyInputs();
        vars.put(DecisionContract.SEX, sex.code());
        vars.put(item.variable(), value instanceof BigDecimal d ? d.doubleValue() : value);
        Map<?, ?> result = (Map<?, ?>) DMN.evaluateDecision(decision, vars).getSingleResult().getSingleEntry();
        Object category = result.get(DecisionContract.componentCategory(item));
        return category == null ? null : Category.valueOf(category.toString());
    }
}
