package com.checkupflow.engine;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FullHistoryWithoutVariableDetailsTest {

    private ProcessEngine engine;

    @AfterEach
    void close() {
        engine.close();
    }

    private ProcessEngine engine(String history) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneInMemProcessEngineConfiguration()
                .setProcessEngineName("history-" + history)
                .setJdbcUrl("jdbc:h2:mem:history-" + history + ";DB_CLOSE_DELAY=-1")
                .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
                .setHistory(history);
        configuration.setCustomHistoryLevels(List.<HistoryLevel>of(new FullHistoryWithoutVariableDetails(Set.of("draftText"))));
        configuration.setHistoryTimeToLive("P1D");
        engine = configuration.buildProcessEngine();
        engine.getRepositoryService().createDeployment().addModelInstance("probe.bpmn",
                Bpmn.createExecutableProcess("probe").startEvent().userTask("wait").name("Wait").endEvent().done())
                .deploy();
        return engine;
    }

    private static ProcessInstance writeTwice(ProcessEngine engine) {
        ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey("probe",
                Map.of("overallPrimary", "NORMAL_A", "draftRound", 0));
        engine.getRuntimeService().setVariable(pi.getId(), "draftRound", 1);
        return pi;
    }

    @Test
    void shouldKeepVariableInstancesAndActivitiesButNoDetailsWhenVariablesAreWritten() {
        ProcessInstance pi = writeTwice(engine(FullHistoryWithoutVariableDetails.NAME));
        HistoryService history = engine.getHistoryService();

        Assertions.assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).list())
                .extracting(v -> v.getName() + "=" + v.getValue())
                .containsExactlyInAnyOrder("overallPrimary=NORMAL_A", "draftRound=1");
        Assertions.assertThat(history.createHistoricDetailQuery().processInstanceId(pi.getId()).count()).isZero();
        Assertions.assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(pi.getId()).count())
                .isEqualTo(2);
        Assertions.assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(pi.getId()).count()).isOne();
        Assertions.assertThat(history.createUserOperationLogQuery().count()).isZero();
        engine.getIdentityService().setAuthenticatedUserId("someone");
        engine.getRuntimeService().setVariable(pi.getId(), "draftRound", 2);
        Assertions.assertThat(history.createUserOperationLogQuery().operationType("SetVariable").count()).isOne();
    }

    @Test
    void shouldKeepARuntimeOnlyVariableOutOfHistoryWhenItIsWrittenReadAndTheInstanceEnds() {
        engine(FullHistoryWithoutVariableDetails.NAME);
        ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey("probe",
                Map.of("draftText", "초안", "draftRound", 1));
        engine.getRuntimeService().setVariable(pi.getId(), "draftText", "고친 초안");
        HistoryService history = engine.getHistoryService();

        Assertions.assertThat(engine.getRuntimeService().getVariable(pi.getId(), "draftText")).isEqualTo("고친 초안");
        Assertions.assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).list())
                .extracting(v -> v.getName()).containsExactly("draftRound");
        engine.getTaskService().complete(engine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
                .singleResult().getId());
        Assertions.assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(pi.getId()).finished()
                .count()).isOne();
        Assertions.assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).list())
                .extracting(v -> v.getName()).containsExactly("draftRound");
    }

    @Test
    void shouldWriteADetailPerVariableWriteWhenHistoryIsFull() {
        ProcessInstance pi = writeTwice(engine(ProcessEngineConfiguration.HISTORY_FULL));

        Assertions.assertThat(engine.getHistoryService().createHistoricDetailQuery().processInstanceId(pi.getId())
                .count()).isEqualTo(3);
    }

    @Test
    void shouldStartOnADatabaseCreatedAtFullHistoryWhenSelected() {
        engine(ProcessEngineConfiguration.HISTORY_FULL).close();
        ProcessEngineConfigurationImpl again = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneProcessEngineConfiguration()
                .setProcessEngineName("history-again")
                .setJdbcUrl("jdbc:h2:mem:history-" + ProcessEngineConfiguration.HISTORY_FULL + ";DB_CLOSE_DELAY=-1")
                .setHistory(FullHistoryWithoutVariableDetails.NAME);
        again.setCustomHistoryLevels(List.<HistoryLevel>of(new FullHistoryWithoutVariableDetails(Set.of("draftText"))));
        engine = again.buildProcessEngine();

        Assertions.assertThat(again.getHistoryLevel()).isInstanceOf(FullHistoryWithoutVariableDetails.class);
    }
}
