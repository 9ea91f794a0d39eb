package com.checkupflow.correction;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.checkupflow.kernel.ItemKey;
import com.checkupflow.process.ScreeningReportProcess.Vars;

/** "Apply corrections": stores the nurse's corrections and refreshes the decision inputs for judging again. */
@Component("applyCorrectionsDelegate")
class ApplyCorrectionsDelegate implements JavaDelegate {

    private final CorrectionService corrections;

    ApplyCorrectionsDelegate(CorrectionService corrections) {
        this.corrections = corrections;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<ItemKey> invalid = CorrectionForm.invalidKeys(execution.getVariable(Vars.INVALID_ITEM_KEYS));
        List<Correction> read = corrections.read(invalid, execution.getVariables());
        Object note = execution.getVariable(Vars.CORRECTION_NOTE);
        Object by = execution.getVariable(Vars.CORRECTED_BY);
        execution.setVariables(corrections.apply(execution.getProcessBusinessKey(), read,
                note == null ? null : note.toString(), by == null ? null : by.toString()));
        for (ItemKey key : invalid) {
            execution.removeVariable(Vars.CORRECTION_PREFIX + key.json());
            execution.removeVariable(Vars.NOT_MEASURED_PREFIX + key.json());
        }
        execution.removeVariable(Vars.CORRECTION_NOTE);
    }
}
