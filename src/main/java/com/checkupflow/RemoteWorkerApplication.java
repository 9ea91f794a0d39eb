package com.checkupflow;

import java.util.Arrays;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SimpleCommandLinePropertySource;

import com.checkupflow.engine.ExternalTasks;
import com.checkupflow.engine.RestExternalTasks;
import com.checkupflow.engine.WorkerProperties;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The {@code worker} profile: the same jar as a remote model worker. No engine, no web server, no migrations: every
 * external task worker bean ({@code engine.ExternalTaskWorker}) with what its work needs (our tables, the master key,
 * the model), polling a node's {@code /engine-rest} as a user of the group {@code worker} ({@link RestExternalTasks}).
 * {@link WorkerComponents} leaves out what belongs to an engine node. See docs/robustness.md "Remote model workers".
 * <p>
 * Deliberately no {@code @SpringBootConfiguration}/{@code @Configuration}: the application's own scan must not pick
 * it up, and tests must find {@link CheckupFlowApplication} as the one configuration to boot.
 */
@EnableAutoConfiguration(excludeName = {
        "org.camunda.bpm.spring.boot.starter.CamundaBpmAutoConfiguration",
        "org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration",
        "org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration"})
// TypeExcludeFilter as in @SpringBootApplication: test configurations on the classpath stay out.
@ComponentScan(excludeFilters = {@ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = WorkerComponents.class)})
@ConfigurationPropertiesScan
public class RemoteWorkerApplication {

    public static final String PROFILE = "worker";

    @Bean
    ExternalTasks externalTasks(WorkerProperties workers, ObjectMapper json) {
        return new RestExternalTasks(workers, json);
    }

    /** Whether {@code args}, the system properties or the environment activate the {@value #PROFILE} profile. */
    static boolean requested(String[] args) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args));
        return Arrays.asList(environment.getActiveProfiles()).contains(PROFILE);
    }
}
