package com.checkupflow.critical;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import com.checkupflow.process.ScreeningReportProcess.Vars;
import com.checkupflow.screening.WorkflowSettings;

/**
 * Taking the first flow of "Tell the patient the critical result" (before the first attempt and its timer exist):
 * {@code criticalContactDueDate} = now + {@code criticalEscalationAfter}, in the subprocess's own scope. An attempt
 * that did not reach the patient loops back to a new attempt that keeps this deadline; the timer of every attempt
 * fires at it, so "not reached" never postpones the escalation.
 */
@Component("criticalContactDueDateListener")
class CriticalContactDueDateListener implements ExecutionListener {

    private final Clock clock;
    private final WorkflowSettings settings;

    CriticalContactDueDateListener(Clock clock, WorkflowSettings settings) {
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Duration after = escalationAfter(execution.getVariable(Vars.CRITICAL_ESCALATION_AFTER), settings);
        // setVariable, not setVariableLocal: the subprocess declares the variable (its input mapping), so it lands there
        execution.setVariable(Vars.CRITICAL_CONTACT_DUE_DATE, Date.from(clock.instant().plus(after)));
    }

    /**
     * {@code checkupflow.workflow.critical-escalation-after}; screenings started before it stopped being copied into
     * every instance keep the copy they started with.
     */
    static Duration escalationAfter(Object copy, WorkflowSettings settings) {
        return copy == null ? settings.criticalEscalationAfter() : Duration.parse(copy.toString());
    }
}
