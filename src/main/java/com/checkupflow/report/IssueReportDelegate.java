package com.checkupflow.report;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.checkupflow.process.ScreeningReportProcess.Vars;

/** "Issue report": the signed final text becomes the report; {@code referralUnits} / {@code referralNeeded} say whether a specialist referral follows. */
@Component("issueReportDelegate")
class IssueReportDelegate implements JavaDelegate {

    private final ReportService reports;

    IssueReportDelegate(ReportService reports) {
        this.reports = reports;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<String> referralUnits = reports.issue(execution.getProcessBusinessKey(), (String) execution.getVariable(Vars.FINAL_TEXT));
        // the units go to "Refer to a specialist" only on the path that calls it
        if (!referralUnits.isEmpty()) {
            execution.setVariable(Vars.REFERRAL_UNITS, String.join(",", referralUnits));
        }
        execution.setVariable(Vars.REFERRAL_NEEDED, !referralUnits.isEmpty());
    }
}
