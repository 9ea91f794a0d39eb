package com.checkupflow.drafting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Taking "Redraft once with the findings": a failing draft gets one automatic redraft, never a second. */
@Component("autoRedraftListener")
class AutoRedraftListener implements ExecutionListener {

    static final String AUTO_REDRAFT_USED = "autoRedraftUsed";

    @Override
    public void notify(DelegateExecution execution) {
        execution.setVariable(AUTO_REDRAFT_USED, true);
    }
}
