package com.checkupflow.judgement;

import java.util.Map;

/** Evaluates a DMN decision whose single result is a map (engine adapter: keeps engine types out of the domain). */
interface DecisionEvaluator {

    /**
     * @param decisionKey the decision to evaluate with all the decisions it requires
     * @param variables   the input variables (null values allowed)
     * @return the single entry of the single result, a map of output name to value
     */
    Map<String, Object> evaluate(String decisionKey, Map<String, Object> variables);
}
