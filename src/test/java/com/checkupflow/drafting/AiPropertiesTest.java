package com.checkupflow.drafting;

import java.time.Duration;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class AiPropertiesTest {

    private static AiProperties properties(String provider) {
        AiProperties.Endpoint endpoint = new AiProperties.Endpoint("http://localhost:1", "sk-secret", "m");
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
}
