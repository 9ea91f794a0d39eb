package com.checkupflow.judgement;

import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

import com.checkupflow.kernel.InvalidReason;
import com.checkupflow.kernel.ItemKey;
import com.checkupflow.kernel.NormalizedScreening;
import com.checkupflow.kernel.Sex;
import com.checkupflow.kernel.TreatedDisease;

class DecisionInputsTest {

    private final DecisionInputs inputs = new DecisionInputs();

    @Test
    void shouldPassDoublesCodesSexAndTreatmentWhenItemsAreValid() {
        NormalizedScreening screening = ScreeningFixture.allNormalA().sex(Sex.FEMALE)
                .treated(TreatedDisease.DIABETES, TreatedDisease.TUBERCULOSIS).build();

        Map<String, Object> vars = inputs.of(screening);

        Assertions.assertThat(vars)
                .containsEntry("systolicBp", 112.0)
                .containsEntry("creatinine", 0.9)
                .containsEntry("urineProtein", "negative")
                .containsEntry("chestXray", "normal")
                .containsEntry("sex", "female")
                .containsEntry("knownDisease", true)
                .containsEntry("treatedHypertension", false)
                .containsEntry("treatedDiabetes", true)
                .containsEntry("treatedDyslipidemia", false)
                .doesNotContainKeys("height", "weight");
        Assertions.assertThat(vars.get("hemoglobin")).isInstanceOf(Double.class);
    }

    @Test
    void shouldPassNullWhenItemIsInvalidMissingOrNotScheduled() {
        NormalizedScreening screening = ScreeningFixture.allNormalA()
                .invalid(ItemKey.HEMOGLOBIN, 145, InvalidReason.IMPLAUSIBLE_VALUE)
                .missing(ItemKey.CHEST_XRAY)
                .lipidsNotScheduled()
                .build();

        Map<String, Object> vars = inputs.of(screening);

        Assertions.assertThat(vars)
                .containsEntry("hemoglobin", null)
                .containsEntry("chestXray", null)
                .containsEntry("totalCholesterol", null)
                .containsEntry("hdl", null)
                .containsEntry("triglycerides", null)
                .containsEntry("ldl", null)
                .containsEntry("knownDisease", false);
    }

    @Test
    void shouldPassNullLipidsWhenNotScheduledEvenIfReported() {
        NormalizedScreening screening = ScreeningFixture.allNormalA().build();
        NormalizedScreening unscheduled = new NormalizedScreening(screening.patient(), screening.examDate(),
                screening.items(), false, screening.treatedDiseases());

        Assertions.assertThat(inputs.of(unscheduled)).containsEntry("ldl", null).containsEntry("ast", 25.0);
    }
}
