package com.checkupflow.review;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
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
 * asynchronous, as the consultation summary's review is beside the report's): each is named for its patient, and no
 * variable is written for the form's header or language (computed when the form is read, {@link PatientTaskHeaders}).
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
    void shouldNameTheTasksAndWriteNoHeaderVariableWhenTasksOfParallelBranchesAreCreated() {
        ProcessInstance pi = processEngine.getRuntimeService().startProcessInstanceByKey(PROCESS, "label-1");
        String job = processEngine.getManagementService().createJobQuery().processInstanceId(pi.getId()).singleResult().getId();
        processEngine.getManagementService().executeJob(job);

        assertThat(pi).isWaitingAt("Activity_First", "Activity_Second");
        Assertions.assertThat(processEngine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).list())
                .hasSize(2).allSatisfy(task -> Assertions.assertThat(task.getName()).endsWith(ReviewFixtures.PATIENT_LABEL));
        Assertions.assertThat(processEngine.getHistoryService().createHistoricVariableInstanceQuery()
                        .processInstanceId(pi.getId()).variableNameIn(Vars.PATIENT_LABEL, Vars.FORM_LANGUAGE).count())
                .as("variables %s, %s ever written", Vars.PATIENT_LABEL, Vars.FORM_LANGUAGE).isZero();
        Assertions.assertThat(processEngine.getRuntimeService().createVariableInstanceQuery()
                .processInstanceIdIn(pi.getId()).count()).as("variables of the instance").isZero();
    }
}
