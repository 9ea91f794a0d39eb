package com.checkupflow.critical;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import com.checkupflow.process.ScreeningReportProcess.Vars;

/**
 * Taking the first flow of "Tell the patient the critical result" (before the first attempt and its timer exist):
 * {@code criticalContactDueDate} = now + {@code criticalEscalationAfter}, in the subprocess's own scope. An attempt
 * that did not reach the patient loops back to a new attempt that keeps this deadline; the timer of every attempt
 * fires at it, so "not reached" never postpones the escalation.
 */
@Component("criticalContactDueDateListener")
class CriticalContactDueDateListener implements ExecutionListener {

    private final Clock clock;

    CriticalContactDueDateListener(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Duration after = Duration.parse(String.valueOf(execution.getVariable(Vars.CRITICAL_ESCALATION_AFTER)));
        // setVariable, not setVariableLocal: the subprocess declares the variable (its input mapping), so it lands there
        execution.setVariable(Vars.CRITICAL_CONTACT_DUE_DATE, Date.from(clock.instant().plus(after)));
    }
}
