package com.checkupflow;

import java.io.IOException;
import java.net.URL;

import org.apache.catalina.connector.ClientAbortException;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import com.checkupflow.report.ReportPdfs;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.read.ListAppender;

/**
 * What the application's logback-spring.xml does outside its profiles (tests otherwise log through
 * logback-test.xml): the configuration is applied for each test and the test configuration restored after it.
 */
class LogbackSpringConfigurationTest {

    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    private static final String JERSEY = "org.glassfish.jersey.server.ServerRuntime$Responder";

    private final ListAppender<ILoggingEvent> events = new ListAppender<>();

    @BeforeEach
    void applyApplicationConfiguration() throws JoranException {
        configure(getClass().getResource("/logback-spring.xml"));
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        // other tests' application contexts in the same JVM may log meanwhile: assertions pick their logger
        root.setLevel(Level.DEBUG);
        events.setContext(context);
        events.start();
        root.addAppender(events);
    }

    @AfterEach
    void restoreTestConfiguration() throws JoranException {
        configure(getClass().getResource("/logback-test.xml"));
    }

    @Test
    void shouldLogOneDebugLineWithoutStackWhenTheBrowserLeavesMidResponse() {
        org.slf4j.Logger jersey = LoggerFactory.getLogger(JERSEY);
        jersey.error("An I/O error has occurred while writing a response message entity to the container output stream.",
                new IllegalStateException(new ClientAbortException(new IOException("Broken pipe"))));

        Assertions.assertThat(events.list).filteredOn(e -> e.getLoggerName().equals(JERSEY)).singleElement().satisfies(e -> {
            Assertions.assertThat(e.getLevel()).isEqualTo(Level.DEBUG);
            Assertions.assertThat(e.getThrowableProxy()).isNull();
            Assertions.assertThat(e.getFormattedMessage()).contains("client went away");
        });
    }

    @Test
    void shouldKeepOtherErrorsWithTheirStackWhenTheyAreNoClientAbort() {
        LoggerFactory.getLogger(JERSEY).error("Something else", new IOException("disk full"));

        Assertions.assertThat(events.list).filteredOn(e -> e.getLoggerName().equals(JERSEY)).singleElement().satisfies(e -> {
            Assertions.assertThat(e.getLevel()).isEqualTo(Level.ERROR);
            Assertions.assertThat(e.getThrowableProxy()).isNotNull();
        });
    }

    @Test
    void shouldNotWarnAboutStandardFontsWhenAReportPdfIsRendered() {
        ReportPdfs.render("<html><body><p>검진 결과 • 안내 ✓</p></body></html>");

        Assertions.assertThat(events.list).noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.WARN)
                && e.getLoggerName().startsWith("org.apache.pdfbox"));
    }

    private void configure(URL configuration) throws JoranException {
        context.reset();
        JoranConfigurator joran = new JoranConfigurator();
        joran.setContext(context);
        joran.doConfigure(configuration);
    }
}
