package com.checkupflow.engine;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.checkupflow.center.Center;
import com.checkupflow.center.Centers;

/** Camunda-specific wiring: one tenant per center, kept in step with configuration at every start. */
@Configuration
class EngineConfiguration {

    @Bean
    ProcessEnginePlugin centerTenantsPlugin(Centers centers) {
        return new AbstractProcessEnginePlugin() {
            @Override
            public void preInit(ProcessEngineConfigurationImpl configuration) {
                configuration.setTenantIdProvider(new CenterTenantIdProvider());
            }

            @Override
            public void postProcessEngineBuild(ProcessEngine engine) {
                createMissingTenants(engine.getIdentityService(), centers.all());
            }
        };
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
