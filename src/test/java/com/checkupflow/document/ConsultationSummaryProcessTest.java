package com.checkupflow.document;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
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
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentMatchers;
import org.mockito.Mockito;

import com.checkupflow.engine.ExternalTasks;
import com.checkupflow.review.ReviewFixtures;
import com.checkupflow.engine.ExternalTaskWorker;
import com.checkupflow.screening.WorkflowFixtures;

/**
 * The consultation summary branch of screening-report.bpmn on the engine: the AI document step (topic draftDocument)
 * worked by the real {@link DraftDocumentWorker}, the physician's review with the real {@link ReviewDocumentListener}.
 * The document service is stubbed (its own test drafts real documents); the BPMN, the worker and the listener are real.
 */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = {"processes/screening-report.bpmn", "forms/review-document.form"})
class ConsultationSummaryProcessTest {

    ProcessEngine processEngine;

    private final DocumentService documents = Mockito.mock(DocumentService.class);
    private final ReviewFixtures reviews = new ReviewFixtures();
    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
    private static final Duration SLA = Duration.ofHours(24);
    private static final Duration EXPIRY = Duration.ofDays(30);
    private DraftDocumentWorker worker;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(processEngine);
        worker = new DraftDocumentWorker(ExternalTasks.of(processEngine.getExternalTaskService()), documents,
                new DocumentKinds(), ExternalTaskWorker.Settings.of(4, Duration.ofMinutes(2), Duration.ofMillis(500), false));
        Mocks.register("reviewDocumentListener", new ReviewDocumentListener(documents));
        Mocks.register("patientLabelListener", (TaskListener) task -> { });
        Mocks.register("reviewTaskListener", (TaskListener) task -> { });
        Mocks.register("reviewDueDateListener", (ExecutionListener) execution ->
                execution.setVariable("reviewDueDate", new java.util.Date()));
        Mocks.register("draftWithTemplateDelegate", (JavaDelegate) execution -> { });
        Mocks.register("checkDraftDelegate", (JavaDelegate) execution -> { });
        Mocks.register("autoRedraftListener", (ExecutionListener) execution -> { });
        Mocks.register("consultationReviewDueDateListener",
                reviews.consultationReviewDueDateListener(SLA, EXPIRY, Clock.fixed(NOW, ZoneOffset.UTC)));
        Mocks.register("escalateConsultationReviewDelegate", reviews.escalateConsultationReviewDelegate());
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    private ProcessInstance startWhenTheJudgementIsFinal(boolean wanted) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("screeningId", "s-1");
        variables.put("language", "ko");
        variables.put("draftRound", 0);
        variables.put("autoRedraftUsed", false);
        variables.put("taskPriority", 50);
        Mocks.register("workflowSettings", WorkflowFixtures.settings(wanted));
        return processEngine.getRuntimeService().createProcessInstanceByKey("screening-report").businessKey("s-1")
                .setVariables(variables).startBeforeActivity("Gateway_JudgementFinal").execute();
    }

    private void runJobs() {
        for (Job job : processEngine.getManagementService().createJobQuery().executable().list()) {
            processEngine.getManagementService().executeJob(job.getId());
        }
    }

    /** The consultation summary's draftDocument tasks; the report summary's (same topic, kind report-summary) stay. */
    private List<LockedExternalTask> fetchDocumentTasks() {
        List<LockedExternalTask> tasks = new java.util.ArrayList<>();
        for (LockedExternalTask t : DocumentFixtures.fetch(processEngine.getExternalTaskService(), worker)) {
            if (t.getActivityId().equals("Activity_DraftConsultationSummary")) {
                tasks.add(t);
            } else {
                processEngine.getExternalTaskService().unlock(t.getId());
            }
        }
        return tasks;
    }

    @Test
    void shouldDraftTheConsultationSummaryBesideTheReportPathWhenItIsWanted() {
        Mockito.when(documents.draft(ArgumentMatchers.eq("s-1"), ArgumentMatchers.anyMap()))
                .thenReturn(new DocumentService.Drafted("결과 상담 요약 초안", true, null, "template", false));
        ProcessInstance pi = startWhenTheJudgementIsFinal(true);
        runJobs();

        BpmnAwareTests.assertThat(pi).isWaitingAt("Activity_DraftSummary", "Activity_DraftConsultationSummary");
        List<LockedExternalTask> tasks = fetchDocumentTasks();
        Assertions.assertThat(tasks).hasSize(1);
        Assertions.assertThat(tasks.get(0).getExtensionProperties()).containsEntry("documentKind", "consultation-summary")
                .containsEntry("promptVersion", "v1").containsEntry("documentLanguage", "")
                .containsEntry("documentInputs", "judgement,previousJudgement")
                .containsEntry("outputVariable", "consultationSummary").containsEntry("checkProfile", "prose");
        Assertions.assertThat(tasks.get(0).getVariables()).as("the settings are no variables")
                .doesNotContainKeys(DocumentStep.PARAMETERS.toArray(String[]::new));
        worker.handle(tasks.get(0));
        Mockito.verify(documents).draft(ArgumentMatchers.eq("s-1"), ArgumentMatchers.argThat(parameters ->
                "consultation-summary".equals(parameters.get("documentKind")) && "".equals(parameters.get("documentLanguage"))
                        && "consultationSummary".equals(parameters.get("outputVariable"))));

        Task review = processEngine.getTaskService().createTaskQuery().taskDefinitionKey("Activity_ReviewConsultationSummary")
                .initializeFormKeys().singleResult();
        Assertions.assertThat(review.getCamundaFormRef().getKey()).isEqualTo("review-document");
        Assertions.assertThat(processEngine.getTaskService().getIdentityLinksForTask(review.getId()))
                .anyMatch(l -> "physician".equals(l.getGroupId()));
        Assertions.assertThat(processEngine.getTaskService().getVariable(review.getId(), "documentText"))
                .isEqualTo("결과 상담 요약 초안");
        processEngine.getTaskService().claim(review.getId(), "physicianGangnam");
        processEngine.getTaskService().complete(review.getId(), Map.of("documentText", "검토한 상담 요약"));

        Mockito.verify(documents).review("s-1", "consultationSummary", "검토한 상담 요약", "physicianGangnam");
        BpmnAwareTests.assertThat(pi).hasPassed("Event_ConsultationSummaryReviewed").isWaitingAt("Activity_DraftSummary")
                .variables().containsEntry("consultationSummaryReviewed", "검토한 상담 요약")
                .containsEntry("consultationSummaryCheckPassed", true).containsEntry("consultationSummaryProvider", "template");
    }

    @Test
    void shouldGoOnWithTheReportOnlyWhenNoConsultationSummaryIsWanted() {
        ProcessInstance pi = startWhenTheJudgementIsFinal(false);
        runJobs();

        BpmnAwareTests.assertThat(pi).hasPassed("Event_NoConsultationSummary").isWaitingAt("Activity_DraftSummary");
        Assertions.assertThat(fetchDocumentTasks()).isEmpty();
        Mockito.verifyNoInteractions(documents);
    }

    @Test
    void shouldRaiseAnIncidentNamingTheProblemWhenTheElementIsMisconfigured() {
        Mockito.when(documents.draft(ArgumentMatchers.eq("s-1"), ArgumentMatchers.anyMap()))
                .thenThrow(new IllegalArgumentException("no document kind follow-up-letter"));
        ProcessInstance pi = startWhenTheJudgementIsFinal(true);
        runJobs();
        LockedExternalTask task = fetchDocumentTasks().get(0);
        worker.handle(task);

        var failed = processEngine.getExternalTaskService().createExternalTaskQuery().externalTaskId(task.getId()).singleResult();
        Assertions.assertThat(failed.getRetries()).isEqualTo(ExternalTaskWorker.FAILURE_RETRIES - 1);
        Assertions.assertThat(failed.getErrorMessage()).contains("no document kind follow-up-letter");
        BpmnAwareTests.assertThat(pi).isWaitingAt("Activity_DraftConsultationSummary", "Activity_DraftSummary");
    }

    /** Only the consultation branch, drafted and waiting for its review. */
    private ProcessInstance startAtTheConsultationReview() {
        Mockito.when(documents.draft(ArgumentMatchers.eq("s-1"), ArgumentMatchers.anyMap()))
                .thenReturn(new DocumentService.Drafted("결과 상담 요약 초안", true, null, "template", false));
        Map<String, Object> variables = new HashMap<>();
        variables.put("screeningId", "s-1");
        variables.put("language", "ko");
        variables.put("taskPriority", 50);
        Mocks.register("workflowSettings", WorkflowFixtures.settings(true));
        ProcessInstance pi = processEngine.getRuntimeService().createProcessInstanceByKey("screening-report")
                .businessKey("s-1").setVariables(variables).startBeforeActivity("Gateway_ConsultationWanted").execute();
        runJobs();
        fetchDocumentTasks().forEach(worker::handle);
        BpmnAwareTests.assertThat(pi).isWaitingAt("Activity_ReviewConsultationSummary");
        return pi;
    }

    private Job timer(String boundaryEvent, ProcessInstance pi) {
        return processEngine.getManagementService().createJobQuery().processInstanceId(pi.getId())
                .activityId(boundaryEvent).singleResult();
    }

    private Task consultationReview() {
        return processEngine.getTaskService().createTaskQuery().taskDefinitionKey("Activity_ReviewConsultationSummary")
                .singleResult();
    }

    @Test
    void shouldBeDueAfterTheConsultationSlaWhenTheReviewOpens() {
        ProcessInstance pi = startAtTheConsultationReview();

        Date due = Date.from(NOW.plus(SLA));
        Assertions.assertThat(consultationReview().getDueDate()).isEqualTo(due);
        Assertions.assertThat(timer("Event_ConsultationReviewOverdue", pi).getDuedate()).isEqualTo(due);
        Assertions.assertThat(timer("Event_ConsultationReviewExpired", pi).getDuedate())
                .isEqualTo(Date.from(NOW.plus(EXPIRY)));
        BpmnAwareTests.assertThat(pi).variables().containsEntry("consultationReviewDueDate", due);
    }

    @Test
    void shouldAddTheHeadPhysiciansAndKeepTheReviewWhenTheConsultationReviewIsOverdue() {
        ProcessInstance pi = startAtTheConsultationReview();
        String reviewId = consultationReview().getId();

        processEngine.getManagementService().executeJob(timer("Event_ConsultationReviewOverdue", pi).getId());

        BpmnAwareTests.assertThat(pi).hasPassed("Activity_EscalateConsultationReview", "Event_ConsultationReviewEscalated")
                .isWaitingAt("Activity_ReviewConsultationSummary");
        Assertions.assertThat(consultationReview().getId()).isEqualTo(reviewId);
        Assertions.assertThat(processEngine.getTaskService().getIdentityLinksForTask(reviewId))
                .extracting(l -> l.getGroupId()).contains("physician", "headPhysician");
        Assertions.assertThat(timer("Event_ConsultationReviewExpired", pi)).isNotNull();
    }

    @Test
    void shouldEndWithTheDraftUnreviewedWhenNobodyReviewsTheConsultationSummaryBeforeItExpires() {
        ProcessInstance pi = startAtTheConsultationReview();

        processEngine.getManagementService().executeJob(timer("Event_ConsultationReviewExpired", pi).getId());

        BpmnAwareTests.assertThat(pi).isEnded().hasPassed("Event_ConsultationSummaryNotReviewed")
                .hasNotPassed("Event_ConsultationSummaryReviewed");
        Assertions.assertThat(processEngine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
        Mockito.verify(documents, Mockito.never()).review(ArgumentMatchers.any(), ArgumentMatchers.any(),
                ArgumentMatchers.any(), ArgumentMatchers.any());
    }
}
