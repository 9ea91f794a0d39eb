package com.checkupflow.critical;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;

import com.checkupflow.engine.TaskHeaders;
import com.checkupflow.screening.WorkflowFixtures;

/** Public test fixtures: the real critical-result listener around a service with no database behind it. */
public final class CriticalFixtures {

    private final CriticalContactService service = mock(CriticalContactService.class);

    public CriticalFixtures() {
        when(service.facts(anyString())).thenReturn(new CriticalContactService.Facts("ko",
                "- **수축기 혈압 186 mmHg** – 위험 기준: 180 mmHg 이상\n", "**연락처:** 010-0000-0000", Optional.empty()));
        when(service.now()).thenAnswer(invocation -> Instant.now());
    }

    public ExecutionListener criticalContactDueDateListener() {
        return new CriticalContactDueDateListener(Clock.systemUTC(), WorkflowFixtures.settings(false));
    }

    public TaskListener confirmCriticalResultListener() {
        return new ConfirmCriticalResultListener(service, WorkflowFixtures.settings(false),
                screeningId -> java.util.Optional.of(new TaskHeaders.TaskHeader("김*수, 44세 남, 강남센터, 2026-03-02", "ko")));
    }
}
