package com.checkupflow.report;

import java.io.ByteArrayOutputStream;
import java.util.Random;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class PageBytesTest {

    @Test
    void shouldHoldWhatAByteArrayOutputStreamHoldsWhenWrittenPastItsFirstSize() throws java.io.IOException {
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        ReportLayout.PageBytes page = new ReportLayout.PageBytes(4);
        Random random = new Random(15);
        for (int i = 0; i < 2_000; i++) {
            if (random.nextBoolean()) {
                int b = random.nextInt(256);
                expected.write(b);
                page.write(b);
            } else {
                byte[] run = new byte[random.nextInt(40)];
                random.nextBytes(run);
                int off = run.length == 0 ? 0 : random.nextInt(run.length);
                expected.write(run, off, run.length - off);
                page.write(run, off, run.length - off);
            }
        }

        Assertions.assertThat(page.size()).isEqualTo(expected.size());
        Assertions.assertThat(page.toByteArray()).isEqualTo(expected.toByteArray());
        ByteArrayOutputStream copied = new ByteArrayOutputStream();
        page.writeTo(copied);
        Assertions.assertThat(copied.toByteArray()).isEqualTo(expected.toByteArray());
    }
}
