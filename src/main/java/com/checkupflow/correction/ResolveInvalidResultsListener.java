package com.checkupflow.correction;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import com.checkupflow.kernel.ItemKey;
import com.checkupflow.process.ScreeningReportProcess.Vars;

/**
 * On completing "Resolve invalid results": refuses an incomplete or implausible correction (the Tasklist shows
 * the message and the task stays open) and remembers who corrected.
 */
@Component("resolveInvalidResultsListener")
class ResolveInvalidResultsListener implements TaskListener {

    private final CorrectionService corrections;

    ResolveInvalidResultsListener(CorrectionService corrections) {
        this.corrections = corrections;
    }

    @Override
    public void notify(DelegateTask task) {
        List<ItemKey> invalid = CorrectionForm.invalidKeys(task.getVariable(Vars.INVALID_ITEM_KEYS));
        corrections.read(invalid, task.getVariables());
        task.setVariable(Vars.CORRECTED_BY, task.getAssignee());
    }
}
