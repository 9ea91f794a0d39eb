package com.checkupflow.judgement;

import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.BusinessRuleTaskBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.checkupflow.process.ScreeningReportProcess.Vars;

/**
 * How a BPMN business rule task with {@code decisionRef="screening_judgement"} and
 * {@code mapDecisionResult="singleEntry"} sees the result, with the engine settings of camunda.cfg.xml
 * (Spin JSON as default serialization).
 */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = DmnTestSupport.DMN)
class ScreeningJudgementBusinessRuleTaskTest {

    ProcessEngine processEngine;

    private String deploymentId;

    /** Replaces the FEEL engine's Scala-backed map with a plain copy before the transaction commits. */
    public static class PlainResultListener implements ExecutionListener {
        @Override
        @SuppressWarnings("unchecked")
        public void notify(DelegateExecution execution) {
            Map<String, ?> raw = (Map<String, ?>) execution.getVariable(Vars.JUDGEMENT_RESULT);
            execution.setVariable(Vars.JUDGEMENT_RESULT, JudgementService.plainCopy(raw));
        }
    }

    @AfterEach
    void undeploy() {
        if (deploymentId != null) {
            processEngine.getRepositoryService().deleteDeployment(deploymentId, true);
        }
    }

    private ProcessInstance start(boolean withListener) {
        BusinessRuleTaskBuilder task = Bpmn.createExecutableProcess("judgement_probe").camundaHistoryTimeToLive(1)
                .startEvent()
                .businessRuleTask("judge").name("Judge").camundaDecisionRef("screening_judgement")
                .camundaMapDecisionResult("singleEntry").camundaResultVariable(Vars.JUDGEMENT_RESULT);
        if (withListener) {
            task = task.camundaExecutionListenerClass(ExecutionListener.EVENTNAME_END, PlainResultListener.class);
        }
        BpmnModelInstance model = task.userTask("review").name("Review").endEvent().done();
        deploymentId = processEngine.getRepositoryService().createDeployment()
                .addModelInstance("judgement-probe.bpmn", model).deploy().getId();
        Map<String, Object> vars = DmnTestSupport.emptyInputs();
        vars.put("systolicBp", 150.0);
        return processEngine.getRuntimeService().startProcessInstanceByKey("judgement_probe", vars);
    }

    @Test
    void shouldFailToReadTheResultVariableWhenStoredAsReturnedByFeel() {
        ProcessInstance pi = start(false);

        Assertions.assertThatThrownBy(() -> processEngine.getRuntimeService().getVariable(pi.getId(), Vars.JUDGEMENT_RESULT))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("Cannot deserialize");
    }

    @Test
    void shouldReadTheResultVariableWhenAListenerReplacesItWithAPlainCopy() {
        ProcessInstance pi = start(true);

        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) processEngine.getRuntimeService()
                .getVariable(pi.getId(), Vars.JUDGEMENT_RESULT);

        Assertions.assertThat(result)
                .containsEntry("bloodPressureCategory", "DISEASE_SUSPECT")
                .containsEntry(Vars.OVERALL_PRIMARY, "CARDIOMETABOLIC_SUSPECT")
                .containsEntry("overallFlags", List.of("CARDIOMETABOLIC_SUSPECT"))
                .containsEntry("criticalFindings", List.of())
                .containsEntry("bmiNote", null)
                .hasSize(37);
    }
}
