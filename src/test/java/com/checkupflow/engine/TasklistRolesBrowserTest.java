package com.checkupflow.engine;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

import com.checkupflow.OwnJvm;
import com.checkupflow.CheckupFlowHttpTest;
import com.checkupflow.HeadlessBrowser;
import com.checkupflow.ReviewTasks;
import com.checkupflow.TasklistPage;
import com.checkupflow.demo.SyntheticScreenings;
import com.checkupflow.intake.IntakeService;
import com.checkupflow.process.ScreeningReportProcess.Activities;
import com.checkupflow.process.ScreeningReportProcess.Vars;

import ca.uhn.fhir.context.FhirContext;

/**
 * A clinic's day in the stock Tasklist at 1366×768 (Debian's Chromium, headless): every demo role of Gangnam logs
 * in, finds its work in its default filter and opens it. The chrome and the forms are Korean; read-only roles get
 * no Claim. Screenshots under target/browser/roles-*.png.
 */
@CheckupFlowHttpTest
// Reads the Tasklist's first page of a center: other tests' screenings in the shared database would change it.
@OwnJvm
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TasklistRolesBrowserTest {

    @RegisterExtension
    final HeadlessBrowser browser = HeadlessBrowser.sized(1366, 768);

    @Autowired
    IntakeService intake;
    @Autowired
    TaskService taskService;
    @Autowired
    FhirContext fhir;

    Task criticalReview;
    Task borderlineReview;
    Task confirmation;
    Task correction;

    @BeforeAll
    void receiveScreenings() {
        String critical = receive("roles-critical", SyntheticScreenings.Profile.CRITICAL, 31);
        String invalid = receive("roles-invalid", SyntheticScreenings.Profile.INVALID_ITEM, 32);
        String borderline = receive("roles-borderline", SyntheticScreenings.Profile.BORDERLINE, 33);
        criticalReview = ReviewTasks.awaitReview(taskService, critical);
        borderlineReview = ReviewTasks.awaitReview(taskService, borderline);
        confirmation = taskService.createTaskQuery().processInstanceBusinessKey(critical)
                .taskDefinitionKey(Activities.CONFIRM_CRITICAL_RESULT).singleResult();
        correction = await().atMost(Duration.ofSeconds(30)).until(() -> taskService.createTaskQuery()
                .processInstanceBusinessKey(invalid).taskDefinitionKey(Activities.RESOLVE_INVALID_RESULTS)
                .singleResult(), Objects::nonNull);
    }

    @Test
    void shouldOpenMostUrgentReviewFromDefaultFilterWhenPhysicianLogsIn() {
        TasklistPage tasklist = logIn("physicianGangnam");
        assertDefaultFilter(AuthorizationSetup.FILTER_CENTER_REVIEWS);
        List<String> names = taskLinks().stream().map(WebElement::getText).toList();
        // critical before borderline although older: the filter's order (priority first) comes before the
        // Tasklist's own "newest first": priority first, then the oldest
        Assertions.assertThat(names).contains(criticalReview.getName(), borderlineReview.getName());
        Assertions.assertThat(names.indexOf(criticalReview.getName())).isLessThan(names.indexOf(borderlineReview.getName()));
        open(taskLinks().get(names.indexOf(criticalReview.getName())), "roles-physician");
        Assertions.assertThat(browser.page()).contains("맡기").doesNotContain("Claim").doesNotContain("열람 전용")
                .doesNotContain("(Review decision)");

        // a decision the form refuses says so in Korean and leaves the buttons usable
        tasklist.claim();
        WebElement requestChanges = browser.waiting().until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//label[contains(., '수정 요청')]/preceding-sibling::input | //label[contains(., '수정 요청')]//input")));
        browser.driver().executeScript("arguments[0].click();", requestChanges);
        WebElement complete = browser.waiting().until(ExpectedConditions.elementToBeClickable(
                By.xpath("//button[contains(., '완료')]")));
        browser.click(complete);
        try {
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "필수 입력 항목입니다."));
        } finally {
            browser.shot("roles-physician-refused");
        }
        Assertions.assertThat(browser.page()).doesNotContain(Vars.REVIEW_NOTE).doesNotContain("Field is required");
        Assertions.assertThat(browser.driver().executeScript(
                "const r = arguments[0].getBoundingClientRect();"
                        + "const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);"
                        + "return hit === arguments[0] || arguments[0].contains(hit);", complete))
                .as("the Complete button is not covered by the message").isEqualTo(true);
    }

    @Test
    void shouldShowCriticalValuesPhoneAndDeadlineWhenPhysicianOpensConfirmation() {
        logIn("physicianGangnam");
        browser.click(browser.waiting().until(ExpectedConditions.elementToBeClickable(
                By.xpath("//div[contains(@class,'task-filter')]//a[contains(., '" + AuthorizationSetup.FILTER_CRITICAL_V2 + "')]"))));
        WebElement link = browser.waiting().until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//ol[contains(@class,'tasks-list')]//a[contains(., '" + confirmation.getName() + "')]")));
        String form = open(link, "roles-physician-critical");
        Assertions.assertThat(form).contains("위험 결과 환자 통보").contains("mmHg").contains("이상")
                .contains("010-0000-").contains("통보 기한").contains("연락 결과").doesNotContain(">=")
                .doesNotContain("systolic_bp").doesNotContain("(Contact");
    }

    @Test
    void shouldOpenCorrectionFromDefaultFilterWhenNurseLogsIn() {
        logIn("nurseGangnam");
        assertDefaultFilter(AuthorizationSetup.FILTER_NURSE);
        String form = open(taskLinks().stream().filter(a -> a.getText().equals(correction.getName())).findFirst()
                .orElseThrow(), "roles-nurse");
        Assertions.assertThat(form).contains("부적합 결과 정정").contains("혈색소").contains("g/dL")
                .contains("정정이 필요한 이유").contains("측정하지 않음").doesNotContain("(Hemoglobin)")
                .doesNotContain("not measured").doesNotContain(Vars.INVALID_ITEM_KEYS);
        Assertions.assertThat(browser.page()).doesNotContain(Vars.INVALID_ITEM_KEYS);
    }

    @Test
    void shouldOpenCenterWorkReadOnlyWhenCoordinatorLogsIn() {
        logIn("coordinatorGangnam");
        assertDefaultFilter(AuthorizationSetup.FILTER_COORDINATOR);
        openReadOnly(taskLinks().get(0), "roles-coordinator");
    }

    @Test
    void shouldOpenCenterReviewReadOnlyWhenHeadPhysicianLogsIn() {
        logIn("headPhysicianGangnam");
        assertDefaultFilter(AuthorizationSetup.FILTER_CENTER_REVIEWS);
        openReadOnly(taskLinks().get(0), "roles-head-physician");
    }

    @Test
    void shouldOpenOverviewReadOnlyWhenManagerLogsIn() {
        logIn("manager");
        assertDefaultFilter(AuthorizationSetup.FILTER_MANAGER);
        openReadOnly(taskLinks().get(0), "roles-manager");
    }

    /** Logs in (a failed login leaves the extension's screenshot and page source) and waits for the active filter. */
    private TasklistPage logIn(String user) {
        TasklistPage tasklist = browser.logInToTasklist(user);
        Assertions.assertThat(browser.loginButtonText()).isEqualTo("로그인");
        tasklist.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".task-filter.active")));
        return tasklist;
    }

    private void assertDefaultFilter(String name) {
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".task-filter.active .name"), name));
    }

    private List<WebElement> taskLinks() {
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("ol.tasks-list li.task h4 a")));
        return browser.driver().findElements(By.cssSelector("ol.tasks-list li.task h4 a"));
    }

    /** Opens the task and returns the text of its form, after a screenshot of the whole window. */
    private String open(WebElement link, String shot) {
        String name = link.getText();
        browser.click(link);
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".task-card h2.task"), name));
        WebElement form = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-container")));
        browser.waiting().until(d -> !form.getText().isBlank());
        browser.shot(shot);
        browser.save(shot + ".txt", browser.page());
        return form.getText();
    }

    private void openReadOnly(WebElement link, String shot) {
        browser.click(link);
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("cf-read-only-note")));
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-container")));
        browser.shot(shot);
        browser.save(shot + ".txt", browser.page());
        Assertions.assertThat(browser.driver().findElements(By.cssSelector(".task-details .claim")))
                .allSatisfy(claim -> Assertions.assertThat(claim.isDisplayed()).isFalse());
        Assertions.assertThat(browser.page()).contains("열람 전용").doesNotContain("Claim");
    }

    private String receive(String identifier, SyntheticScreenings.Profile profile, long seed) {
        String bundle = new SyntheticScreenings(fhir).bundleJson(identifier, profile, seed);
        return intake.receive("gangnam", null, bundle.getBytes(StandardCharsets.UTF_8)).id();
    }
}
