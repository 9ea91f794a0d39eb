package com.checkupflow.center;

import java.time.Instant;
import java.util.TimeZone;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class CenterTimeTest {

    @Test
    void shouldFormatInSeoulTimeWithItsLabelWhenTheServerRunsInUtc() {
        TimeZone before = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        try {
            Assertions.assertThat(CenterTime.format(Instant.parse("2026-12-01T07:58:00Z")))
                    .isEqualTo("2026-12-01 16:58 (KST)");
        } finally {
            TimeZone.setDefault(before);
        }
    }
}
