package com.checkupflow.judgement;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;

/** Evaluates {@code screening_judgement} on a deployed engine with every input variable present (null by default). */
final class DmnTestSupport {

    static final String DMN = "processes/screening-judgement.dmn";

    private DmnTestSupport() {
    }

    /** All inputs of the DMN, null / false, as {@link DecisionInputs} would pass for an empty screening. */
    static Map<String, Object> emptyInputs() {
        Map<String, Object> vars = new HashMap<>();
        for (ItemKey key : ItemKey.values()) {
            if (key != ItemKey.HEIGHT && key != ItemKey.WEIGHT) {
                vars.put(key.variable(), null);
            }
        }
        vars.put("sex", "male");
        vars.put("knownDisease", false);
        vars.put("treatedHypertension", false);
        vars.put("treatedDiabetes", false);
        vars.put("treatedDyslipidemia", false);
        return vars;
    }

    static Map<String, Object> evaluate(ProcessEngine engine, Map<String, Object> overrides) {
        Map<String, Object> vars = emptyInputs();
        vars.putAll(overrides);
        return new CamundaDecisionEvaluator(engine.getDecisionService()).evaluate(DecisionContract.DECISION_KEY, vars);
    }
}
