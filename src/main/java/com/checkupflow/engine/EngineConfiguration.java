package com.checkupflow.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
import org.camunda.bpm.engine.impl.variable.serializer.TypedValueSerializer;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.checkupflow.center.Center;
import com.checkupflow.center.Centers;
import com.checkupflow.process.ScreeningReportProcess.Vars;

/**
 * Camunda-specific wiring: one tenant per center, kept in step with configuration at every start;
 * {@link ReviewHandOverAuthorizations}; String variables
 * of any length ({@link LongStringSerializer}); {@link FullHistoryWithoutVariableDetails}; failed jobs' messages and stacks scrubbed ({@link ScrubbedJobFailures}).
 */
@Configuration
class EngineConfiguration {

    /**
     * Long texts kept in variables only for the open task's form: each is stored in our tables (cf_document, cf_review,
     * cf_screening) or derived from them, so its history row was a second copy (docs/benchmarks.md, section 0c).
     */
    static final Set<String> RUNTIME_ONLY_VARIABLES = Set.of(Vars.DRAFT_TEXT, Vars.FINAL_TEXT,
            Vars.JUDGEMENT_SUMMARY, Vars.OVERALL_SUMMARY, Vars.REVIEW_REOPENED_NOTE, "consultationSummary",
            "referralDraft");

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
    ExternalTasks externalTasks(ExternalTaskService service, WorkerProperties workers) {
        return ExternalTasks.of(service, workers.inApp());
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
