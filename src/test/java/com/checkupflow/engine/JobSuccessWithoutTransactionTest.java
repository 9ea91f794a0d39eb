package com.checkupflow.engine;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.jobexecutor.ExecuteJobsRunnable;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.management.Metrics;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DelegatingDataSource;

class JobSuccessWithoutTransactionTest {

    /** {@code Connection.commit()} calls on the engine's database, through Spring's transactions or not. */
    private final AtomicInteger commits = new AtomicInteger();
    private final GenericApplicationContext beans = new GenericApplicationContext();
    private SpringProcessEngineConfiguration configuration;
    private ProcessEngine engine;

    @BeforeEach
    void startEngine() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:job-success-without-transaction-test;DB_CLOSE_DELAY=-1");
        DataSource counted = new DelegatingDataSource(h2) {
            @Override
            public Connection getConnection() throws java.sql.SQLException {
                Connection connection = super.getConnection();
                return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                        (proxy, method, args) -> {
                            if (method.getName().equals("commit")) {
                                commits.incrementAndGet();
                            }
                            try {
                                return method.invoke(connection, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
            }
        };
        configuration = new SpringProcessEngineConfiguration();
        configuration.setProcessEngineName("job-success-without-transaction-test");
        beans.refresh();
        configuration.setApplicationContext(beans);
        configuration.setDataSource(counted);
        configuration.setTransactionManager(new DataSourceTransactionManager(counted));
        configuration.setDatabaseSchemaUpdate("create-drop");
        configuration.setJobExecutor(new JobsRunByTheTest());
        configuration.setJobExecutorActivate(false);
        configuration.setDbMetricsReporterActivate(false);
        // the application's ids (the starter's default): the engine's own would commit a new block of ids now and then
        configuration.setIdGenerator(new StrongUuidGenerator());
        configuration.setCustomPreCommandInterceptorsTxRequired(List.of(new JobSuccessWithoutTransaction(configuration)));
        engine = configuration.buildProcessEngine();
        engine.getRepositoryService().createDeployment().addModelInstance("step.bpmn", Bpmn.createExecutableProcess("step")
                .camundaHistoryTimeToLive(1).startEvent()
                .serviceTask("Activity_Step").camundaAsyncBefore().camundaExpression("${succeed ? true : undefinedBean.fail()}")
                .camundaFailedJobRetryTimeCycle("R3/PT1M")
                .endEvent().done()).deploy();
        configuration.getJobExecutor().start();
    }

    @AfterEach
    void closeEngine() {
        engine.close();
        beans.close();
    }

    @Test
    void shouldCommitOnlyTheJobsOwnTransactionWhenAJobSucceeds() {
        String instance = engine.getRuntimeService().startProcessInstanceByKey("step", java.util.Map.of("succeed", true)).getId();
        Job job = engine.getManagementService().createJobQuery().processInstanceId(instance).singleResult();
        long succeededBefore = succeededJobs();
        int commitsBefore = commits.get();

        runOnAJobThread(job);

        Assertions.assertThat(commits.get() - commitsBefore).as("commits of the job and its success listener").isEqualTo(1);
        Assertions.assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance).count())
                .as("the step ran and the instance ended").isZero();
        Assertions.assertThat(succeededJobs() - succeededBefore).as("the engine's metric of succeeded jobs").isEqualTo(1);
    }

    @Test
    void shouldRecordAFailureInItsOwnTransactionWhenAJobFails() {
        String instance = engine.getRuntimeService().startProcessInstanceByKey("step", java.util.Map.of("succeed", false)).getId();
        Job job = engine.getManagementService().createJobQuery().processInstanceId(instance).singleResult();
        int commitsBefore = commits.get();

        runOnAJobThread(job);

        int commitsOfTheRun = commits.get() - commitsBefore;
        Job failed = engine.getManagementService().createJobQuery().jobId(job.getId()).singleResult();
        Assertions.assertThat(failed.getRetries()).as("the failure listener's retries, committed").isEqualTo(2);
        Assertions.assertThat(failed.getExceptionMessage()).isNotNull();
        Assertions.assertThat(commitsOfTheRun).as("the failed job rolled back, its failure committed").isEqualTo(1);
    }

    private void runOnAJobThread(Job job) {
        new ExecuteJobsRunnable(List.of(job.getId()), (ProcessEngineImpl) engine).run();
    }

    private long succeededJobs() {
        return configuration.getMetricsRegistry().getDbMeterByName(Metrics.JOB_SUCCESSFUL).get();
    }

    /** Active, so that a job runs when handed to its runnable, with no acquisition thread of its own. */
    private static final class JobsRunByTheTest extends JobExecutor {
        @Override
        protected void startExecutingJobs() {
        }

        @Override
        protected void stopExecutingJobs() {
        }

        @Override
        public void executeJobs(List<String> jobIds, ProcessEngineImpl processEngine) {
            getExecuteJobsRunnable(jobIds, processEngine).run();
        }
    }
}
