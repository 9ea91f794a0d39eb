package com.checkupflow.judgement;

import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

/**
 * {@link DecisionEvaluator} on the embedded Camunda 7 engine: the only class here that imports Camunda.
 * The FEEL engine returns contexts and lists as wrappers of its shaded Scala collections
 * ({@code camundajar.impl.scala...MapWrapper}); they are copied into plain Java collections here.
 */
@Component
class CamundaDecisionEvaluator implements DecisionEvaluator {

    private final DecisionService decisionService;

    CamundaDecisionEvaluator(DecisionService decisionService) {
        this.decisionService = decisionService;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> evaluate(String decisionKey, Map<String, Object> variables) {
        DmnDecisionResult result = decisionService.evaluateDecisionByKey(decisionKey)
                .variables(variables)
                .evaluate();
        Object entry = result.getSingleResult().getSingleEntry();
        if (!(entry instanceof Map<?, ?> map)) {
            throw new IllegalStateException("Decision " + decisionKey + " did not return a map but " + entry);
        }
        return JudgementService.plainCopy((Map<String, ?>) map);
    }
}
