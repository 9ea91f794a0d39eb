package com.checkupflow;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.mockito.Mockito;

/**
 * The browser tests' extension around a test that passes and one that fails (JUnit's context stands in for the
 * engine's): a fresh Chromium for the test, quit after it; after a failure a screenshot and the page source.
 */
class HeadlessBrowserTest {

    @Test
    void shouldKeepAScreenshotAndThePageSourceAndQuitWhenTheTestFails(TestInfo info) throws Exception {
        Method method = info.getTestMethod().orElseThrow();
        Path shot = HeadlessBrowser.ARTIFACTS.resolve("failed-HeadlessBrowserTest-" + method.getName() + ".png");
        Path source = HeadlessBrowser.ARTIFACTS.resolve("failed-HeadlessBrowserTest-" + method.getName() + ".html");
        Files.deleteIfExists(shot);
        Files.deleteIfExists(source);
        AssertionError failure = new AssertionError("the test's own failure");
        HeadlessBrowser browser = HeadlessBrowser.sized(800, 600);

        browser.beforeEach(context(method, Optional.of(failure)));
        browser.driver().get("data:text/html;charset=utf-8,<h1>검토 화면</h1>");
        browser.afterEach(context(method, Optional.of(failure)));

        Assertions.assertThat(shot).isNotEmptyFile();
        Assertions.assertThat(Files.readAllBytes(shot)).startsWith(0x89, 'P', 'N', 'G');
        Assertions.assertThat(source).content().contains("검토 화면");
        Assertions.assertThat(failure.getSuppressed()).isEmpty();
        Assertions.assertThat(browser.driver()).as("quit").isNull();
    }

    @Test
    void shouldLeaveNoFailureFilesWhenTheTestPasses(TestInfo info) throws Exception {
        Method method = info.getTestMethod().orElseThrow();
        Path shot = HeadlessBrowser.ARTIFACTS.resolve("failed-HeadlessBrowserTest-" + method.getName() + ".png");
        Files.deleteIfExists(shot);
        HeadlessBrowser browser = HeadlessBrowser.sized(800, 600);

        browser.beforeEach(context(method, Optional.empty()));
        browser.driver().get("data:text/html;charset=utf-8,<h1>ok</h1>");
        Assertions.assertThat(browser.page()).isEqualTo("ok");
        browser.afterEach(context(method, Optional.empty()));

        Assertions.assertThat(shot).doesNotExist();
        Assertions.assertThat(browser.driver()).as("quit").isNull();
    }

    private static ExtensionContext context(Method method, Optional<Throwable> failure) {
        ExtensionContext context = Mockito.mock(ExtensionContext.class);
        Mockito.when(context.getExecutionException()).thenReturn(failure);
        Mockito.<Class<?>>when(context.getRequiredTestClass()).thenReturn(HeadlessBrowserTest.class);
        Mockito.when(context.getRequiredTestMethod()).thenReturn(method);
        return context;
    }
}
