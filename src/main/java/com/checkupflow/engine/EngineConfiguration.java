package com.checkupflow.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.NotifyAcquisitionRejectedJobsHandler;
import org.camunda.bpm.engine.impl.variable.serializer.TypedValueSerializer;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.spring.boot.starter.property.JobExecutionProperty;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskExecutor;

import com.checkupflow.center.Center;
import com.checkupflow.center.Centers;
import com.checkupflow.process.ReferralLetterProcess;
import com.checkupflow.process.ScreeningReportProcess.Vars;

/**
 * Camunda-specific wiring: one tenant per center, kept in step with configuration at every start;
 * {@link ReviewHandOverAuthorizations}; String variables
 * of any length ({@link LongStringSerializer}); {@link FullHistoryWithoutVariableDetails}; failed jobs' messages and stacks scrubbed ({@link ScrubbedJobFailures}); no empty transaction after each successful job ({@link JobSuccessWithoutTransaction}); one job acquisition for the hints of a busy moment ({@link HintFoldingJobExecutor}); no batch looked up for a process's
 * own job's log row ({@link JobLogRemovalTimes}).
 */
@Configuration(proxyBeanMethods = false)
class EngineConfiguration {

    /**
     * Variables with no history row ({@link FullHistoryWithoutVariableDetails}; docs/benchmarks.md, sections 0c and 6).
     * History keeps what explains the path an instance took and what people decided: the screening's id, every
     * gateway's input ({@code invalidItems}, {@code newCriticalResult}, {@code draftCheckPassed}, {@code autoRedraftUsed},
     * {@code draftRound}, {@code reviewDecision}, {@code referralNeeded}, {@code deliveryResolution}; the configured
     * {@code maxRedraftRounds} and {@code consultationSummaryWanted} are read from {@code workflowSettings} since
     * docs/benchmarks.md section 12.1, instances started before keep theirs), {@code overallPrimary} and {@code draftCheckPassed},
     * whose history events the analytics timeline listens to, and the fields people submit in forms (review note,
     * sign-anyway reason, corrections, contact, delivery resolution, appointment). Out of history: what the system
     * only showed or copied while a task was open, each of them kept in our tables, in configuration or on the task
     * itself.
     */
    static final Set<String> RUNTIME_ONLY_VARIABLES = Set.of(
            // long texts whose copy is ours (cf_draft, cf_review, cf_screening, cf_document, cf_referral)
            Vars.DRAFT_TEXT, Vars.FINAL_TEXT, Vars.JUDGEMENT_SUMMARY, Vars.OVERALL_SUMMARY, Vars.REVIEW_REOPENED_NOTE,
            Vars.CONSULTATION_SUMMARY, ReferralLetterProcess.Vars.REFERRAL_DRAFT, ReferralLetterProcess.Vars.REFERRAL_TEXT,
            // what forms and task names show, derived from cf_screening, cf_draft and cf_outbox when the task opens
            Vars.LANGUAGE, Vars.CRITICAL_FACTS,
            Vars.INVALID_ITEM_KEYS, Vars.INVALID_ITEMS_SUMMARY, Vars.DRAFT_FINDINGS, Vars.DRAFT_ORIGIN, Vars.PATIENT_PROBLEMS,
            Vars.CRITICAL_CONTACT_OPEN_MESSAGE,
            Vars.DRAFT_ORIGIN_EN, Vars.REDRAFT_LIMIT_MESSAGE,
            Vars.DELIVERY_PROBLEM, Vars.CONSULTATION_SUMMARY_CHECK_NOTE, Vars.DOCUMENT_OUTPUT, Vars.DOCUMENT_TEXT,
            Vars.DOCUMENT_CHECK_NOTE, Vars.DOCUMENT_TITLE, ReferralLetterProcess.Vars.REFERRAL_CHECK_NOTE,
            // the judgement's copy of the priority; due dates the task and the timer carry themselves
            Vars.TASK_PRIORITY, Vars.REVIEW_DUE_DATE,
            Vars.CONSULTATION_REVIEW_DUE_DATE, Vars.CONSULTATION_REVIEW_EXPIRES_AT, Vars.REFERRAL_UNITS,
            // no longer written (docs/benchmarks.md 12.1 and 15.1), still held by instances started before until they end:
            // their deletion stays without history as their creation was. The AI document step's input parameters of
            // element template com.checkupflow.ai-document-step version 2 (now extension properties), the drafter
            // (read from cf_draft).
            Vars.CENTER, Vars.CRITICAL_ESCALATION_AFTER, Vars.REVIEW_SLA, "criticalFindingsSummary", "deliveryOutcome",
            "documentKind", "promptVersion", "documentLanguage", "documentInputs", "outputVariable", "checkProfile",
            "draftProvider",
            // computed when the form is read since docs/benchmarks.md 15.3 (TaskHeaders), still held by instances started
            // before until they end
            Vars.PATIENT_LABEL, Vars.FORM_LANGUAGE);

