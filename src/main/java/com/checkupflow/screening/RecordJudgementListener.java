package com.checkupflow.screening;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import com.checkupflow.judgement.Judgement;
import com.checkupflow.judgement.JudgementOutcome;
import com.checkupflow.judgement.JudgementService;
import com.checkupflow.judgement.JudgementTexts;
import com.checkupflow.kernel.Category;
import com.checkupflow.process.ScreeningReportProcess.Vars;

/** End of "Judge results": stores the decision's result and sets what the gateways and forms read. */
@Component("recordJudgementListener")
class RecordJudgementListener implements ExecutionListener {

    static final int PRIORITY_NORMAL = 50;
    static final int PRIORITY_HIGH = 80;
    static final int PRIORITY_CRITICAL = 100;

    private final JudgementRecorder recorder;
    private final JudgementTexts texts;

    RecordJudgementListener(JudgementRecorder recorder, JudgementTexts texts) {
        this.recorder = recorder;
        this.texts = texts;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void notify(DelegateExecution execution) {
        Map<String, Object> result = JudgementService.plainCopy(
                (Map<String, Object>) execution.getVariable(Vars.JUDGEMENT_RESULT));
        // The judgement lives in cf_screening (recorded below); kept as a variable too, it was written twice per
        // judgement (FEEL's Scala wrappers, then a plain copy), with history, and read by nothing.
        execution.removeVariable(Vars.JUDGEMENT_RESULT);
        JudgementRecorder.Recorded recorded = recorder.record(execution.getProcessBusinessKey(), result);
        JudgementOutcome outcome = recorded.outcome();
        Judgement judgement = outcome.judgement();
        boolean urgent = outcome.critical() || judgement.judgements().values().stream()
                .anyMatch(u -> u.category() == Category.DISEASE_SUSPECT || u.category() == Category.UNCLASSIFIED);
        execution.setVariable(Vars.INVALID_ITEMS, outcome.hasInvalidItems());
        execution.setVariable(Vars.INVALID_ITEM_KEYS, texts.invalidKeysVariable(judgement));
        execution.setVariable(Vars.INVALID_ITEMS_SUMMARY, outcome.hasInvalidItems() ? texts.invalidItems(judgement) : "");
        execution.setVariable(Vars.NEW_CRITICAL_RESULT, recorded.newCritical());
        execution.setVariable(Vars.CRITICAL_FINDINGS_SUMMARY,
                outcome.critical() ? texts.criticalFindings(outcome.criticalFindings()) : "");
        execution.setVariable(Vars.TASK_PRIORITY,
                outcome.critical() ? PRIORITY_CRITICAL : urgent ? PRIORITY_HIGH : PRIORITY_NORMAL);
        execution.setVariable(Vars.OVERALL_PRIMARY, judgement.overall().primary());
    }
}
