package com.checkupflow.report;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mockito.ArgumentMatchers;

/** Public test fixtures of the report feature: the real "Issue report" delegate around a mocked {@link ReportService}. */
public final class ReportFixtures {

    private final ReportService service = mock(ReportService.class);

    public JavaDelegate issueReportDelegate() {
        return new IssueReportDelegate(service);
    }

    /** "Issue report" of this screening refers the given judgement units to a specialist. */
    public void referUnits(String screeningId, java.util.List<String> units) {
        org.mockito.Mockito.when(service.issue(org.mockito.ArgumentMatchers.eq(screeningId), ArgumentMatchers.any()))
                .thenReturn(units);
    }

    public void verifyIssued(String screeningId, String finalText) {
        verify(service).issue(screeningId, finalText);
    }

    public void verifyNothingIssued() {
        verify(service, never()).issue(ArgumentMatchers.anyString(), ArgumentMatchers.any());
    }
}
