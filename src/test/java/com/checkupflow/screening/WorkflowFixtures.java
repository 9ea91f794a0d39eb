package com.checkupflow.screening;

import java.time.Duration;

/** The workflow's configuration as the BPMN reads it ({@code workflowSettings}), with the defaults of application.yaml. */
public final class WorkflowFixtures {

    private WorkflowFixtures() {
    }

    /** Critical results escalate after an hour, three redraft rounds; a consultation summary only when asked for. */
    public static WorkflowSettings settings(boolean consultationSummaryWanted) {
        return new WorkflowSettings(new WorkflowProperties(Duration.ofHours(1), 3, consultationSummaryWanted));
    }
}
