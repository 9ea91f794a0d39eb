package com.checkupflow.screening;

import java.time.Duration;

import org.springframework.stereotype.Component;

/**
 * The workflow's configuration as the BPMN's expressions read it ({@code ${workflowSettings.maxRedraftRounds}}):
 * the rules stay in configuration ({@code checkupflow.workflow.*}) and in the model where designers see them, without a
 * copy in every screening's engine variables (each one a row written at the start, loaded by every later step and
 * deleted at the end). Public with JavaBeans getters because the expression language reaches it by reflection.
 */
@Component("workflowSettings")
public class WorkflowSettings {

    private final WorkflowProperties properties;

    public WorkflowSettings(WorkflowProperties properties) {
        this.properties = properties;
    }

    /** Read by "Redraft allowed?": how many times a reviewer may send a draft back. */
    public int getMaxRedraftRounds() {
        return properties.maxRedraftRounds();
    }

    /** Read by "Consultation summary wanted?". */
    public boolean isConsultationSummaryWanted() {
        return properties.consultationSummary();
    }

    /** How long a critical-result contact may stay open before it goes to the head physicians. */
    public Duration criticalEscalationAfter() {
        return properties.criticalEscalationAfter();
    }
}
