package com.checkupflow.engine;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConnectionPoolGuardTest {

    @Test
    void shouldRefuseToStartWhenThePoolIsNoLargerThanTheJobExecutor() {
        assertThatThrownBy(() -> ConnectionPoolGuard.check(10, 10))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("maximum-pool-size (10)")
                .hasMessageContaining("max-pool-size (10)")
                .hasMessageContaining("at least 20");
    }

    @Test
    void shouldStartWhenThePoolHasAConnectionMoreThanTheJobExecutor() {
        assertThatCode(() -> ConnectionPoolGuard.check(11, 10)).doesNotThrowAnyException();
    }
}
