package com.checkupflow.judgement;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import com.checkupflow.web.Problem;
import com.checkupflow.web.ProblemException;

/**
 * {@link JudgingRules} on the embedded engine. Deployed DRDs are read without the caller's authorization (a nurse
 * reading a report may not read decision definitions, the report still prints the bands) and their bands are kept per
 * definition id: a deployed version never changes. Edited DRDs are parsed by a DMN engine of their own
 * ({@link DmnEnginePlugin#standaloneEngine()}: no history, no metrics, no database), never by the process engine.
 */
@Component
class CamundaJudgingRules implements JudgingRules {

    /** Several times the size of the shipped DRD (~190 KB), below the servlet's multipart limit (1 MB). */
    static final int MAX_DMN_BYTES = 512 * 1024;

    private final CommandExecutor commands;
    private final DmnEngine dmn;
    private final Map<String, DecisionBands> bands = new ConcurrentHashMap<>();

    CamundaJudgingRules(ProcessEngine engine, DmnEnginePlugin plugin) {
        this.commands = ((ProcessEngineImpl) engine).getProcessEngineConfiguration().getCommandExecutorTxRequired();
        this.dmn = plugin.standaloneEngine();
    }

    @Override
    public DecisionBands bands(String decisionDefinitionId) {
        String id = decisionDefinitionId == null ? latestDefinitionId() : decisionDefinitionId;
        return bands.computeIfAbsent(id, k -> CamundaDmnBands.read(new ByteArrayInputStream(drd(k))));
    }

    @Override
    public String latestDefinitionId() {
        return commands.execute(ctx -> ctx.runWithoutAuthorization(() -> {
            DecisionDefinitionEntity latest = ctx.getDecisionDefinitionManager()
                    .findLatestDecisionDefinitionByKeyAndTenantId(DecisionContract.DECISION_KEY, null);
            if (latest == null) {
                throw new IllegalStateException("Decision " + DecisionContract.DECISION_KEY + " is not deployed");
            }
            return latest.getId();
        }));
    }

    private byte[] drd(String definitionId) {
        return commands.execute(ctx -> ctx.runWithoutAuthorization(() -> {
            DecisionDefinitionEntity definition = ctx.getProcessEngineConfiguration().getDeploymentCache()
                    .findDeployedDecisionDefinitionById(definitionId);
            ResourceEntity resource = ctx.getResourceManager().findResourceByDeploymentIdAndResourceName(
                    definition.getDeploymentId(), definition.getResourceName());
            return resource.getBytes();
        }));
    }

    @Override
    public Candidate candidate(byte[] xml) {
        if (xml.length > MAX_DMN_BYTES) {
            throw new ProblemException(HttpStatus.PAYLOAD_TOO_LARGE, "The edited DMN was rejected",
                    new Problem("dmn_too_large", "The DMN is larger than " + MAX_DMN_BYTES + " bytes",
                            java.util.Map.of("max", String.valueOf(MAX_DMN_BYTES))));
        }
        DmnModelInstance model;
        try {
            model = Dmn.readModelFromStream(new ByteArrayInputStream(xml));
        } catch (RuntimeException e) {
            throw rejected("dmn_unparsable", "The file is no DMN 1.3 XML the engine can read");
        }
        Set<String> missing = new TreeSet<>(decisionIds(modelOf(drd(latestDefinitionId()))));
        missing.removeAll(decisionIds(model));
        if (!missing.isEmpty()) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "The edited DMN was rejected",
                    missing.stream().map(id -> new Problem("dmn_decision_missing",
                            "The deployed rules have the decision '" + id + "', the edited DMN does not")).toList());
        }
        DmnDecision top;
        try {
            top = dmn.parseDecision(DecisionContract.DECISION_KEY, model);
        } catch (RuntimeException e) {
            // e.g. a required decision that is not there, a hit policy the engine does not know
            throw rejected("dmn_invalid", "The DMN engine cannot read the edited rules: " + e.getMessage());
        }
        DecisionBands edited;
        try {
            edited = CamundaDmnBands.read(new ByteArrayInputStream(xml));
        } catch (DecisionBands.UnreadableBandException e) {
            throw rejected("dmn_band_unreadable", e.getMessage());
        }
        return new EditedRules(dmn, top, edited);
    }

    private static DmnModelInstance modelOf(byte[] xml) {
        return Dmn.readModelFromStream(new ByteArrayInputStream(xml));
    }

    private static Set<String> decisionIds(DmnModelInstance model) {
        Set<String> ids = new TreeSet<>();
        model.getModelElementsByType(Decision.class).forEach(d -> ids.add(d.getId()));
        return ids;
    }

    private static ProblemException rejected(String code, String detail) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "The edited DMN was rejected",
                List.of(new Problem(code, detail)));
    }

    private record EditedRules(DmnEngine dmn, DmnDecision decision, DecisionBands bands) implements Candidate {

        @Override
        @SuppressWarnings("unchecked")
        public Map<String, Object> evaluate(Map<String, Object> variables) {
            Object entry;
            try {
                entry = dmn.evaluateDecision(decision, variables).getSingleResult().getSingleEntry();
            } catch (RuntimeException e) {
                // The message may quote the screening's values: not echoed.
                throw rejected("dmn_evaluation_failed", "Evaluating the edited rules failed ("
                        + e.getClass().getSimpleName() + "); check the input entries and the FEEL expressions");
            }
            if (!(entry instanceof Map<?, ?> map)) {
                throw rejected("dmn_evaluation_failed", "The decision " + DecisionContract.DECISION_KEY
                        + " did not return one map");
            }
            return JudgementService.plainCopy((Map<String, ?>) map);
        }
    }
}
