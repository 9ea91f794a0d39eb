package com.checkupflow.judgement;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.ProcessEngine;

/** Evaluates {@code screening_judgement} on a deployed engine with every input variable present (null by default). */
final class DmnTestSupport {

    static final String DMN = "processes/screening-judgement.dmn";
    /** One evaluator per engine: it parses the deployed model once, as in the application. */
    private static final Map<ProcessEngine, CamundaDecisionEvaluator> EVALUATORS = new ConcurrentHashMap<>();

    private DmnTestSupport() {
    }

    /** Every input of the DMN as {@link DecisionInputs} passes it for an empty male screening (null / false). */
    static Map<String, Object> emptyInputs() {
        return new DecisionInputs().of(ScreeningFixture.empty().build());
    }

    static Map<String, Object> evaluate(ProcessEngine engine, Map<String, Object> overrides) {
        Map<String, Object> vars = emptyInputs();
        vars.putAll(overrides);
        return EVALUATORS.computeIfAbsent(engine,
                        e -> new CamundaDecisionEvaluator(e.getRepositoryService(), new DmnEnginePlugin()))
                .evaluate(DecisionContract.DECISION_KEY, vars).result();
    }
}
