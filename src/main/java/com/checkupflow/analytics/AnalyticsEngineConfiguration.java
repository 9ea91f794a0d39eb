package com.checkupflow.analytics;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Camunda-specific wiring of the stage timeline: our history event handler runs beside the engine's own database
 * handler, after it. The engine's {@code CompositeDbHistoryEventHandler} would put its database handler last; the
 * same composite is built here with it first (the default one off), so that an end event reaches ours with the
 * start the database handler read ({@link CamundaTimelineHistoryHandler}).
 */
@Configuration(proxyBeanMethods = false)
class AnalyticsEngineConfiguration {

    @Bean
    ProcessEnginePlugin stageTimelinePlugin(StageTimeline timeline) {
        return new AbstractProcessEnginePlugin() {
            @Override
            public void preInit(ProcessEngineConfigurationImpl configuration) {
                List<HistoryEventHandler> handlers = new ArrayList<>();
                handlers.add(new DbHistoryEventHandler());
                if (configuration.getCustomHistoryEventHandlers() != null) {
                    handlers.addAll(configuration.getCustomHistoryEventHandlers());
                }
                handlers.add(new CamundaTimelineHistoryHandler(timeline));
                configuration.setCustomHistoryEventHandlers(handlers);
                configuration.setEnableDefaultDbHistoryEventHandler(false);
            }
        };
    }
}
