package com.checkupflow.judgement;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.api.Test;

class CamundaCachingFeelEngineFactoryTest {

    private final FeelEngine cached = new CamundaCachingFeelEngineFactory().createInstance();
    private final FeelEngine plain = new ScalaFeelEngine(List.of());

    private static final List<Object> VALUES = Arrays.asList(null, "NORMAL_B", "", true, false, 120, 120L, 5.5, 120.0,
            new BigDecimal("5.50"), new BigDecimal("120.0"), new BigDecimal("0.000"), (short) 3, 7.25f);

    @Test
    void shouldReturnWhatFeelReturnsWhenAnExpressionIsOnlyAVariableName() {
        for (Object value : VALUES) {
            VariableContext context = Variables.createVariables().putValue("systolicBp", value).asVariableContext();

            Object fast = cached.evaluateSimpleExpression(" systolicBp ", context);
            Object feel = plain.evaluateSimpleExpression(" systolicBp ", context);

            Assertions.assertThat(fast).as("value %s (%s)", value, value == null ? null : value.getClass())
                    .isEqualTo(feel);
            Assertions.assertThat(fast == null ? null : fast.getClass()).isEqualTo(feel == null ? null : feel.getClass());
        }
    }

    @Test
    void shouldLeaveOtherExpressionsToFeelWhenTheyAreMoreThanAName() {
        VariableContext context = Variables.createVariables().putValue("overallFlags", List.of("KNOWN_DISEASE"))
                .putValue("sex", "female").asVariableContext();

        Assertions.assertThat((Object) cached.evaluateSimpleExpression("list contains(overallFlags, \"KNOWN_DISEASE\")",
                context)).isEqualTo(true);
        Assertions.assertThat((Object) cached.evaluateSimpleExpression("overallFlags", context))
                .isEqualTo(plain.evaluateSimpleExpression("overallFlags", context));
        Assertions.assertThat((Object) cached.evaluateSimpleExpression("null", context)).isNull();
        Assertions.assertThat((Object) cached.evaluateSimpleExpression("sex = \"female\"", context)).isEqualTo(true);
    }

    @Test
    void shouldMatchEveryInputWhenTheEntryIsADash() {
        for (Object value : VALUES) {
            VariableContext context = Variables.createVariables().putValue("cellInput", value).asVariableContext();

            Assertions.assertThat(cached.evaluateSimpleUnaryTests(" - ", "cellInput", context))
                    .isEqualTo(plain.evaluateSimpleUnaryTests(" - ", "cellInput", context)).isTrue();
        }
        VariableContext high = Variables.createVariables().putValue("cellInput", 150).asVariableContext();
        Assertions.assertThat(cached.evaluateSimpleUnaryTests(">= 140", "cellInput", high)).isTrue();
        Assertions.assertThat(cached.evaluateSimpleUnaryTests("< 120", "cellInput", high)).isFalse();
    }
}
