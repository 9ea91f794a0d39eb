package com.checkupflow.engine;

import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Objects;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.producer.HistoryEventProducer;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** Each case runs on an engine with {@link JobLogRemovalTimes} and on one with the engine's own producer. */
class JobLogRemovalTimesTest {

    private final List<ProcessEngine> engines = new java.util.ArrayList<>();

    @AfterEach
    void close() {
        engines.forEach(ProcessEngine::close);
    }

    private record Engine(ProcessEngine engine, JdbcClient db) {

        /** How often the engine has read a historic batch by id. */
        long batchReads() {
            return db.sql("SELECT COALESCE(SUM(EXECUTION_COUNT), 0) FROM INFORMATION_SCHEMA.QUERY_STATISTICS "
                    + "WHERE SQL_STATEMENT LIKE 'select * from ACT_HI_BATCH where ID_ = ?%'").query(Long.class).single();
        }
    }

    private Engine engine(String name, HistoryEventProducer producer) {
        String url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;QUERY_STATISTICS=TRUE";
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneInMemProcessEngineConfiguration()
                .setProcessEngineName(name)
                .setJdbcUrl(url)
                .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP)
                .setHistory(ProcessEngineConfiguration.HISTORY_FULL)
                .setJobExecutorActivate(false);
        // the application's strategy (application.yaml): each history row gets its removal time when it is written
        configuration.setHistoryRemovalTimeStrategy(ProcessEngineConfiguration.HISTORY_REMOVAL_TIME_STRATEGY_START);
        configuration.setBatchOperationHistoryTimeToLive("P5D");
        configuration.setHistoryEventProducer(producer);
        ProcessEngine engine = configuration.buildProcessEngine();
        engines.add(engine);
        engine.getRepositoryService().createDeployment().addModelInstance("step.bpmn", Bpmn.createExecutableProcess("step")
                .camundaHistoryTimeToLive(180).startEvent()
                .serviceTask("Activity_Step").camundaAsyncBefore().camundaExpression("${true}")
                .userTask("Activity_Wait")
                .boundaryEvent("Event_Overdue").timerWithDuration("P2D").endEvent()
                .moveToActivity("Activity_Wait").endEvent().done()).deploy();
        return new Engine(engine, JdbcClient.create(new SimpleDriverDataSource(new org.h2.Driver(), url, "sa", "")));
    }

    private Engine ours(String name) {
        return engine(name + "-ours", new JobLogRemovalTimes());
    }

    private Engine theEngines(String name) {
        return engine(name + "-engine", null);
    }

    @Test
    void shouldReadNoBatchAndGiveTheInstancesRemovalTimeWhenAProcessJobIsLogged() {
        Engine ours = ours("process-job");
        Engine theEngines = theEngines("process-job");
        for (Engine side : List.of(ours, theEngines)) {
            ProcessEngine engine = side.engine();
            ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("step");
            Job step = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).singleResult();
            engine.getManagementService().executeJob(step.getId());
            // the user task's timer: created with the task, deleted with it
            engine.getTaskService().complete(engine.getTaskService().createTaskQuery().singleResult().getId());

            Date removal = engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instance.getId())
                    .singleResult().getRemovalTime();
            Assertions.assertThat(removal).isNotNull();
            Assertions.assertThat(engine.getHistoryService().createHistoricJobLogQuery().processInstanceId(instance.getId())
                    .list()).extracting(HistoricJobLog::getRemovalTime).hasSize(4).containsOnly(removal);
        }
        Assertions.assertThat(ours.batchReads()).isZero();
        // the engine's own producer looks for a batch for each of the 4 rows (by "async-before", by the timer's configuration)
        Assertions.assertThat(theEngines.batchReads()).isEqualTo(4);
    }

    @Test
    void shouldGiveABatchsJobsTheRemovalTimesTheEngineGivesWhenTheyAreLogged() {
        List<String> ours = batchJobLog(ours("batch"));
        List<String> theEngines = batchJobLog(theEngines("batch"));

        Assertions.assertThat(ours).isEqualTo(theEngines)
                .contains("batch-seed-job created: the batch's", "instance-deletion created: the batch's",
                        "batch-monitor-job created: the batch's");
    }

    /** The job log of a batch that deletes an instance, run to its end: each row's type, state and removal time. */
    private static List<String> batchJobLog(Engine side) {
        ProcessEngine engine = side.engine();
        ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("step");
        Batch batch = engine.getRuntimeService().deleteProcessInstancesAsync(List.of(instance.getId()), "test");
        List<String> ofBatch = List.of(batch.getSeedJobDefinitionId(), batch.getMonitorJobDefinitionId(),
                batch.getBatchJobDefinitionId());
        for (Job job = next(engine, ofBatch); job != null; job = next(engine, ofBatch)) {
            engine.getManagementService().executeJob(job.getId());
        }
        Date batchRemoval = engine.getHistoryService().createHistoricBatchQuery().batchId(batch.getId()).singleResult()
                .getRemovalTime();
        Assertions.assertThat(batchRemoval).isNotNull();
        return engine.getHistoryService().createHistoricJobLogQuery().jobDefinitionConfiguration(batch.getId()).list()
                .stream().sorted(Comparator.comparing(HistoricJobLog::getJobDefinitionType)
                        .thenComparing(l -> l.isCreationLog() ? 0 : 1))
                .map(l -> l.getJobDefinitionType() + (l.isCreationLog() ? " created" : l.isSuccessLog() ? " succeeded" : " other")
                        + ": " + (l.getRemovalTime() == null ? "none" : Objects.equals(l.getRemovalTime(), batchRemoval)
                        ? "the batch's" : l.getRemovalTime().toString()))
                .toList();
    }

    private static Job next(ProcessEngine engine, List<String> ofBatch) {
        return engine.getManagementService().createJobQuery().list().stream()
                .filter(j -> ofBatch.contains(j.getJobDefinitionId())).findFirst().orElse(null);
    }
}
