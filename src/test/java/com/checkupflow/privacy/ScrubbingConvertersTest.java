package com.checkupflow.privacy;

import java.util.List;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;

/** The prod log pattern's converters: no personal data, no exception messages, the frames kept. */
class ScrubbingConvertersTest {

    private final LoggerContext context = new LoggerContext();

    private LoggingEvent event(String logger, String message, Throwable e) {
        return new LoggingEvent(ScrubbingConvertersTest.class.getName(), context.getLogger(logger), Level.ERROR, message,
                e, null);
    }

    private ScrubbingMessageConverter message() {
        ScrubbingMessageConverter c = new ScrubbingMessageConverter();
        c.setContext(context);
        c.setOptionList(List.of("org.camunda.bpm.engine.context"));
        c.start();
        return c;
    }

    @Test
    void shouldReplacePersonalDataWhenAMessageCarriesIt() {
        String out = message().convert(event("com.checkupflow.x", "mail to minsu.kim@example.com for 980425-1234567 "
                + "at 010-1234-5678", null));

        Assertions.assertThat(out).isEqualTo("mail to [EMAIL] for [RRN] at [PHONE]");
    }

    @Test
    void shouldKeepOnlyTheFixedPartWhenTheEngineContextLoggerWritesAFailedCommand() {
        String out = message().convert(event("org.camunda.bpm.engine.context",
                "ENGINE-16004 Exception while closing command context: creatinine 7.9 mg/dL for 김민수", null));

        Assertions.assertThat(out).isEqualTo("ENGINE-16004 Exception while closing command context: [withheld]");
    }

    @Test
    void shouldWriteClassesAndFramesWithoutMessagesWhenAnExceptionIsLogged() {
        StackWithoutMessagesConverter c = new StackWithoutMessagesConverter();
        c.setContext(context);
        c.start();
        Exception e = new IllegalStateException("eGFR 41.3 for 김민수",
                new IllegalArgumentException("glucose 182 mg/dL"));

        String out = c.convert(event("com.checkupflow.x", "failed", e));

        Assertions.assertThat(out).contains("java.lang.IllegalStateException", "Caused by: java.lang.IllegalArgumentException",
                "at com.checkupflow.privacy.ScrubbingConvertersTest").doesNotContain("김민수", "41.3", "182 mg/dL", "eGFR");
    }
}
