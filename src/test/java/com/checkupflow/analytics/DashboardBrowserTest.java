package com.checkupflow.analytics;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.assertj.core.api.Assertions;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import com.checkupflow.HeadlessBrowser;
import com.checkupflow.TestHttp;
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

    @RegisterExtension
    final HeadlessBrowser browser = HeadlessBrowser.sized(1366, 768);
    @Autowired
    RepositoryService repository;

    @Test
    void shouldDrawEveryChartWhenManagerOpensDashboard() throws Exception {
        sendBasicAuth("manager");
        browser.driver().get(browser.url("/dashboard"));
        WebDriverWait wait = browser.waiting();
        wait.until(ExpectedConditions.attributeToBeNotEmpty(browser.driver().findElement(By.tagName("body")), "data-loaded"));
        Assertions.assertThat(browser.driver().findElement(By.tagName("body")).getAttribute("data-loaded")).isEqualTo("true");

        List<WebElement> canvases = browser.driver().findElements(By.cssSelector("article canvas"));
        browser.shot("dashboard-1366x768");
        browser.driver().manage().window().setSize(new Dimension(1366, 2600));
        // Chart.js redraws for the taller window: wait until the canvases keep their size before the screenshot.
        awaitSettled("return [...document.querySelectorAll('article canvas')].map(c => c.width + 'x' + c.height).join();");
        browser.shot("dashboard");
        Assertions.assertThat(canvases).hasSizeGreaterThanOrEqualTo(10);
        Assertions.assertThat(canvases).allSatisfy(c ->
                Assertions.assertThat(Integer.parseInt(c.getAttribute("data-points"))).isPositive());
        Assertions.assertThat(browser.driver().findElements(By.cssSelector("article a.csv"))).hasSize(10);
        Assertions.assertThat(browser.driver().findElement(By.id("kpis")).getText()).contains("접수");
        // What people read: Korean names on every axis and in every legend, no internal keys, whole-number count ticks.
        @SuppressWarnings("unchecked")
        List<String> shown = (List<String>) browser.driver().executeScript(
                "return Object.values(Chart.instances).flatMap(c => c.data.labels.map(String)"
                        + ".concat(c.data.datasets.map(d => d.label)))"
                        + ".concat([...document.querySelectorAll('#center option, article table td:first-child, #status')]"
                        + ".map(e => e.textContent));");
        Assertions.assertThat(shown).contains("강남센터", "의사 검토", "공복혈당", "전체 센터")
                .noneMatch(l -> l.matches(".*\\b(gangnam|jeju|fasting_glucose|fastingGlucose|REVIEW|DRAFTING|RECEIVED"
                        + "|NUMBER_MISMATCH|fallback rate|review overdue).*"));
        @SuppressWarnings("unchecked")
        List<Object> countTicks = (List<Object>) browser.driver().executeScript(
                "return Object.values(Chart.instances).flatMap(c => Object.values(c.scales)"
                        + ".filter(s => s.options.title && s.options.title.text === '건수')"
                        + ".flatMap(s => s.ticks.map(t => t.value)));");
        Assertions.assertThat(countTicks).isNotEmpty()
                .allSatisfy(v -> Assertions.assertThat(((Number) v).doubleValue() % 1).isZero());
        @SuppressWarnings("unchecked")
        List<Object> shareMax = (List<Object>) browser.driver().executeScript(
                "return Object.values(Chart.instances).flatMap(c => Object.values(c.scales)"
                        + ".filter(s => s.options.title && s.options.title.text === '비율 (%)').map(s => s.max));");
        Assertions.assertThat(shareMax).isNotEmpty().allSatisfy(v -> Assertions.assertThat(((Number) v).intValue()).isEqualTo(100));

        new Select(browser.driver().findElement(By.id("center"))).selectByValue("gangnam");
        browser.driver().findElement(By.cssSelector("#filters button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "강남센터"));
        Assertions.assertThat(browser.driver().getCurrentUrl()).contains("center=gangnam");
        Assertions.assertThat(browser.driver().findElement(By.cssSelector("article[data-table=centers] a.csv"))
                .getAttribute("href")).contains("/api/analytics/centers.csv").contains("center=gangnam");
        browser.shot("dashboard-gangnam");
    }

    @Test
    void shouldColourDiagramByDurationAndStayLoggedInWhenManagerOpensProcessInCockpit() throws Exception {
        WebDriverWait wait = browser.waiting(Duration.ofSeconds(40));
        String base = logInToCockpit("manager", wait);

        browser.driver().get(base + "#/process-definition/" + reportDefinitionId() + "/runtime");
        WebElement review = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".cf-heat-box[data-activity-id='Activity_ReviewReport']")));
        // The diagram zooms to fit: wait until the overlays stay put before the screenshot and the overlap check.
        awaitSettled("const r = document.querySelector(\".cf-heat-box[data-activity-id='Activity_ReviewReport']\")"
                + ".getBoundingClientRect(); return r.left + ',' + r.top + ',' + r.width + ',' + r.height;");
        browser.shot("cockpit-heatmap");

        Assertions.assertThat(review.getAttribute("title")).matches("건수 \\d+ · 평균 .+ · p90 .+");
        Assertions.assertThat(browser.driver().findElements(By.cssSelector(".cf-heat-box")))
                .extracting(b -> b.getAttribute("data-activity-id"))
                .contains(Activities.JUDGE_RESULTS, Activities.DRAFT_SUMMARY, Activities.CHECK_DRAFT,
                        Activities.ISSUE_REPORT);
        Assertions.assertThat(browser.driver().findElement(By.cssSelector(".cf-heat-legend")).getText()).contains("p90");
        new org.openqa.selenium.interactions.Actions(browser.driver()).moveToElement(review).perform();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".cf-heat-info"), "건수"));
        browser.shot("cockpit-heatmap-hover");
        // The legend bar lies below the fitted diagram: it covers no shape.
        Object covered = browser.driver().executeScript(
                "const l = document.querySelector('.cf-heat-legend').getBoundingClientRect();"
                        + "return [...document.querySelectorAll('.djs-shape')].map(e => e.getBoundingClientRect())"
                        + ".filter(r => r.width > 0 && r.left < l.right && r.right > l.left && r.top < l.bottom"
                        + " && r.bottom > l.top).length;");
        Assertions.assertThat(((Number) covered).intValue()).isZero();

        // The figures rode on the Cockpit session and left it intact: the session still knows the manager, and
        // Cockpit's dashboard opens without a login. (Asked by fetch, not by reloading the page: a reload right after
        // the diagram sometimes left Cockpit's bootstrap spinning in headless Chromium, logged in or not.)
        Object auth = browser.driver().executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch('/camunda/api/admin/auth/user/default', {credentials: 'same-origin'})"
                + ".then(r => r.text().then(t => done(r.status + ' ' + t)));");
        Assertions.assertThat((String) auth).startsWith("200").contains("\"userId\":\"manager\"");
        browser.driver().get(base + "#/dashboard");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".dashboard .stats-section.processes")));
        Assertions.assertThat(browser.driver().findElements(By.cssSelector("input[ng-model='password']"))).isEmpty();
        browser.shot("cockpit-dashboard-after-heatmap");
    }

    @Test
    void shouldShowNoteInsteadOfHeatmapWhenDesignerOpensProcessInCockpit() throws Exception {
        WebDriverWait wait = browser.waiting(Duration.ofSeconds(40));
        String base = logInToCockpit("designer", wait);

        browser.driver().get(base + "#/process-definition/" + reportDefinitionId() + "/runtime");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".cf-heat-legend"),
                "managers and administrators only"));
        browser.shot("cockpit-heatmap-designer");

        Assertions.assertThat(browser.driver().findElements(By.cssSelector(".cf-heat-box"))).isEmpty();
    }

    /** Waits until the script answers the same twice in a row, a quarter second apart. */
    private void awaitSettled(String script) {
        AtomicReference<Object> last = new AtomicReference<>();
        Awaitility.await().atMost(Duration.ofSeconds(15)).pollDelay(Duration.ofMillis(250))
                .pollInterval(Duration.ofMillis(250)).until(() -> {
                    Object now = browser.driver().executeScript(script);
                    return now != null && now.equals(last.getAndSet(now));
                });
    }

    /** Logs in with Cockpit's own form; returns Cockpit's base URL. */
    private String logInToCockpit(String user, WebDriverWait wait) {
        browser.driver().manage().window().setSize(new Dimension(1366, 768));
        String base = browser.logIn("cockpit", user);
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
        ChromeDriver chrome = browser.driver();
        chrome.executeCdpCommand("Network.enable", java.util.Map.of());
        chrome.executeCdpCommand("Network.setExtraHTTPHeaders", java.util.Map.of("headers", java.util.Map.of(
                "Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        (user + ":" + TestHttp.PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8)))));
    }


}
