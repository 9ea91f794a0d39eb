package com.checkupflow.review;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.checkupflow.process.ScreeningReportProcess.Vars;

/**
 * The patient label on tasks of parallel branches, each created in a transaction of its own (the second branch is
 * asynchronous, as the consultation summary's review is beside the report's): the process variable is written once,
 * so two such transactions never update the same variable row.
 */
@ExtendWith(ProcessEngineExtension.class)
class PatientLabelListenerTest {

    private static final String PROCESS = "patient-label-branches";

    ProcessEngine processEngine;
    private String deployment;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(processEngine);
        Mocks.register("patientLabelListener", new ReviewFixtures().patientLabelListener());
        BpmnModelInstance model = Bpmn.createExecutableProcess(PROCESS).name("Patient label branches").camundaHistoryTimeToLive(1)
                .startEvent("Event_Start").name("Start")
                .parallelGateway("Gateway_Fork").name("Fork")
                .userTask("Activity_First").name("First").camundaTaskListenerDelegateExpression("create", "${patientLabelListener}")
                .endEvent("Event_FirstDone").name("First done")
                .moveToNode("Gateway_Fork")
                .userTask("Activity_Second").name("Second").camundaAsyncBefore()
                .camundaTaskListenerDelegateExpression("create", "${patientLabelListener}")
                .endEvent("Event_SecondDone").name("Second done")
                .done();
        deployment = processEngine.getRepositoryService().createDeployment()
                .addModelInstance(PROCESS + ".bpmn", model).deploy().getId();
    }

    @AfterEach
    void tearDown() {
        processEngine.getRepositoryService().deleteDeployment(deployment, true);
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    @Test
    void shouldWriteThePatientLabelOnceWhenTasksOfParallelBranchesAreCreated() {
        ProcessInstance pi = processEngine.getRuntimeService().startProcessInstanceByKey(PROCESS, "label-1");
        String job = processEngine.getManagementService().createJobQuery().processInstanceId(pi.getId()).singleResult().getId();
        processEngine.getManagementService().executeJob(job);

        assertThat(pi).isWaitingAt("Activity_First", "Activity_Second").variables()
                .containsEntry(Vars.PATIENT_LABEL, ReviewFixtures.PATIENT_LABEL);
        Assertions.assertThat(processEngine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).list())
                .hasSize(2).allSatisfy(task -> Assertions.assertThat(task.getName()).endsWith(ReviewFixtures.PATIENT_LABEL));
        Assertions.assertThat(labelWrites(pi)).as("writes of %s", Vars.PATIENT_LABEL).isOne();
    }

    @Test
    void shouldWriteThePatientLabelAgainWhenItHasChanged() {
        ProcessInstance pi = processEngine.getRuntimeService().startProcessInstanceByKey(PROCESS, "label-2",
                Map.of(Vars.PATIENT_LABEL, "김*수, 43세 남, 강남센터, 2025-03-02"));

        assertThat(pi).variables().containsEntry(Vars.PATIENT_LABEL, ReviewFixtures.PATIENT_LABEL);
        Assertions.assertThat(labelWrites(pi)).as("the start and the changed label").isEqualTo(2);
    }

    private long labelWrites(ProcessInstance pi) {
        return processEngine.getHistoryService().createHistoricDetailQuery().processInstanceId(pi.getId())
                .variableUpdates().list().stream().map(HistoricDetail.class::cast)
                .filter(d -> Vars.PATIENT_LABEL.equals(((HistoricVariableUpdate) d).getVariableName())).count();
    }
}
