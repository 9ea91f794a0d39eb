package com.checkupflow.engine;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
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
import org.springframework.boot.test.web.server.LocalServerPort;

import com.checkupflow.OwnJvm;
import com.checkupflow.CheckupFlowHttpTest;
import com.checkupflow.HeadlessBrowser;
import com.checkupflow.ReviewTasks;
import com.checkupflow.TasklistPage;
import com.checkupflow.demo.SyntheticScreenings;
import com.checkupflow.intake.IntakeService;
import com.checkupflow.process.ReferralLetterProcess;
import com.checkupflow.process.ScreeningReportProcess.Activities;
import com.checkupflow.process.ScreeningReportProcess.Vars;
import com.checkupflow.security.Roles;

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

    @LocalServerPort
    int port;
    @Autowired
    IntakeService intake;
    @Autowired
    TaskService taskService;
    @Autowired
    FhirContext fhir;
    @Autowired
    org.camunda.bpm.engine.ManagementService management;

    Task criticalReview;
    Task borderlineReview;
    Task confirmation;
    Task correction;
    Task escalated;

    @BeforeAll
    void receiveScreenings() {
        String critical = receive("roles-critical", SyntheticScreenings.Profile.CRITICAL, 31);
        String invalid = receive("roles-invalid", SyntheticScreenings.Profile.INVALID_ITEM, 32);
        String borderline = receive("roles-borderline", SyntheticScreenings.Profile.BORDERLINE, 33);
        String overdue = receive("roles-critical-overdue", SyntheticScreenings.Profile.CRITICAL, 34);
        criticalReview = ReviewTasks.awaitReview(taskService, critical);
        borderlineReview = ReviewTasks.awaitReview(taskService, borderline);
        confirmation = taskService.createTaskQuery().processInstanceBusinessKey(critical)
                .taskDefinitionKey(Activities.CONFIRM_CRITICAL_RESULT).singleResult();
        correction = await().atMost(Duration.ofSeconds(30)).until(() -> taskService.createTaskQuery()
                .processInstanceBusinessKey(invalid).taskDefinitionKey(Activities.RESOLVE_INVALID_RESULTS)
                .singleResult(), Objects::nonNull);
        // the contact not made in time: the timer escalates it to the head physicians
        ReviewTasks.awaitReview(taskService, overdue);
        String instance = taskService.createTaskQuery().processInstanceBusinessKey(overdue)
                .taskDefinitionKey(Activities.CONFIRM_CRITICAL_RESULT).singleResult().getProcessInstanceId();
        management.executeJob(management.createJobQuery().processInstanceId(instance)
                .activityId("Event_CriticalConfirmationOverdue").singleResult().getId());
        escalated = taskService.createTaskQuery().processInstanceBusinessKey(overdue)
                .taskDefinitionKey(Activities.CONFIRM_CRITICAL_RESULT_ESCALATED).singleResult();
    }

    @Test
    void shouldOpenMostUrgentReviewFromDefaultFilterWhenPhysicianLogsIn() throws IOException {
        logIn("physicianGangnam");
        assertDefaultFilter(AuthorizationSetup.FILTER_MY_WORK);
        Assertions.assertThat(browser.driver().findElements(By.cssSelector(".ce-eol-banner")))
                .as("Camunda's end-of-life notice is not shown to clinical staff").noneMatch(WebElement::isDisplayed);
        List<String> names = taskLinks().stream().map(WebElement::getText).toList();
        // the critical-result contact, then the critical review, then the borderline one: the filter's order
        // (priority first, then the oldest) comes before the Tasklist's own "newest first"
        Assertions.assertThat(names).contains(confirmation.getName(), criticalReview.getName(), borderlineReview.getName());
        Assertions.assertThat(names.indexOf(confirmation.getName())).isLessThan(names.indexOf(criticalReview.getName()));
        Assertions.assertThat(names.indexOf(criticalReview.getName())).isLessThan(names.indexOf(borderlineReview.getName()));
        browser.shot("roles-physician-my-work");
        open(taskLinks().get(names.indexOf(criticalReview.getName())), "roles-physician");
        Assertions.assertThat(browser.page()).contains("맡기").doesNotContain("Claim").doesNotContain("열람 전용")
                .doesNotContain("(Review decision)");

        // a decision the form refuses says so in Korean and leaves the buttons usable
        browser.click(browser.waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector(".task-details .claim"))));
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
    void shouldGiveBackAClaimedReviewWhenPhysicianUnclaimsIt() throws IOException {
        logIn("physicianGangnam");
        assertDefaultFilter(AuthorizationSetup.FILTER_MY_WORK);
        open(taskLinks().stream().filter(a -> a.getText().equals(borderlineReview.getName())).findFirst().orElseThrow(),
                "roles-physician-unclaim-0");
        browser.click(browser.waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector(".task-details .claim"))));
        browser.click(browser.waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector(".task-details .unclaim"))));
        browser.waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector(".task-details .claim")));
        browser.shot("roles-physician-unclaim-1");
        Assertions.assertThat(browser.page()).doesNotContain("오류").doesNotContain("열람만");
        Assertions.assertThat(taskService.createTaskQuery().taskId(borderlineReview.getId()).singleResult().getAssignee())
                .isNull();
    }

    @Test
    void shouldShowCriticalValuesPhoneAndDeadlineWhenPhysicianOpensConfirmation() throws IOException {
        logIn("physicianGangnam");
        browser.click(browser.waiting().until(ExpectedConditions.elementToBeClickable(
                By.xpath("//div[contains(@class,'task-filter')]//a[contains(., '" + AuthorizationSetup.FILTER_CRITICAL_V2 + "')]"))));
        WebElement link = browser.waiting().until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//ol[contains(@class,'tasks-list')]//a[contains(., '" + confirmation.getName() + "')]")));
        String form = open(link, "roles-physician-critical");
        Assertions.assertThat(form).contains("위험 결과 환자 통보").contains("mmHg").contains("이상")
                .as("the header computed when the form is read")
                .contains("수검자: " + confirmation.getName().substring(confirmation.getName().indexOf(" – ") + 3))
                .contains("010-0000-").contains("통보 기한").contains("연락 결과").doesNotContain(">=")
                .doesNotContain("systolic_bp").doesNotContain("(Contact");
    }

    @Test
    void shouldOpenCorrectionFromDefaultFilterWhenNurseLogsIn() throws IOException {
        logIn("nurseGangnam");
        assertDefaultFilter(AuthorizationSetup.FILTER_MY_WORK);
        String form = open(taskLinks().stream().filter(a -> a.getText().equals(correction.getName())).findFirst()
                .orElseThrow(), "roles-nurse");
        Assertions.assertThat(form).contains("부적합 결과 정정").contains("혈색소").contains("g/dL")
                .contains("정정이 필요한 이유").contains("측정하지 않음").doesNotContain("(Hemoglobin)")
                .doesNotContain("not measured").doesNotContain(Vars.INVALID_ITEM_KEYS);
        Assertions.assertThat(browser.page()).doesNotContain(Vars.INVALID_ITEM_KEYS);
    }

    @Test
    void shouldWorkCriticalContactWhenNurseOpensTheCriticalFilter() throws IOException {
        logIn("nurseGangnam");
        browser.click(browser.waiting().until(ExpectedConditions.elementToBeClickable(
                By.xpath("//div[contains(@class,'task-filter')]//a[contains(., '" + AuthorizationSetup.FILTER_CRITICAL_V2 + "')]"))));
        String form = open(browser.waiting().until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//ol[contains(@class,'tasks-list')]//a[contains(., '" + confirmation.getName() + "')]"))), "roles-nurse-critical");
        Assertions.assertThat(form).contains("위험 결과 환자 통보").contains("010-0000-").contains("연락 결과");
        Assertions.assertThat(browser.page()).contains("맡기").doesNotContain("열람 전용");
        Assertions.assertThat(taskLinks()).extracting(WebElement::getText).doesNotContain(escalated.getName());
    }

    @Test
    void shouldOpenCenterWorkReadOnlyWhenCoordinatorLogsIn() throws IOException {
        logIn("coordinatorGangnam");
        assertDefaultFilter(AuthorizationSetup.FILTER_MY_WORK);
        browser.shot("roles-coordinator-my-work");
        Assertions.assertThat(browser.driver().findElements(By.cssSelector("ol.tasks-list li.task h4 a"))).extracting(WebElement::getText)
                .as("the tasks coordinators only follow").doesNotContain(criticalReview.getName(), correction.getName());
        browser.click(browser.waiting().until(ExpectedConditions.elementToBeClickable(
                By.xpath("//div[contains(@class,'task-filter')]//a[contains(., '" + AuthorizationSetup.FILTER_COORDINATOR + "')]"))));
        openReadOnly(taskLinks().get(0), "roles-coordinator");
        // the header's candidate group by its name, which coordinators may read (AuthorizationSetup version 5)
        browser.waiting().until(d -> browser.page().lines().anyMatch("검진의"::equals));
        Assertions.assertThat(browser.page().lines()).doesNotContain(Roles.PHYSICIAN, Roles.HEAD_PHYSICIAN, Roles.NURSE);
    }

    @Test
    void shouldRefuseAKoreanStyleDateAndBookAnIsoOneWhenCoordinatorBooksFromOwnWork() throws Exception {
        Task booking = bookingTask();
        logIn("coordinatorGangnam");
        assertDefaultFilter(AuthorizationSetup.FILTER_MY_WORK);
        Assertions.assertThat(taskLinks().get(0).getText()).as("own work first").isEqualTo(booking.getName());
        open(taskLinks().get(0), "roles-coordinator-booking");
        browser.click(browser.waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector(".task-details .claim"))));
        WebElement when = browser.waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector(".fjs-form-field input[id*='AppointmentAt']")));
        // the place first: leaving the date field re-renders the form with its refusal, and keys typed into another
        // field meanwhile can be lost (the place then stays empty and "완료" disabled for another reason)
        WebElement place = browser.driver().findElement(By.cssSelector(".fjs-form-field input[id*='AppointmentPlace']"));
        place.sendKeys("서울대병원 신장내과");
        browser.waiting().until(d -> "서울대병원 신장내과".equals(place.getDomProperty("value")));
        when.sendKeys("2026. 12. 15.");
        // leaving the field shows the refusal; the Tasklist keeps "완료" disabled while the form is invalid
        place.click();
        try {
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "입력 형식이 맞지 않습니다."));
        } finally {
            browser.shot("roles-coordinator-booking-refused");
        }
        Assertions.assertThat(browser.page()).contains("예: 2026-12-15 14:30").doesNotContain("Field").doesNotContain("mm/dd/yyyy");
        Assertions.assertThat(taskService.createTaskQuery().taskId(booking.getId()).count()).isOne();

        when.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), org.openqa.selenium.Keys.BACK_SPACE);
        String at = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Seoul")).plusDays(14) + " 14:30";
        when.sendKeys(at);
        browser.click(browser.waiting().until(ExpectedConditions.elementToBeClickable(By.xpath("//button[contains(., '완료')]"))));
        await().atMost(Duration.ofSeconds(30)).until(() -> taskService.createTaskQuery().taskId(booking.getId()).count() == 0);
        browser.shot("roles-coordinator-booking-done");
    }

    /** A Gangnam screening referred to a specialist, its review approved and its letter signed: the booking task. */
    private Task bookingTask() throws Exception {
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        String auth = "Basic " + java.util.Base64.getEncoder().encodeToString("designer:demo".getBytes(StandardCharsets.UTF_8));
        SyntheticScreenings synthetic = new SyntheticScreenings(fhir);
        String bundle = null;
        for (long seed = 100; bundle == null && seed < 400; seed++) {
            String candidate = synthetic.bundleJson("roles-referral-" + seed, SyntheticScreenings.Profile.SUSPECT, seed);
            String body = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/judgements"))
                    .header("Authorization", auth).header("Content-Type", "application/fhir+json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(candidate)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            com.fasterxml.jackson.databind.JsonNode units = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body).get("judgements");
            for (String unit : List.of("creatinine", "egfr", "urine_protein", "ast", "alt", "ggt", "hemoglobin")) {
                if (units.hasNonNull(unit) && "DISEASE_SUSPECT".equals(units.get(unit).path("category").asText())) {
                    bundle = candidate;
                }
            }
        }
        Assertions.assertThat(bundle).as("a synthetic screening to refer").isNotNull();
        String id = intake.receive("gangnam", null, bundle.getBytes(StandardCharsets.UTF_8)).id();
        ReviewTasks.approveAsDrafted(taskService, ReviewTasks.awaitReview(taskService, id), "physicianGangnam");
        Task sign = await().atMost(Duration.ofSeconds(60)).until(() -> taskService.createTaskQuery()
                .processInstanceBusinessKey(id).taskDefinitionKey(ReferralLetterProcess.Activities.SIGN_REFERRAL_LETTER)
                .singleResult(), Objects::nonNull);
        taskService.claim(sign.getId(), "physicianGangnam");
        taskService.complete(sign.getId(), java.util.Map.of(ReferralLetterProcess.Vars.REFERRAL_TEXT,
                taskService.getVariable(sign.getId(), ReferralLetterProcess.Vars.REFERRAL_TEXT)));
        return await().atMost(Duration.ofSeconds(60)).until(() -> taskService.createTaskQuery()
                .processInstanceBusinessKey(id).taskDefinitionKey(ReferralLetterProcess.Activities.BOOK_APPOINTMENT)
                .singleResult(), Objects::nonNull);
    }

    @Test
    void shouldOpenCenterReviewReadOnlyWhenHeadPhysicianLogsIn() throws IOException {
        logIn("headPhysicianGangnam");
        assertDefaultFilter(AuthorizationSetup.FILTER_MY_WORK);
        Assertions.assertThat(taskLinks().get(0).getText()).isEqualTo(escalated.getName());
        String form = open(taskLinks().get(0), "roles-head-physician-escalated");
        Assertions.assertThat(form).contains("위험 결과 환자 통보");
        browser.click(browser.waiting().until(ExpectedConditions.elementToBeClickable(
                By.xpath("//div[contains(@class,'task-filter')]//a[contains(., '" + AuthorizationSetup.FILTER_CENTER_REVIEWS + "')]"))));
        openReadOnly(taskLinks().get(0), "roles-head-physician");
    }

    @Test
    void shouldOpenOverviewReadOnlyWhenManagerLogsIn() throws IOException {
        logIn("manager");
        assertDefaultFilter(AuthorizationSetup.FILTER_MANAGER);
        browser.click(taskLinks().get(0));
        WebElement note = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("cf-read-only-note")));
        browser.waiting().until(d -> note.getText().contains("개인정보 보호"));
        browser.shot("roles-manager");
        Assertions.assertThat(browser.driver().findElements(By.cssSelector(".form-pane .alert-danger")))
                .as("no form error for a role that may not read patients' data").noneMatch(WebElement::isDisplayed);
        Assertions.assertThat(browser.driver().findElements(By.cssSelector(".fjs-container"))).isEmpty();
        Assertions.assertThat(browser.page()).doesNotContain("010-").doesNotContain("Claim");
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
