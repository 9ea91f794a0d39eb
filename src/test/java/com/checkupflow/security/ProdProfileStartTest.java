package com.checkupflow.security;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

import com.checkupflow.CheckupFlowApplication;

/** The prod profile refuses to start with a weak or missing administrator password, before the engine exists. */
class ProdProfileStartTest {

    @Test
    void shouldRefuseToStartWhenProdAdminPasswordIsWeak() {
        Assertions.assertThatThrownBy(() -> start("CHECKUPFLOW_ADMIN_PASSWORD=demo"))
                .hasStackTraceContaining("Refusing to start: the administrator password")
                .hasStackTraceContaining("it is the demo password")
                .hasStackTraceContaining("shorter than 12 characters");
    }

    @Test
    void shouldRefuseToStartWhenProdAdminPasswordIsMissing() {
        Assertions.assertThatThrownBy(() -> start("CHECKUPFLOW_ADMIN_PASSWORD="))
                .hasStackTraceContaining("Refusing to start")
                .hasStackTraceContaining("it is missing");
    }

    private static void start(String password) {
        new SpringApplicationBuilder(CheckupFlowApplication.class).profiles("prod")
                .properties(password, "server.port=0", "spring.datasource.url=jdbc:h2:mem:prod-refusal",
                        "camunda.bpm.job-execution.enabled=false")
                .run().close();
    }
}
