package com.checkupflow.judgement;

import org.camunda.bpm.engine.ProcessEngine;
import org.hl7.fhir.r4.model.Bundle;

import com.checkupflow.intake.ScreeningNormalizer;
import com.checkupflow.intake.JudgementProperties;
import com.checkupflow.kernel.ItemLabels;
import com.checkupflow.kernel.NormalizedScreening;

/**
 * Public test fixtures of the judgement feature for tests in other packages (the process tests): the real,
 * package-private pieces wired without Spring.
 */
public final class JudgementFixtures {

    private JudgementFixtures() {
    }

    /** The real judgement service, evaluating {@code screening_judgement} on the given engine's DecisionService. */
    public static JudgementService judgementService(ProcessEngine engine) {
        return new JudgementService(new DecisionInputs(),
                new CamundaDecisionEvaluator(engine.getRepositoryService(), new DmnEnginePlugin()),
                new JudgementAssembler());
    }

    /** Normalizes a screening Bundle as intake does (default lipid schedule). */
    public static NormalizedScreening normalize(Bundle bundle) {
        return new ScreeningNormalizer(JudgementProperties.defaults()).normalize(bundle);
    }

    /** The real texts the judgement step writes into process variables. */
    public static JudgementTexts texts() {
        return new JudgementTexts(new ItemLabels());
    }
}
