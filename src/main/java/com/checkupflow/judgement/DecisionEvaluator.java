package com.checkupflow.judgement;

import java.util.Map;

/** Evaluates a DMN decision whose single result is a map (engine adapter: keeps engine types out of the domain). */
interface DecisionEvaluator {

    /**
     * @param decisionKey the decision to evaluate with all the decisions it requires
     * @param variables   the input variables (null values allowed)
     * @return the single entry of the single result and the deployed version that gave it
     */
    Evaluation evaluate(String decisionKey, Map<String, Object> variables);

    /**
     * @param definitionId the decision definition (deployed version) evaluated; its bands are printed on the report
     * @param result       the single entry of the single result, a map of output name to value
     */
    record Evaluation(String definitionId, Map<String, Object> result) {
    }
}
