package com.checkupflow.analytics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.assertj.core.api.Assertions;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.checkupflow.HeadlessChromium;
import com.checkupflow.OwnJvm;
import com.checkupflow.process.ScreeningReportProcess.Activities;
import com.checkupflow.process.ScreeningReportProcess;

/**
 * The managers' dashboard in headless Chromium draws every chart from timelines written by the seeding command, and
 * Cockpit colours the diagram from its own session; screenshots under target/browser/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "checkupflow.demo.screenings=0",
        "spring.datasource.url=jdbc:h2:mem:dashboard-browser-test;DB_CLOSE_DELAY=-1",
        // The benchmark seeding command, run at start: 600 screenings, 40 a day.
        "checkupflow.analytics.seed.screenings=600",
        "checkupflow.analytics.seed.per-day=40"})
@OwnJvm
class DashboardBrowserTest {

    static final Path ARTIFACTS = Path.of("target", "browser");

    @LocalServerPort
    int port;
    @Autowired
    RepositoryService repository;

    WebDriver browser;

    @BeforeEach
    void startBrowser() throws IOException {
        Files.createDirectories(ARTIFACTS);
        browser = HeadlessChromium.start(1366, 768);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void shouldDrawEveryChartWhenManagerOpensDashboard() throws Exception {
        sendBasicAuth("manager");
        browser.get("http://localhost:" + port + "/dashboard");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.attributeToBeNotEmpty(browser.findElement(By.tagName("body")), "data-loaded"));
        Assertions.assertThat(browser.findElement(By.tagName("body")).getAttribute("data-loaded")).isEqualTo("true");

        List<WebElement> canvases = browser.findElements(By.cssSelector("article canvas"));
        Files.write(ARTIFACTS.resolve("dashboard-1366x768.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        browser.manage().window().setSize(new Dimension(1366, 2600));
        // Chart.js redraws for the taller window: wait until the canvases keep their size before the screenshot.
        awaitSettled("return [...document.querySelectorAll('article canvas')].map(c => c.width + 'x' + c.height).join();");
        Files.write(ARTIFACTS.resolve("dashboard.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        Assertions.assertThat(canvases).hasSizeGreaterThanOrEqualTo(10);
        Assertions.assertThat(canvases).allSatisfy(c ->
                Assertions.assertThat(Integer.parseInt(c.getAttribute("data-points"))).isPositive());
        Assertions.assertThat(browser.findElements(By.cssSelector("article a.csv"))).hasSize(10);
        Assertions.assertThat(browser.findElement(By.id("kpis")).getText()).contains("접수");
        // What people read: Korean names on every axis and in every legend, no internal keys, whole-number count ticks.
        @SuppressWarnings("unchecked")
        List<String> shown = (List<String>) ((JavascriptExecutor) browser).executeScript(
                "return Object.values(Chart.instances).flatMap(c => c.data.labels.map(String)"
                        + ".concat(c.data.datasets.map(d => d.label)))"
                        + ".concat([...document.querySelectorAll('#center option, article table td:first-child, #status')]"
                        + ".map(e => e.textContent));");
        Assertions.assertThat(shown).contains("강남센터", "의사 검토", "공복혈당", "전체 센터")
                .noneMatch(l -> l.matches(".*\\b(gangnam|jeju|fasting_glucose|fastingGlucose|REVIEW|DRAFTING|RECEIVED"
                        + "|NUMBER_MISMATCH|fallback rate|review overdue).*"));
        @SuppressWarnings("unchecked")
        List<Object> countTicks = (List<Object>) ((JavascriptExecutor) browser).executeScript(
                "return Object.values(Chart.instances).flatMap(c => Object.values(c.scales)"
                        + ".filter(s => s.options.title && s.options.title.text === '건수')"
                        + ".flatMap(s => s.ticks.map(t => t.value)));");
        Assertions.assertThat(countTicks).isNotEmpty()
                .allSatisfy(v -> Assertions.assertThat(((Number) v).doubleValue() % 1).isZero());
        @SuppressWarnings("unchecked")
        List<Object> shareMax = (List<Object>) ((JavascriptExecutor) browser).executeScript(
                "return Object.values(Chart.instances).flatMap(c => Object.values(c.scales)"
                        + ".filter(s => s.options.title && s.options.title.text === '비율 (%)').map(s => s.max));");
        Assertions.assertThat(shareMax).isNotEmpty().allSatisfy(v -> Assertions.assertThat(((Number) v).intValue()).isEqualTo(100));

        new Select(browser.findElement(By.id("center"))).selectByValue("gangnam");
        browser.findElement(By.cssSelector("#filters button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "강남센터"));
        Assertions.assertThat(browser.getCurrentUrl()).contains("center=gangnam");
        Assertions.assertThat(browser.findElement(By.cssSelector("article[data-table=centers] a.csv"))
                .getAttribute("href")).contains("/api/analytics/centers.csv").contains("center=gangnam");
        Files.write(ARTIFACTS.resolve("dashboard-gangnam.png"),
                ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void shouldColourDiagramByDurationAndStayLoggedInWhenManagerOpensProcessInCockpit() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(40));
        String base = logInToCockpit("manager", wait);

        browser.get(base + "#/process-definition/" + reportDefinitionId() + "/runtime");
        WebElement review = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".cf-heat-box[data-activity-id='Activity_ReviewReport']")));
        // The diagram zooms to fit: wait until the overlays stay put before the screenshot and the overlap check.
        awaitSettled("const r = document.querySelector(\".cf-heat-box[data-activity-id='Activity_ReviewReport']\")"
                + ".getBoundingClientRect(); return r.left + ',' + r.top + ',' + r.width + ',' + r.height;");
        Files.write(ARTIFACTS.resolve("cockpit-heatmap.png"),
                ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));

        Assertions.assertThat(review.getAttribute("title")).matches("건수 \\d+ · 평균 .+ · p90 .+");
        Assertions.assertThat(browser.findElements(By.cssSelector(".cf-heat-box")))
                .extracting(b -> b.getAttribute("data-activity-id"))
                .contains(Activities.JUDGE_RESULTS, Activities.DRAFT_SUMMARY, Activities.CHECK_DRAFT,
                        Activities.ISSUE_REPORT);
        Assertions.assertThat(browser.findElement(By.cssSelector(".cf-heat-legend")).getText()).contains("p90");
        new org.openqa.selenium.interactions.Actions(browser).moveToElement(review).perform();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".cf-heat-info"), "건수"));
        Files.write(ARTIFACTS.resolve("cockpit-heatmap-hover.png"),
                ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        // The legend bar lies below the fitted diagram: it covers no shape.
        Object covered = ((JavascriptExecutor) browser).executeScript(
                "const l = document.querySelector('.cf-heat-legend').getBoundingClientRect();"
                        + "return [...document.querySelectorAll('.djs-shape')].map(e => e.getBoundingClientRect())"
                        + ".filter(r => r.width > 0 && r.left < l.right && r.right > l.left && r.top < l.bottom"
                        + " && r.bottom > l.top).length;");
        Assertions.assertThat(((Number) covered).intValue()).isZero();

        // The figures rode on the Cockpit session and left it intact: the session still knows the manager, and
        // Cockpit's dashboard opens without a login. (Asked by fetch, not by reloading the page: a reload right after
        // the diagram sometimes left Cockpit's bootstrap spinning in headless Chromium, logged in or not.)
        Object auth = ((JavascriptExecutor) browser).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch('/camunda/api/admin/auth/user/default', {credentials: 'same-origin'})"
                + ".then(r => r.text().then(t => done(r.status + ' ' + t)));");
        Assertions.assertThat((String) auth).startsWith("200").contains("\"userId\":\"manager\"");
        browser.get(base + "#/dashboard");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".dashboard .stats-section.processes")));
        Assertions.assertThat(browser.findElements(By.cssSelector("input[ng-model='password']"))).isEmpty();
        Files.write(ARTIFACTS.resolve("cockpit-dashboard-after-heatmap.png"),
                ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void shouldShowNoteInsteadOfHeatmapWhenDesignerOpensProcessInCockpit() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(40));
        String base = logInToCockpit("designer", wait);

        browser.get(base + "#/process-definition/" + reportDefinitionId() + "/runtime");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".cf-heat-legend"),
                "managers and administrators only"));
        Files.write(ARTIFACTS.resolve("cockpit-heatmap-designer.png"),
                ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));

        Assertions.assertThat(browser.findElements(By.cssSelector(".cf-heat-box"))).isEmpty();
    }

    /** Waits until the script answers the same twice in a row, a quarter second apart. */
    private void awaitSettled(String script) {
        AtomicReference<Object> last = new AtomicReference<>();
        Awaitility.await().atMost(Duration.ofSeconds(15)).pollDelay(Duration.ofMillis(250))
                .pollInterval(Duration.ofMillis(250)).until(() -> {
                    Object now = ((JavascriptExecutor) browser).executeScript(script);
                    return now != null && now.equals(last.getAndSet(now));
                });
    }

    /** Logs in with Cockpit's own form; returns Cockpit's base URL. */
    private String logInToCockpit(String user, WebDriverWait wait) {
        String base = "http://localhost:" + port + "/camunda/app/cockpit/default/";
        browser.manage().window().setSize(new Dimension(1366, 768));
        browser.get(base);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")))
                .sendKeys(user);
        browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys("demo");
        browser.findElement(By.cssSelector("button[type='submit']")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[ng-model='password']")));
        return base;
    }

    /** One JVM per test class, so Camunda's static registry holds this context's engine under "default". */
    private String reportDefinitionId() {
        return repository.createProcessDefinitionQuery().processDefinitionKey(ScreeningReportProcess.PROCESS_ID).latestVersion()
                .singleResult().getId();
    }

    /** What a browser does after answering the HTTP basic prompt: send the credentials with every request. */
    private void sendBasicAuth(String user) {
        ChromeDriver chrome = (ChromeDriver) browser;
        chrome.executeCdpCommand("Network.enable", java.util.Map.of());
        chrome.executeCdpCommand("Network.setExtraHTTPHeaders", java.util.Map.of("headers", java.util.Map.of(
                "Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        (user + ":demo").getBytes(java.nio.charset.StandardCharsets.UTF_8)))));
    }


}
