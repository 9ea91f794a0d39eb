package com.checkupflow.analytics;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Camunda-specific wiring of the stage timeline: our history event handler runs beside the engine's own database
 * handler (the engine builds a {@code CompositeDbHistoryEventHandler} of the default handler and the custom ones).
 */
@Configuration(proxyBeanMethods = false)
class AnalyticsEngineConfiguration {

    @Bean
    ProcessEnginePlugin stageTimelinePlugin(StageTimeline timeline) {
        return new AbstractProcessEnginePlugin() {
            @Override
            public void preInit(ProcessEngineConfigurationImpl configuration) {
                List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null
                        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
                handlers.add(new CamundaTimelineHistoryHandler(timeline));
                configuration.setCustomHistoryEventHandlers(handlers);
                configuration.setEnableDefaultDbHistoryEventHandler(true);
            }
        };
    }
}
