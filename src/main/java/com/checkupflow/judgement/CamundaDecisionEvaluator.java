package com.checkupflow.judgement;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;

/**
 * {@link DecisionEvaluator} on the embedded Camunda 7 engine: the only class here that imports Camunda.
 * The latest deployed version of the decision (without tenant) is the engine's own parsed definition from its
 * deployment cache (a {@link DmnDecision}; parsing the DRD a second time cost ~0.2 s of CPU at the first judgement
 * after every start and kept a second parsed DRD on the heap), evaluated in memory with
 * {@link DmnEnginePlugin#standaloneEngine()}: no history, no database round trip per evaluation. The model is
 * looked up again after a deployment by this engine, and at the latest {@link #RECHECK_NANOS} after the last look
 * (deployments by another node, deleted deployments).
 * The FEEL engine returns contexts and lists as wrappers of its shaded Scala collections
 * ({@code camundajar.impl.scala...MapWrapper}); they are copied into plain Java collections here.
 */
@Component
class CamundaDecisionEvaluator implements DecisionEvaluator {

    static final long RECHECK_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final RepositoryService repository;
    private final DmnEnginePlugin plugin;
    private final DmnEngine dmn;
    private final Map<String, Model> models = new ConcurrentHashMap<>();

    record Model(String definitionId, DmnDecision decision, long deployments, long checkedAt) {
    }

    CamundaDecisionEvaluator(RepositoryService repository, DmnEnginePlugin plugin) {
        this.repository = repository;
        this.plugin = plugin;
        this.dmn = plugin.standaloneEngine();
    }

    @Override
    @SuppressWarnings("unchecked")
    public Evaluation evaluate(String decisionKey, Map<String, Object> variables) {
        Model model = model(decisionKey);
        DmnDecisionResult result = dmn.evaluateDecision(model.decision(), variables);
        Object entry = result.getSingleResult().getSingleEntry();
        if (!(entry instanceof Map<?, ?> map)) {
            throw new IllegalStateException("Decision " + decisionKey + " did not return a map but " + entry);
        }
        return new Evaluation(model.definitionId(), JudgementService.plainCopy((Map<String, ?>) map));
    }

    Model model(String decisionKey) {
        Model model = models.get(decisionKey);
        long deployments = plugin.deployments();
        long now = System.nanoTime();
        if (model != null && model.deployments() == deployments && now - model.checkedAt() < RECHECK_NANOS) {
            return model;
        }
        DecisionDefinition latest = repository.createDecisionDefinitionQuery().decisionDefinitionKey(decisionKey)
                .withoutTenantId().latestVersion().singleResult();
        if (latest == null) {
            throw new IllegalStateException("Decision " + decisionKey + " is not deployed");
        }
        DmnDecision decision = model != null && model.definitionId().equals(latest.getId()) ? model.decision()
                : parsed(latest.getId());
        Model fresh = new Model(latest.getId(), decision, deployments, now);
        models.put(decisionKey, fresh);
        return fresh;
    }

    /** The engine parses a deployed DRD into its cache (at the deployment, or at the first use after a start). */
    private DmnDecision parsed(String definitionId) {
        return (DmnDecision) repository.getDecisionDefinition(definitionId);
    }
}
