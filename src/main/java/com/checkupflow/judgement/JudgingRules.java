package com.checkupflow.judgement;

import java.util.Map;

/**
 * The judgement rules as deployed (which version judged a screening, its bands) and as a designer edited them but
 * never deployed (engine adapter: {@link CamundaJudgingRules}).
 */
public interface JudgingRules {

    /** An edited {@code screening-judgement.dmn}, parsed and checked in an isolated DMN engine; never deployed. */
    interface Candidate {

        /** The single entry of {@code screening_judgement}'s result, as {@link DecisionEvaluator#evaluate} gives it. */
        Map<String, Object> evaluate(Map<String, Object> variables);

        DecisionBands bands();
    }

    /**
     * The bands of the DRD a decision definition was deployed with; the latest deployed version when the id is null
     * (a screening judged before the version was recorded).
     */
    DecisionBands bands(String decisionDefinitionId);

    /** The id of the latest deployed {@code screening_judgement} (the version a judgement now would use). */
    String latestDefinitionId();

    /**
     * @throws com.checkupflow.web.ProblemException 413 when too large, 422 when it is no DMN, lacks a decision the
     *                                              deployed rules have, or its bands cannot be read
     */
    Candidate candidate(byte[] dmnXml);
}
