package com.checkupflow.screening;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.checkupflow.judgement.Judgement;
import com.checkupflow.judgement.JudgementOutcome;
import com.checkupflow.judgement.JudgementTexts;
import com.checkupflow.kernel.Category;
import com.checkupflow.process.ScreeningReportProcess.Vars;

/**
 * "Judge results": judges the screening stored under the business key (our tables, by id) and sets only what the
 * gateways and forms read. The DMN inputs are no process variables and the decision leaves no engine history: the
 * judgement is recorded in cf_screening, which is where everything downstream reads it.
 */
@Component("judgeResultsDelegate")
class JudgeResultsDelegate implements JavaDelegate {

    static final int PRIORITY_NORMAL = 50;
    static final int PRIORITY_HIGH = 80;
    static final int PRIORITY_CRITICAL = 100;

    private final JudgementRecorder recorder;
    private final JudgementTexts texts;

    JudgeResultsDelegate(JudgementRecorder recorder, JudgementTexts texts) {
        this.recorder = recorder;
        this.texts = texts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        judge(execution);
    }

    /** Also run by {@link RecordJudgementListener} for instances of screening-report versions before 2. */
    void judge(DelegateExecution execution) {
        JudgementRecorder.Recorded recorded = recorder.judge(execution.getProcessBusinessKey());
        JudgementOutcome outcome = recorded.outcome();
        Judgement judgement = outcome.judgement();
        boolean urgent = outcome.critical() || judgement.judgements().values().stream()
                .anyMatch(u -> u.category() == Category.DISEASE_SUSPECT || u.category() == Category.UNCLASSIFIED);
        execution.setVariable(Vars.INVALID_ITEMS, outcome.hasInvalidItems());
        // Only the path that shows them ("Resolve invalid results") gets the invalid items' keys and texts; a judgement
        // after corrections that leaves none removes the previous round's.
        if (outcome.hasInvalidItems()) {
            execution.setVariable(Vars.INVALID_ITEM_KEYS, texts.invalidKeysVariable(judgement));
            execution.setVariable(Vars.INVALID_ITEMS_SUMMARY, texts.invalidItems(judgement));
        } else {
            execution.removeVariable(Vars.INVALID_ITEM_KEYS);
            execution.removeVariable(Vars.INVALID_ITEMS_SUMMARY);
        }
        execution.setVariable(Vars.NEW_CRITICAL_RESULT, recorded.newCritical());
        execution.setVariable(Vars.TASK_PRIORITY,
                outcome.critical() ? PRIORITY_CRITICAL : urgent ? PRIORITY_HIGH : PRIORITY_NORMAL);
        execution.setVariable(Vars.OVERALL_PRIMARY, judgement.overall().primary());
    }
}
