package com.checkupflow.judgement;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.springframework.stereotype.Component;

/**
 * The engine's DMN settings: FEEL expressions parsed once ({@link CamundaCachingFeelEngineFactory}), for the business
 * rule task as for the dry run; and a count of deployments made by this engine, so that the dry run's cached
 * decision model is replaced as soon as a designer deploys a new version.
 */
@Component
class DmnEnginePlugin extends AbstractProcessEnginePlugin {

    private final CamundaCachingFeelEngineFactory feel = new CamundaCachingFeelEngineFactory();
    private final AtomicLong deployments = new AtomicLong();

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration() != null
                ? configuration.getDmnEngineConfiguration()
                : (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        configuration.setDmnEngineConfiguration(dmn.feelEngineFactory(feel));
        List<Deployer> deployers = configuration.getCustomPostDeployers() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPostDeployers());
        deployers.add(deployment -> deployments.incrementAndGet());
        configuration.setCustomPostDeployers(deployers);
    }

    /** Grows with every deployment this engine deploys or loads into its cache. */
    long deployments() {
        return deployments.get();
    }

    /**
     * A DMN engine of the same FEEL settings without the process engine's history and metrics listeners (they need
     * a command context and write history): evaluations with it store nothing.
     */
    DmnEngine standaloneEngine() {
        return ((DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration())
                .feelEngineFactory(feel).buildEngine();
    }
}
