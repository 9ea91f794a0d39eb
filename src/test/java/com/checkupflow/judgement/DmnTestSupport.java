package com.checkupflow.judgement;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;

/** Evaluates {@code screening_judgement} on a deployed engine with every input variable present (null by default). */
final class DmnTestSupport {

    static final String DMN = "processes/screening-judgement.dmn";

    private DmnTestSupport() {
    }

    /** Every input of the DMN as {@link DecisionInputs} passes it for an empty male screening (null / false). */
    static Map<String, Object> emptyInputs() {
        return new DecisionInputs().of(ScreeningFixture.empty().build());
    }

    static Map<String, Object> evaluate(ProcessEngine engine, Map<String, Object> overrides) {
        Map<String, Object> vars = emptyInputs();
        vars.putAll(overrides);
        return new CamundaDecisionEvaluator(engine.getDecisionService()).evaluate(DecisionContract.DECISION_KEY, vars);
    }
}
