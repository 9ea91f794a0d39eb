package com.checkupflow.judgement;

import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The NHIS 2026 stage-1 judgement: screening → DMN input variables → {@code screening_judgement}
 * (processes/screening-judgement.dmn) → contract document.
 */
@Service
public class JudgementService {

    private final DecisionInputs inputs;
    private final DecisionEvaluator evaluator;
    private final JudgementAssembler assembler;

    JudgementService(DecisionInputs inputs, DecisionEvaluator evaluator, JudgementAssembler assembler) {
        this.inputs = inputs;
        this.evaluator = evaluator;
        this.assembler = assembler;
    }

    /** Evaluates the judgement DMN for one screening (nothing stored). */
    public JudgementOutcome judge(NormalizedScreening screening) {
        return assemble(screening, evaluator.evaluate(DecisionContract.DECISION_KEY, variables(screening)));
    }

    /** The input variables of {@code screening_judgement}, e.g. for a BPMN business rule task. */
    public Map<String, Object> variables(NormalizedScreening screening) {
        return inputs.of(screening);
    }

    /**
     * Assembles the contract document from the single entry of {@code screening_judgement}'s result, e.g. the
     * variable a business rule task wrote with {@code mapDecisionResult="singleEntry"}.
     */
    public JudgementOutcome assemble(NormalizedScreening screening, Map<String, Object> decisionResult) {
        return assembler.assemble(screening, decisionResult);
    }
}
