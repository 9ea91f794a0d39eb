package com.checkupflow.judgement;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import com.checkupflow.kernel.InvalidReason;
import com.checkupflow.kernel.ItemCatalog;
import com.checkupflow.kernel.ItemKey;
import com.checkupflow.kernel.NormalizedScreening;

/**
 * The NHIS 2026 stage-1 judgement: screening → DMN inputs (never process variables) → {@code screening_judgement}
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
        return judgeDeployed(screening).outcome();
    }

    /** A judgement by the deployed rules and the decision definition (version) that gave it. */
    public record Deployed(JudgementOutcome outcome, String decisionDefinitionId) {
    }

    /** Evaluates the deployed judgement DMN for one screening (nothing stored) and says which version judged. */
    public Deployed judgeDeployed(NormalizedScreening screening) {
        DecisionEvaluator.Evaluation evaluation = evaluator.evaluate(DecisionContract.DECISION_KEY, inputs.of(screening));
        return new Deployed(assemble(screening, evaluation.result()), evaluation.definitionId());
    }

    /** Evaluates edited, undeployed rules for one screening (nothing stored, no history). */
    public JudgementOutcome judge(NormalizedScreening screening, JudgingRules.Candidate rules) {
        return assemble(screening, rules.evaluate(inputs.of(screening)));
    }

    /**
     * Checks a canonical value typed by staff (a correction) against the validity rules of
     * screening-criteria.md §5: negative or outside the plausibility window. Coded items have no window.
     */
    public Optional<InvalidReason> canonicalValueProblem(ItemKey key, BigDecimal value) {
        if (value.signum() < 0) {
            return Optional.of(InvalidReason.NEGATIVE_VALUE);
        }
        ItemCatalog.QuantitySpec spec = ItemCatalog.quantitySpec(key);
        return spec == null || spec.plausible(value) ? Optional.empty()
                : Optional.of(InvalidReason.IMPLAUSIBLE_VALUE);
    }

    /**
     * Assembles the contract document from the single entry of {@code screening_judgement}'s result, e.g. the
     * variable a business rule task wrote with {@code mapDecisionResult="singleEntry"}.
     */
    public JudgementOutcome assemble(NormalizedScreening screening, Map<String, Object> decisionResult) {
        return assembler.assemble(screening, decisionResult);
    }

    /**
     * A deep copy of a decision result into LinkedHashMap / ArrayList (null values kept). Camunda 7's FEEL
     * engine returns contexts and lists as shaded Scala wrappers
     * ({@code camundajar.impl.scala.collection.convert.JavaCollectionWrappers$MapWrapper}): stored as a process
     * variable they are written as JSON but can never be read back (Jackson cannot construct the wrapper).
     * A listener on the business rule task must replace its result variable with this copy before the
     * transaction commits.
     */
    public static Map<String, Object> plainCopy(Map<String, ?> decisionResult) {
        Map<String, Object> copy = new LinkedHashMap<>();
        decisionResult.forEach((key, value) -> copy.put(key, plain(value)));
        return copy;
    }

    private static Object plain(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), plain(v)));
            return copy;
        }
        if (value instanceof Collection<?> collection) {
            List<Object> copy = new ArrayList<>(collection.size());
            collection.forEach(v -> copy.add(plain(v)));
            return copy;
        }
        return value;
    }
}
