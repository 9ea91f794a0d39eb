package com.checkupflow.ai;

import java.time.Duration;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class AiPropertiesTest {

    /** Binding only: the properties as the application binds them, without the application. */
    @EnableConfigurationProperties(AiProperties.class)
    static class Binding {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Binding.class);

    private static AiProperties properties(String provider) {
        AiProperties.Endpoint endpoint = new AiProperties.Endpoint("http://localhost:1", "sk-secret", "m", null);
        return new AiProperties(provider, Duration.ofSeconds(30), 3, Duration.ofSeconds(1), 4, Duration.ofMillis(500), true,
                endpoint, endpoint, endpoint);
    }

    @Test
    void shouldDoubleTheBackoffWhenAttemptsFollowEachOther() {
        AiProperties p = properties("openai");

        Assertions.assertThat(p.backoffAfter(1)).isEqualTo(Duration.ofSeconds(1));
        Assertions.assertThat(p.backoffAfter(2)).isEqualTo(Duration.ofSeconds(2));
        Assertions.assertThat(p.backoffAfter(3)).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void shouldLockLongerThanEveryAttemptAndBackoffWhenTheWorkerFetches() {
        // 3 × 30 s + 1 s + 2 s = 93 s of attempts and backoff
        Assertions.assertThat(properties("openai").lockDuration()).isGreaterThan(Duration.ofSeconds(93));
    }

    @Test
    void shouldRejectAnUnknownProviderWhenConfigured() {
        Assertions.assertThatThrownBy(() -> properties("gpt")).isInstanceOf(IllegalArgumentException.class);
        Assertions.assertThat(properties(" Ollama ").provider()).isEqualTo("ollama");
    }

    @Test
    void shouldNeverPrintTheKeyWhenTheConfigurationIsLogged() {
        Assertions.assertThat(properties("openai").toString()).doesNotContain("sk-secret").contains("***");
    }

    @Test
    void shouldUseTheJsonSchemaWhenNoResponseFormatIsConfigured() {
        runner.withPropertyValues("checkupflow.ai.provider=openai").run(ctx -> Assertions.assertThat(
                ctx.getBean(AiProperties.class).structuredOutput()).isEqualTo(StructuredOutput.JSON_SCHEMA));
        runner.withPropertyValues("checkupflow.ai.provider=anthropic").run(ctx -> Assertions.assertThat(
                ctx.getBean(AiProperties.class).structuredOutput()).isEqualTo(StructuredOutput.NONE));
    }

    @Test
    void shouldBindEveryResponseFormatWhenConfigured() {
        runner.withPropertyValues("checkupflow.ai.provider=openai", "checkupflow.ai.openai.response-format= JSON-Object ",
                        "checkupflow.ai.ollama.response-format=none")
                .run(ctx -> {
                    AiProperties properties = ctx.getBean(AiProperties.class);
                    Assertions.assertThat(properties.structuredOutput()).isEqualTo(StructuredOutput.JSON_OBJECT);
                    Assertions.assertThat(StructuredOutput.of(AiProperties.OLLAMA, properties.ollama().responseFormat()))
                            .isEqualTo(StructuredOutput.NONE);
                });
        runner.withPropertyValues("checkupflow.ai.provider=openai", "checkupflow.ai.openai.response-format=json-schema")
                .run(ctx -> Assertions.assertThat(ctx.getBean(AiProperties.class).structuredOutput())
                        .isEqualTo(StructuredOutput.JSON_SCHEMA));
    }

    @Test
    void shouldFailAtStartupNamingTheAllowedValuesWhenTheResponseFormatIsUnknown() {
        runner.withPropertyValues("checkupflow.ai.provider=openai", "checkupflow.ai.openai.response-format=json_object")
                .run(ctx -> Assertions.assertThat(ctx).hasFailed().getFailure().rootCause()
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessage("checkupflow.ai.openai.response-format must be json-schema, json-object or none,"
                                + " was json_object"));
    }

    @Test
    void shouldFailAtStartupWhenAnthropicIsGivenAResponseFormat() {
        runner.withPropertyValues("checkupflow.ai.provider=template",
                        "checkupflow.ai.anthropic.response-format=json-schema")
                .run(ctx -> Assertions.assertThat(ctx).hasFailed().getFailure().rootCause()
                        .hasMessage("checkupflow.ai.anthropic.response-format must be none, was json-schema"));
        runner.withPropertyValues("checkupflow.ai.provider=anthropic", "checkupflow.ai.anthropic.response-format=none")
                .run(ctx -> Assertions.assertThat(ctx).hasNotFailed());
    }
}
