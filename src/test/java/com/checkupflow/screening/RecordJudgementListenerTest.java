package com.checkupflow.screening;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.checkupflow.demo.SyntheticScreenings;
import com.checkupflow.judgement.JudgementFixtures;
import com.checkupflow.process.ScreeningReportProcess.Vars;

import ca.uhn.fhir.context.FhirContext;

/**
 * An instance of a screening-report version before 2 leaving "Judge results": there the step left the DMN's result in
 * {@code judgementResult} and ended with {@code recordJudgementListener}. The listener judges the stored screening as
 * version 2 does (the real delegate and decision) and drops the engine's result variable.
 */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = "processes/screening-judgement.dmn")
class RecordJudgementListenerTest {

    private static final String OLD_PROCESS = "screening-report-before-2";

    ProcessEngine processEngine;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(processEngine);
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    @Test
    void shouldJudgeTheStoredScreeningAndDropTheEngineResultWhenAnOldInstanceLeavesJudgeResults() {
        var screening = JudgementFixtures.normalize(new SyntheticScreenings(FhirContext.forR4())
                .bundle("old-1", SyntheticScreenings.Profile.CRITICAL, 7));
        var judgements = JudgementRecordingFixtures.recordedJudgements(JudgementFixtures.judgementService(processEngine),
                Map.of("old-1", screening));
        Mocks.register("recordJudgementListener",
                new RecordJudgementListener((JudgeResultsDelegate) judgements.delegate()));
        // "Judge results" of the old versions, reduced to what the listener meets: the result variable the DMN left.
        BpmnModelInstance old = Bpmn.createExecutableProcess(OLD_PROCESS).name("Screening report before 2")
                .camundaHistoryTimeToLive(1)
                .startEvent("Event_ScreeningReceived").name("Screening received")
                .serviceTask("Activity_JudgeResults").name("Judge results")
                .camundaExpression("${execution.setVariable('" + RecordJudgementListener.OLD_RESULT_VARIABLE + "', 'NORMAL_A')}")
                .camundaExecutionListenerDelegateExpression("end", "${recordJudgementListener}")
                .userTask("Activity_Next").name("Next")
                .endEvent("Event_Done").name("Done")
                .done();
        String deployment = processEngine.getRepositoryService().createDeployment()
                .addModelInstance(OLD_PROCESS + ".bpmn", old).deploy().getId();
        try {
            ProcessInstance pi = processEngine.getRuntimeService().startProcessInstanceByKey(OLD_PROCESS, "old-1");

            assertThat(pi).isWaitingAt("Activity_Next").variables()
                    .doesNotContainKey(RecordJudgementListener.OLD_RESULT_VARIABLE)
                    .containsEntry(Vars.NEW_CRITICAL_RESULT, true).containsEntry(Vars.INVALID_ITEMS, false)
                    .containsEntry(Vars.TASK_PRIORITY, JudgeResultsDelegate.PRIORITY_CRITICAL)
                    .containsKey(Vars.OVERALL_PRIMARY).doesNotContainKeys(Vars.INVALID_ITEM_KEYS, Vars.INVALID_ITEMS_SUMMARY);
            Assertions.assertThat(judgements.of("old-1")).hasSize(1)
                    .allSatisfy(outcome -> Assertions.assertThat(outcome.critical()).isTrue());
        } finally {
            processEngine.getRepositoryService().deleteDeployment(deployment, true);
        }
    }
}
