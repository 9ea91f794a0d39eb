package com.checkupflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * A browser test's Chromium ({@link HeadlessChromium}) as a JUnit 5 extension: a fresh browser for every test against
 * the application of the test's Spring context, quit afterwards; a failed test leaves a screenshot and the page source
 * under {@code target/browser/failed-<class>-<test>.*}. Register it on a field:
 * {@code @RegisterExtension final HeadlessBrowser browser = HeadlessBrowser.sized(1366, 768);}
 */
public final class HeadlessBrowser implements BeforeEachCallback, AfterEachCallback {

    public static final Path ARTIFACTS = Path.of("target", "browser");
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final int width;
    private final int height;
    private ChromeDriver driver;
    private ExtensionContext test;
    private String loginButtonText;

    private HeadlessBrowser(int width, int height) {
        this.width = width;
        this.height = height;
    }

    public static HeadlessBrowser sized(int width, int height) {
        return new HeadlessBrowser(width, height);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        Files.createDirectories(ARTIFACTS);
        test = context;
        driver = HeadlessChromium.start(width, height);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (driver == null) {
            return;
        }
        try {
            context.getExecutionException().ifPresent(failure -> {
                String name = "failed-" + context.getRequiredTestClass().getSimpleName() + "-"
                        + context.getRequiredTestMethod().getName();
                try {
                    shot(name);
                    save(name + ".html", driver.getPageSource());
                } catch (WebDriverException | UncheckedIOException e) {
                    // The browser may be what failed: keep the test's own failure first.
                    failure.addSuppressed(e);
                }
            });
        } finally {
            driver.quit();
            driver = null;
            test = null;
        }
    }

    /** The browser (Chromium's driver runs scripts, takes screenshots and sends DevTools commands). */
    public ChromeDriver driver() {
        return driver;
    }

    /** The address of the test's application (its Spring context's random port) for a path such as {@code /dashboard}. */
    public String url(String path) {
        int port = SpringExtension.getApplicationContext(test).getEnvironment()
                .getRequiredProperty("local.server.port", Integer.class);
        return "http://localhost:" + port + path;
    }

    public WebDriverWait waiting() {
        return waiting(WAIT);
    }

    public WebDriverWait waiting(Duration timeout) {
        return new WebDriverWait(driver, timeout);
    }

    /**
     * Logs in to a Camunda webapp ({@code tasklist}, {@code cockpit}, …) with its own form and the demo password,
     * without waiting for what the app shows next; returns the app's base URL.
     */
    public String logIn(String app, String user) {
        String base = url("/camunda/app/" + app + "/default/");
        driver.get(base);
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")))
                .sendKeys(user);
        driver.findElement(By.cssSelector("input[ng-model='password']")).sendKeys(TestHttp.PASSWORD);
        WebElement submit = driver.findElement(By.cssSelector("button[type='submit']"));
        loginButtonText = submit.getText();
        submit.click();
        return base;
    }

    /** Logs in to the Tasklist and waits for the task list. */
    public TasklistPage logInToTasklist(String user) {
        String base = logIn("tasklist", user);
        WebDriverWait wait = waiting();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".tasks-list, [cam-tasks]")));
        return new TasklistPage(this, base, wait);
    }

    /** The label of the login form's button at the last {@link #logIn}, as the user saw it before submitting. */
    public String loginButtonText() {
        return loginButtonText;
    }

    /** The page's visible text. */
    public String page() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** Scrolls the element to the middle of the window first: a tall form leaves buttons below the fold. */
    public void click(WebElement element) {
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    /** A screenshot of the window as {@code target/browser/<name>.png}. */
    public void shot(String name) {
        write(ARTIFACTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }

    /** Keeps a text (a form as read, a page source) as {@code target/browser/<file>}. */
    public void save(String file, String text) {
        try {
            Files.writeString(ARTIFACTS.resolve(file), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
