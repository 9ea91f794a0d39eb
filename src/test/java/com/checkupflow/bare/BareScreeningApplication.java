package com.checkupflow.bare;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

// A compile-time constant, inlined: the bare JVM has none of CheckupFlow's classes on its class path.
import com.checkupflow.process.ScreeningReportProcess;

/**
 * The bare-engine baseline as an application of its own, for the start-up and memory harness
 * ({@code StartupMemoryBenchmark}), which starts it in a child JVM: Spring Boot with the same Camunda 7.24 starters
 * as CheckupFlow (engine, REST, webapps), web, security (HTTP basic) and actuator, an H2 file, full history, and
 * {@code benchmark/bare-screening.bpmn} (the report path's shape with no-op steps, as in
 * {@code ScreeningThroughputBenchmark}). Its intake takes the same Bundle and starts an instance with the variables its
 * gateways read; an in-app worker completes the external task, polling like CheckupFlow's worker (0.5 s when idle).
 * Configuration comes only from the command line ({@code spring.config.name=bare}: CheckupFlow's application.yaml is
 * not read).
 * <p>
 * No stereotype annotation anywhere here (only {@code @EnableAutoConfiguration}, beans by {@code @Bean} methods): it
 * lives on the test classpath under {@code com.checkupflow}, which CheckupFlow's own component scan covers.
 */
@EnableAutoConfiguration
public class BareScreeningApplication {

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(BareScreeningApplication.class);
        app.setDefaultProperties(Map.of(
                "spring.config.name", "bare",
                "spring.flyway.enabled", "false",
                "spring.security.user.name", "integration",
                "spring.security.user.password", "demo",
                "camunda.bpm.history-level", "full",
                "camunda.bpm.admin-user.id", "admin",
                "camunda.bpm.admin-user.password", "demo",
                "camunda.bpm.deployment-resource-pattern", "classpath:benchmark/bare-screening.bpmn",
                "camunda.bpm.job-execution.lock-time-in-millis", "30000",
                "management.endpoints.web.exposure.include", "health"));
        app.run(args);
    }

    @Bean
    SecurityFilterChain bareSecurity(HttpSecurity http) throws Exception {
        return http.csrf(csrf -> csrf.disable())
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                .build();
    }

    /** The intake: the same Bundle in, an instance with the variables the gateways read. */
    @Bean
    RouterFunction<ServerResponse> bareIntake(RuntimeService runtime) {
        AtomicInteger next = new AtomicInteger();
        return RouterFunctions.route().POST("/bench/bare/screenings", request -> {
            String bundle = request.body(String.class);
            String id = "bare-" + next.incrementAndGet();
            runtime.startProcessInstanceByKey("bare-screening", id, Map.of("center", "gangnam", "screeningId", id,
                    "invalidItems", false, "newCriticalResult", false, "draftCheckPassed", true, "referralNeeded", false,
                    "consultationSummaryWanted", false, "bundleSize", bundle.length()));
            return ServerResponse.status(HttpStatus.CREATED).body(Map.of("id", id));
        }).build();
    }

    @Bean
    BareWorker bareWorker(ExternalTaskService externalTasks) {
        return new BareWorker(externalTasks);
    }

    /** Completes the bare engine's external task as CheckupFlow's in-app worker would, on its own thread. */
    static class BareWorker implements SmartLifecycle {
        private final ExternalTaskService externalTasks;
        private volatile Thread thread;

        BareWorker(ExternalTaskService externalTasks) {
            this.externalTasks = externalTasks;
        }

        @Override
        public void start() {
            Thread t = new Thread(this::run, "bare-worker");
            t.setDaemon(true);
            thread = t;
            t.start();
        }

        private void run() {
            while (thread != null) {
                try {
                    // the topic of bare-screening.bpmn's external task (CheckupFlow's draftDocument); another name
                    // leaves every instance waiting there and the harness times out before the first review
                    List<LockedExternalTask> tasks = externalTasks.fetchAndLock(8, "bare-worker")
                            .topic(ScreeningReportProcess.Topics.DRAFT_DOCUMENT, 60_000).execute();
                    tasks.forEach(task -> externalTasks.complete(task.getId(), "bare-worker"));
                    if (tasks.isEmpty()) {
                        Thread.sleep(500);
                    }
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    System.err.println("bare worker: " + e);
                }
            }
        }

        @Override
        public void stop() {
            Thread t = thread;
            thread = null;
            if (t != null) {
                t.interrupt();
            }
        }

        @Override
        public boolean isRunning() {
            return thread != null;
        }
    }
}
