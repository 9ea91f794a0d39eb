package com.checkupflow.judgement;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationListener;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.BpmnExecutionContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Tells "Judge results" which deployed version of {@code screening_judgement} judged: the business rule task
 * resolves the latest version itself and keeps no trace of it on the execution. After each evaluation of the decision
 * in a process, its definition id goes into the transient variable {@link JudgingRules#JUDGED_BY_VARIABLE} (never
 * stored) of that execution, which {@code screening.RecordJudgementListener} records with the judgement.
 */
@Component
class JudgingVersionPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // The same configuration DmnEnginePlugin completes, whichever plugin runs first.
        DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration() != null
                ? configuration.getDmnEngineConfiguration()
                : (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        List<DmnDecisionEvaluationListener> listeners = dmn.getCustomPostDecisionEvaluationListeners() == null
                ? new ArrayList<>() : new ArrayList<>(dmn.getCustomPostDecisionEvaluationListeners());
        listeners.add(JudgingVersionPlugin::remember);
        dmn.setCustomPostDecisionEvaluationListeners(listeners);
        configuration.setDmnEngineConfiguration(dmn);
    }

    private static void remember(DmnDecisionEvaluationEvent event) {
        DmnDecision decision = event.getDecisionResult().getDecision();
        BpmnExecutionContext context = Context.getBpmnExecutionContext();
        if (context != null && decision instanceof DecisionDefinition definition
                && DecisionContract.DECISION_KEY.equals(definition.getKey())) {
            context.getExecution().setVariableLocal(JudgingRules.JUDGED_BY_VARIABLE, Variables.stringValue(definition.getId(), true));
        }
    }
}
