package com.checkupflow.report;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Issue report": the signed final text becomes the report. */
@Component("issueReportDelegate")
class IssueReportDelegate implements JavaDelegate {

    private final ReportService reports;

    IssueReportDelegate(ReportService reports) {
        this.reports = reports;
    }

    @Override
    public void execute(DelegateExecution execution) {
        reports.issue(execution.getProcessBusinessKey(), (String) execution.getVariable("finalText"));
    }
}
