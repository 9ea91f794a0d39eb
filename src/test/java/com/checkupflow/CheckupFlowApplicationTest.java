package com.checkupflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;

import org.junit.jupiter.api.Test;

class CheckupFlowApplicationTest {

    @Test
    void shouldLimitTheCachedDirectBuffersWhenTheCommandLineSetsNoLimit() {
        Properties system = new Properties();

        CheckupFlowApplication.limitCachedDirectBuffers(system);

        assertThat(system.getProperty("jdk.nio.maxCachedBufferSize")).isEqualTo("65536");
    }

    @Test
    void shouldKeepTheCommandLinesLimitWhenOneIsSet() {
        Properties system = new Properties();
        system.setProperty("jdk.nio.maxCachedBufferSize", "0");

        CheckupFlowApplication.limitCachedDirectBuffers(system);

        assertThat(system.getProperty("jdk.nio.maxCachedBufferSize")).isEqualTo("0");
    }
}
