package com.checkupflow.security;

import java.nio.file.Path;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

import com.checkupflow.CheckupFlowApplication;
import com.checkupflow.OwnJvm;

/** The prod profile refuses to start with a weak or missing administrator password, before the engine exists. */
@OwnJvm
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

    @Test
    void shouldRefuseToStartWhenProdHasNoMasterKey() {
        Assertions.assertThatThrownBy(() -> start(STRONG_PASSWORD, "CHECKUPFLOW_MASTER_KEY=",
                        "CHECKUPFLOW_MASTER_KEY_FILE=target/no-such-master-key.json"))
                .hasStackTraceContaining("Refusing to start: there is no master key for the encryption of personal data")
                .hasStackTraceContaining("CHECKUPFLOW_MASTER_KEY");
        Assertions.assertThat(Path.of("target/no-such-master-key.json")).as("prod makes up no key").doesNotExist();
    }

    @Test
    void shouldRefuseToStartWhenProdMasterKeyIsNoKeyset() {
        Assertions.assertThatThrownBy(() -> start(STRONG_PASSWORD, "CHECKUPFLOW_MASTER_KEY=secret-but-no-keyset"))
                .hasStackTraceContaining("Refusing to start: CHECKUPFLOW_MASTER_KEY is not a Tink AEAD keyset")
                .satisfies(e -> Assertions.assertThat(stackTrace(e)).doesNotContain("secret-but-no-keyset"));
    }

    private static final String STRONG_PASSWORD = "CHECKUPFLOW_ADMIN_PASSWORD=Str0ng-Admin-Passw0rd";

    private static String stackTrace(Throwable e) {
        java.io.StringWriter out = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(out));
        return out.toString();
    }

    private static void start(String... properties) {
        new SpringApplicationBuilder(CheckupFlowApplication.class).profiles("prod")
                .properties(properties)
                .properties("server.port=0", "spring.datasource.url=jdbc:h2:mem:prod-refusal",
                        "camunda.bpm.job-execution.enabled=false")
                .run().close();
    }
}