    @Bean
    ProcessEnginePlugin centerTenantsPlugin(Centers centers) {
        return new AbstractProcessEnginePlugin() {
            @Override
            public void preInit(ProcessEngineConfigurationImpl configuration) {
                configuration.setTenantIdProvider(new CenterTenantIdProvider());
                QuietRefusals commandContexts = new QuietRefusals();
                commandContexts.setProcessEngineConfiguration(configuration);
                configuration.setCommandContextFactory(commandContexts);
                configuration.setResourceAuthorizationProvider(new ReviewHandOverAuthorizations());
                List<TypedValueSerializer> serializers = configuration.getCustomPreVariableSerializers() == null
                        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreVariableSerializers());
                serializers.add(new LongStringSerializer());
                configuration.setCustomPreVariableSerializers(serializers);
                // selected by name in camunda.bpm.history-level
                List<HistoryLevel> levels = configuration.getCustomHistoryLevels() == null ? new ArrayList<>()
                        : new ArrayList<>(configuration.getCustomHistoryLevels());
                levels.add(new FullHistoryWithoutVariableDetails(RUNTIME_ONLY_VARIABLES));
                configuration.setCustomHistoryLevels(levels);
                configuration.setHistoryEventProducer(new JobLogRemovalTimes());
                List<CommandInterceptor> first = configuration.getCustomPreCommandInterceptorsTxRequired() == null
                        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
                first.add(0, new JobSuccessWithoutTransaction(configuration));
                configuration.setCustomPreCommandInterceptorsTxRequired(first);
            }

            @Override
            public void postInit(ProcessEngineConfigurationImpl configuration) {
                // after init: the Spring Boot starter sets its own factory in preInit; this one wraps whichever is set
                configuration.setFailedJobCommandFactory(new ScrubbedJobFailures(configuration.getFailedJobCommandFactory()));
            }

            @Override
            public void postProcessEngineBuild(ProcessEngine engine) {
                createMissingTenants(engine.getIdentityService(), centers.all());
            }
        };
    }

    /**
     * The job executor the starter builds (its task executor, rejected-jobs handler and {@code camunda.bpm.job-execution}
     * settings; the starter's bean steps back for this one), with {@link HintFoldingJobExecutor}'s acquisition.
     */
    @Bean
    @ConditionalOnProperty(prefix = "camunda.bpm.job-execution", name = "enabled", havingValue = "true", matchIfMissing = true)
    JobExecutor hintFoldingJobExecutor(@Qualifier("camundaTaskExecutor") TaskExecutor tasks, CamundaBpmProperties camunda,
                                       @Value("${checkupflow.jobs.hint-window}") Duration hintWindow) {
        HintFoldingJobExecutor executor = new HintFoldingJobExecutor(hintWindow);
        executor.setTaskExecutor(tasks);
        executor.setRejectedJobsHandler(new NotifyAcquisitionRejectedJobsHandler());
        JobExecutionProperty jobs = camunda.getJobExecution();
        Optional.ofNullable(jobs.getLockTimeInMillis()).ifPresent(executor::setLockTimeInMillis);
        Optional.ofNullable(jobs.getMaxJobsPerAcquisition()).ifPresent(executor::setMaxJobsPerAcquisition);
        Optional.ofNullable(jobs.getWaitTimeInMillis()).ifPresent(executor::setWaitTimeInMillis);
        Optional.ofNullable(jobs.getMaxWait()).ifPresent(executor::setMaxWait);
        Optional.ofNullable(jobs.getBackoffTimeInMillis()).ifPresent(executor::setBackoffTimeInMillis);
        Optional.ofNullable(jobs.getMaxBackoff()).ifPresent(executor::setMaxBackoff);
        Optional.ofNullable(jobs.getBackoffDecreaseThreshold()).ifPresent(executor::setBackoffDecreaseThreshold);
        Optional.ofNullable(jobs.getWaitIncreaseFactor()).ifPresent(executor::setWaitIncreaseFactor);
        return executor;
    }

    @Bean
    ClusterStartLock clusterStartLock(DataSource dataSource,
                                      @Value("${checkupflow.cluster.start-lock-timeout:PT10M}") Duration timeout) {
        return new ClusterStartLock(dataSource, timeout);
    }

    @Bean
    EngineIndexes engineIndexes(DataSource dataSource) {
        return new EngineIndexes(dataSource);
    }

    /** The model workers' engine: this one, unless remote workers serve the topics. */
    @Bean
    ExternalTasks externalTasks(ExternalTaskService service, WorkerProperties workers,
                                @Value("${checkupflow.jobs.hint-window}") Duration hintWindow) {
        return ExternalTasks.of(service, workers.inApp(), hintWindow);
    }

    static void createMissingTenants(IdentityService identity, List<Center> centers) {
        for (Center center : centers) {
            if (identity.createTenantQuery().tenantId(center.id()).count() == 0) {
                Tenant tenant = identity.newTenant(center.id());
                tenant.setName(center.nameKo() + " (" + center.nameEn() + ")");
                identity.saveTenant(tenant);
            }
        }
    }
}
