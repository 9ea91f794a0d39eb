package com.checkupflow.critical;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.checkupflow.engine.TaskHeaders;
import com.checkupflow.process.ScreeningReportProcess.Activities;
import com.checkupflow.process.ScreeningReportProcess.Vars;
import com.checkupflow.screening.WorkflowFixtures;

/**
 * Critical-result contacts still open in instances of screening-report before versionTag 4 (no contact loop, no
 * criticalContactDueDate): the task shape of that version, the real listener.
 */
@ExtendWith(ProcessEngineExtension.class)
class ConfirmCriticalResultListenerTest {

    ProcessEngine processEngine;

    private final CriticalContactService contacts = mock(CriticalContactService.class);

    /** The critical contact of versionTag 3: one task, its listeners, then the end. */
    private static final BpmnModelInstance VERSION_3 = Bpmn.createExecutableProcess("critical-contact-v3")
            .camundaHistoryTimeToLive(1).startEvent()
            .userTask(Activities.CONFIRM_CRITICAL_RESULT)
            .camundaTaskListenerDelegateExpression("create", "${confirmCriticalResultListener}")
            .camundaTaskListenerDelegateExpression("complete", "${confirmCriticalResultListener}")
            .endEvent().done();

    @BeforeEach
    void setUp() {
        when(contacts.facts(anyString())).thenReturn(new CriticalContactService.Facts("ko", "- 수축기 혈압\n",
                "**연락처:** 010-0000-0000", Optional.empty()));
        when(contacts.now()).thenReturn(Instant.parse("2026-12-01T09:00:00Z"));
        // the center of screening "s-en" speaks English
        Mocks.register("confirmCriticalResultListener", new ConfirmCriticalResultListener(contacts, WorkflowFixtures.settings(false),
                screeningId -> java.util.Optional.of(new TaskHeaders.TaskHeader("김*수, 44 M, Gangnam, 2026-03-02", screeningId.endsWith("-en") ? "en" : "ko"))));
        processEngine.getRepositoryService().createDeployment().addModelInstance("critical-contact-v3.bpmn", VERSION_3)
                .deploy();
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
        processEngine.getRepositoryService().createDeploymentQuery().list()
                .forEach(d -> processEngine.getRepositoryService().deleteDeployment(d.getId(), true));
    }

    @Test
    void shouldKeepTheTaskOpenAndTheAttemptWhenNotReachedOnATaskOfAVersionBeforeTheContactLoop() {
        processEngine.getRuntimeService().startProcessInstanceByKey("critical-contact-v3", "s-1",
                Map.of(Vars.CRITICAL_ESCALATION_AFTER, "PT1H"));
        // the engine is shared with other test classes of this JVM: their tasks may still be open
        Task task = processEngine.getTaskService().createTaskQuery().processDefinitionKey("critical-contact-v3")
                .singleResult();
        Assertions.assertThat(task.getDueDate().toInstant()).isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));

        Assertions.assertThatThrownBy(() -> processEngine.getTaskService().complete(task.getId(),
                        Map.of(Vars.PATIENT_REACHED, "NOT_REACHED")))
                .hasMessageContaining("다시 연락한 뒤");

        Assertions.assertThat(processEngine.getTaskService().createTaskQuery().taskId(task.getId()).count()).isOne();
        verify(contacts).recordOnItsOwn(eq("s-1"), any());
        verify(contacts, never()).record(anyString(), any());
    }

    @Test
    void shouldRefuseInTheCentersLanguageWhenNoOutcomeIsChosenAndNoFormLanguageVariableExists() {
        processEngine.getRuntimeService().startProcessInstanceByKey("critical-contact-v3", "s-en",
                Map.of(Vars.CRITICAL_ESCALATION_AFTER, "PT1H"));
        Task task = processEngine.getTaskService().createTaskQuery().processDefinitionKey("critical-contact-v3")
                .singleResult();

        Assertions.assertThatThrownBy(() -> processEngine.getTaskService().complete(task.getId()))
                .hasMessageContaining("Choose whether the patient was reached");
        Assertions.assertThat(processEngine.getTaskService().getVariables(task.getId())).doesNotContainKey(Vars.FORM_LANGUAGE);
    }
}
