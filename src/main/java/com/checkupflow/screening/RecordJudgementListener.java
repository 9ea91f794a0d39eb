package com.checkupflow.screening;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Keeps running instances of screening-report versions before 2 (versionTag) working after an upgrade: there "Judge
 * results" was a business rule task that evaluated the DMN into the variable {@code judgementResult} and ended with
 * this listener. The screening is judged again from our tables exactly as version 2 does (the same decision, the
 * same stored items) and the engine's result variable, which nothing reads, is removed. Remove this class once no
 * instance of those versions runs (Cockpit: process definition versions with running instances).
 */
@Component("recordJudgementListener")
class RecordJudgementListener implements ExecutionListener {

    static final String OLD_RESULT_VARIABLE = "judgementResult";

    private final JudgeResultsDelegate judgeResults;

    RecordJudgementListener(JudgeResultsDelegate judgeResults) {
        this.judgeResults = judgeResults;
    }

    @Override
    public void notify(DelegateExecution execution) {
        execution.removeVariable(OLD_RESULT_VARIABLE);
        judgeResults.judge(execution);
    }
}
