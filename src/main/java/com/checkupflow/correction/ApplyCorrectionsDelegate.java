package com.checkupflow.correction;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.checkupflow.kernel.ItemKey;

/** "Apply corrections": stores the nurse's corrections and refreshes the decision inputs for judging again. */
@Component("applyCorrectionsDelegate")
class ApplyCorrectionsDelegate implements JavaDelegate {

    private final CorrectionService corrections;

    ApplyCorrectionsDelegate(CorrectionService corrections) {
        this.corrections = corrections;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<ItemKey> invalid = CorrectionForm.invalidKeys(execution.getVariable(CorrectionForm.INVALID_KEYS));
        List<Correction> read = corrections.read(invalid, execution.getVariables());
        Object note = execution.getVariable("correctionNote");
        Object by = execution.getVariable("correctedBy");
        execution.setVariables(corrections.apply(execution.getProcessBusinessKey(), read,
                note == null ? null : note.toString(), by == null ? null : by.toString()));
        for (ItemKey key : invalid) {
            execution.removeVariable("correction_" + key.json());
            execution.removeVariable("notMeasured_" + key.json());
        }
        execution.removeVariable("correctionNote");
    }
}
