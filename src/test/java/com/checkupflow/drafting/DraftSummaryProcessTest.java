package com.checkupflow.drafting;

import com.checkupflow.ai.ModelUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mockito;

import com.checkupflow.document.DocumentFixtures;
import com.checkupflow.engine.ExternalTaskWorker;
import com.checkupflow.screening.WorkflowFixtures;

/**
 * The drafting part of screening-report.bpmn on the engine: the external task "Draft report summary" (AI document
 * step, kind report-summary) worked by the generic worker with {@link ReportSummaryDrafter}, the fallback through
 * Error_ModelUnavailable, and the one automatic redraft. The drafting service is stubbed; the BPMN, the worker, the
 * kind's drafter and the fallback delegate are real.
 */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = "processes/screening-report.bpmn")
class DraftSummaryProcessTest {

    ProcessEngine processEngine;

    private final DraftingService drafting = Mockito.mock(DraftingService.class);
    private final Deque<Boolean> checkResults = new ArrayDeque<>();
    private ExternalTaskWorker worker;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(processEngine); // other test classes may have started Spring engines in this JVM
        worker = DocumentFixtures.draftDocumentWorker(processEngine.getExternalTaskService(),
                new ReportSummaryDrafter(drafting));
        Mocks.register("draftWithTemplateDelegate", new DraftWithTemplateDelegate(drafting));
        Mocks.register("workflowSettings", WorkflowFixtures.settings(false));
        Mocks.register("autoRedraftListener", new AutoRedraftListener());
        Mocks.register("checkDraftDelegate", (JavaDelegate) execution -> {
            boolean passed = checkResults.isEmpty() || checkResults.poll();
            execution.setVariable("draftCheckPassed", passed);
            execution.setVariable("draftFindings", passed ? "" : "- `NUMBER_MISMATCH` 공복혈당");
        });
        Mocks.register("reviewTaskListener", (TaskListener) task -> { });
        Mocks.register("patientLabelListener", (TaskListener) task -> { });
        Mocks.register("reviewDueDateListener", (ExecutionListener) execution ->
                execution.setVariable("reviewDueDate", java.util.Date.from(Instant.now().plus(Duration.ofHours(48)))));
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    private ProcessInstance startAtDrafting() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("screeningId", "s-1");
        variables.put("draftRound", 0);
        variables.put("autoRedraftUsed", false);
        variables.put("taskPriority", 50);
        return processEngine.getRuntimeService().createProcessInstanceByKey("screening-report").businessKey("s-1")
                .setVariables(variables).startBeforeActivity("Gateway_DraftAgain").execute();
    }

    private static DraftRepository.StoredDraft stored(int round, String provider, boolean fallback) {
        return new DraftRepository.StoredDraft("s-1", round, "draft " + round, provider, "m", "draft-summary-v1", fallback,
                Instant.EPOCH, null, null, null, null, null, null, 1, null, 0, null);
    }

    /** Works every draft task and every job until the process waits for a person. */
    private void drive() {
        for (int i = 0; i < 20; i++) {
            List<LockedExternalTask> tasks = DocumentFixtures.fetch(processEngine.getExternalTaskService(), worker);
            tasks.forEach(worker::handle);
            List<Job> jobs = processEngine.getManagementService().createJobQuery().executable().list();
            jobs.forEach(job -> processEngine.getManagementService().executeJob(job.getId()));
            if (tasks.isEmpty() && jobs.isEmpty()) {
                return;
            }
        }
    }

    @Test
    void shouldServeTheTopicOfTheDraftTaskWhenTheModelIsDeployed() {
        ProcessInstance pi = startAtDrafting();

        BpmnAwareTests.assertThat(pi).isWaitingAt("Activity_DraftSummary");
        Assertions.assertThat(processEngine.getExternalTaskService().createExternalTaskQuery().singleResult().getTopicName())
                .isEqualTo(worker.topic()).isEqualTo("draftDocument");
    }

    @Test
    void shouldGoToReviewWhenTheDraftPassesTheCheck() {
        Mockito.when(drafting.draft("s-1", 1, null, "v2")).thenReturn(stored(1, "openai", false));
        ProcessInstance pi = startAtDrafting();

        drive();

        BpmnAwareTests.assertThat(pi).isWaitingAt("Activity_ReviewReport").hasPassed("Gateway_DraftOk")
                .hasNotPassed("Activity_DraftWithTemplate").variables()
                .containsEntry("draftRound", 1).doesNotContainKey("draftProvider")
                .containsEntry("finalText", "draft 1").containsEntry("autoRedraftUsed", false);
    }

    @Test
    void shouldDraftWithTheTemplateAndLeaveNoIncidentWhenTheModelIsUnavailable() {
        Mockito.when(drafting.draft("s-1", 1, null, "v2")).thenThrow(new ModelUnavailableException("timeout", 3));
        Mockito.when(drafting.draftWithTemplate("s-1", 1, null)).thenReturn(stored(1, "template", true));
        ProcessInstance pi = startAtDrafting();

        drive();

        BpmnAwareTests.assertThat(pi).isWaitingAt("Activity_ReviewReport").hasPassed("Event_ModelUnavailable", "Activity_DraftWithTemplate")
                .variables().doesNotContainKey("draftProvider").containsEntry("draftRound", 1)
                .containsEntry("draftFallbackReason", "timeout");
        Assertions.assertThat(processEngine.getRuntimeService().createIncidentQuery().count()).isZero();
    }

    @Test
    void shouldFallBackWithoutRetryWhenTheModelRejectsTheKey() {
        Mockito.when(drafting.draft("s-1", 1, null, "v2")).thenThrow(new ModelUnavailableException("auth", 1));
        Mockito.when(drafting.draftWithTemplate("s-1", 1, null)).thenReturn(stored(1, "template", true));
        ProcessInstance pi = startAtDrafting();

        drive();

        BpmnAwareTests.assertThat(pi).isWaitingAt("Activity_ReviewReport").hasPassed("Activity_DraftWithTemplate");
        Mockito.verify(drafting, Mockito.times(1)).draft("s-1", 1, null, "v2");
        Assertions.assertThat(processEngine.getRuntimeService().createIncidentQuery().count()).isZero();
    }

    @Test
    void shouldRedraftOnceAndThenGoToReviewWhenTheDraftKeepsFailingTheCheck() {
        checkResults.add(false);
        checkResults.add(false);
        Mockito.when(drafting.draft("s-1", 1, null, "v2")).thenReturn(stored(1, "openai", false));
        Mockito.when(drafting.draft("s-1", 2, null, "v2")).thenReturn(stored(2, "openai", false));
        ProcessInstance pi = startAtDrafting();

        drive();

        BpmnAwareTests.assertThat(pi).isWaitingAt("Activity_ReviewReport").variables().containsEntry("draftRound", 2)
                .containsEntry("autoRedraftUsed", true).containsEntry("draftCheckPassed", false)
                .containsEntry("draftFindings", "- `NUMBER_MISMATCH` 공복혈당");
        Mockito.verify(drafting).draft("s-1", 1, null, "v2");
        Mockito.verify(drafting).draft("s-1", 2, null, "v2");
    }

    @Test
    void shouldGoToReviewWhenTheAutomaticRedraftPasses() {
        checkResults.add(false);
        checkResults.add(true);
        Mockito.when(drafting.draft("s-1", 1, null, "v2")).thenReturn(stored(1, "openai", false));
        Mockito.when(drafting.draft("s-1", 2, null, "v2")).thenReturn(stored(2, "openai", false));
        ProcessInstance pi = startAtDrafting();

        drive();

        BpmnAwareTests.assertThat(pi).isWaitingAt("Activity_ReviewReport").variables().containsEntry("draftRound", 2)
                .containsEntry("draftCheckPassed", true);
    }

    @Test
    void shouldReportAFailureNotAFallbackWhenSomethingElseBreaks() {
        Mockito.when(drafting.draft("s-1", 1, null, "v2")).thenThrow(new IllegalStateException("database down"));
        ProcessInstance pi = startAtDrafting();

        drive();

        BpmnAwareTests.assertThat(pi).isWaitingAt("Activity_DraftSummary");
        Assertions.assertThat(processEngine.getExternalTaskService().createExternalTaskQuery().singleResult().getRetries())
                .isEqualTo(ExternalTaskWorker.FAILURE_RETRIES - 1);
    }
}
