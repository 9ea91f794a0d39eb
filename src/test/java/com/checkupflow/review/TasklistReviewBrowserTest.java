package com.checkupflow.review;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import com.checkupflow.CheckupFlowHttpTest;
import com.checkupflow.HeadlessBrowser;
import com.checkupflow.ReviewTasks;
import com.checkupflow.TasklistPage;
import com.checkupflow.demo.SyntheticScreenings;
import com.checkupflow.intake.IntakeService;
import com.checkupflow.screening.ScreeningRepository;
import com.checkupflow.screening.Stage;

import ca.uhn.fhir.context.FhirContext;

/**
 * A physician in the stock Tasklist (Debian's Chromium, headless): opens a review, sees the judgement table and
 * the draft, edits the text, approves, and the screening is issued; a placeholder text is refused with the Korean
 * message naming the check's findings until the physician signs anyway with a reason. Authorization is on: the
 * physician sees the task through the candidate-group grant and the Gangnam tenant. Screenshots are kept under target/.
 */
@CheckupFlowHttpTest
class TasklistReviewBrowserTest {

    @RegisterExtension
    final HeadlessBrowser browser = HeadlessBrowser.sized(1400, 4000);

    @Autowired
    IntakeService intake;
    @Autowired
    TaskService taskService;
    @Autowired
    ScreeningRepository screenings;
    @Autowired
    FhirContext fhir;

    @Test
    void shouldIssueReportWhenPhysicianApprovesEditedDraftInTasklist() throws Exception {
        String bundle = new SyntheticScreenings(fhir).bundleJson("browser-1", SyntheticScreenings.Profile.SUSPECT, 11);
        String id = intake.receive("gangnam", null, bundle.getBytes(StandardCharsets.UTF_8)).id();
        Task review = ReviewTasks.awaitReview(taskService, id);

        WebDriverWait wait = openAsGangnamPhysician(review, "01-task-opened");
        WebElement finalText = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-container textarea")));
        String page = browser.driver().findElement(By.cssSelector(".fjs-container")).getText();
        browser.save("review-form.txt", page);
        browser.shot("02-review-form");
        Assertions.assertThat(page).contains("공복혈당").contains("질환의심");
        // the header, the judgement and the draft's origin are computed when the Tasklist reads the form
        // (ComputedFormVariables)
        Assertions.assertThat(page).contains("검진 결과지 검토", "수검자: " + review.getName().substring(review.getName().indexOf(" – ") + 3),
                "종합 소견", "초안 출처", "템플릿 초안");
        Assertions.assertThat(finalText.getAttribute("value")).contains("종합판정");

        finalText.sendKeys("\n\n담당 의사 추가 소견: 3개월 후 혈압 재측정을 권합니다.");
        browser.click(browser.driver().findElement(By.xpath("//label[contains(., '승인')]")));
        browser.shot("03-approve");
        browser.click(browser.driver().findElement(By.xpath("//button[contains(., 'Complete') or contains(., '완료')]")));

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> screenings.find(id).orElseThrow().stage(), s -> s == Stage.ISSUED || s == Stage.DELIVERED);
        browser.shot("04-completed");
        Assertions.assertThat(screenings.find(id).orElseThrow().finalText())
                .contains("담당 의사 추가 소견: 3개월 후 혈압 재측정을 권합니다.");
        Assertions.assertThat(screenings.find(id).orElseThrow().issuedBy()).isEqualTo("physicianGangnam");
    }

    @Test
    void shouldShowTheFindingsAndIssueOnlyWithSignAnywayWhenThePhysicianSignsAPlaceholderInTasklist() throws Exception {
        String bundle = new SyntheticScreenings(fhir).bundleJson("browser-signed-1", SyntheticScreenings.Profile.SUSPECT, 12);
        String id = intake.receive("gangnam", null, bundle.getBytes(StandardCharsets.UTF_8)).id();
        Task review = ReviewTasks.awaitReview(taskService, id);
        WebDriverWait wait = openAsGangnamPhysician(review, "signed-check-00-task-opened");

        WebElement finalText = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-container textarea")));
        browser.click(finalText);
        wait.until(d -> {
            finalText.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
            return finalText.getAttribute("value").isEmpty();
        });
        finalText.sendKeys("확인");
        wait.until(d -> "확인".equals(finalText.getAttribute("value")));
        browser.click(browser.driver().findElement(By.xpath("//label[contains(., '승인')]")));
        browser.shot("signed-check-01-placeholder");
        browser.click(browser.driver().findElement(By.xpath("//button[contains(., 'Complete') or contains(., '완료')]")));

        wait.until(d -> d.findElement(By.tagName("body")).getText().contains("점검을 통과하지 못했습니다"));
        browser.shot("signed-check-02-refused");
        String page = browser.page();
        browser.save("signed-check-refused.txt", page);
        Assertions.assertThat(page).contains("본문에 빠진 결과입니다: 수축기 혈압").contains("그대로 서명")
                .doesNotContain("MISSING_FINDING").doesNotContain("ENGINE-").doesNotContain("TaskListener")
                .doesNotContain("does not name it");
        Assertions.assertThat(taskService.createTaskQuery().taskId(review.getId()).count()).as("the review stays open").isOne();

        browser.click(browser.driver().findElement(By.xpath("//label[contains(., '그대로 서명합니다')]")));
        WebElement reasonLabel = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//label[contains(., '그대로 서명하는 사유')]")));
        browser.driver().findElement(By.id(reasonLabel.getAttribute("for"))).sendKeys("보호자에게 결과를 직접 설명하고 서면으로 안내함");
        browser.shot("signed-check-03-sign-anyway");
        browser.click(browser.driver().findElement(By.xpath("//button[contains(., 'Complete') or contains(., '완료')]")));

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> screenings.find(id).orElseThrow().stage(), s -> s == Stage.ISSUED || s == Stage.DELIVERED);
        browser.shot("signed-check-04-issued");
        Assertions.assertThat(screenings.find(id).orElseThrow().finalText()).isEqualTo("확인");
    }

    /** Logs in to the Tasklist as the Gangnam physician, opens the review and claims it. */
    @Test
    void shouldShowThePatientProblemOnTheReviewFormWhenTheSexIsMissing() throws Exception {
        org.hl7.fhir.r4.model.Bundle bundle = new SyntheticScreenings(fhir)
                .bundle("browser-no-sex", SyntheticScreenings.Profile.HEALTHY, 5);
        ((org.hl7.fhir.r4.model.Patient) bundle.getEntryFirstRep().getResource()).setGender(null);
        String id = intake.receive("gangnam", null, fhir.newJsonParser().encodeResourceToString(bundle)
                .getBytes(StandardCharsets.UTF_8)).id();
        Task review = ReviewTasks.awaitReview(taskService, id);

        WebDriverWait wait = openAsGangnamPhysician(review, "patient-problem-01-opened");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-container textarea")));
        String page = browser.driver().findElement(By.cssSelector(".fjs-container")).getText();
        browser.save("patient-problem-form.txt", page);
        browser.shot("patient-problem-02-form");

        Assertions.assertThat(page).contains("수검자 정보 확인", "성별이 male/female로 오지 않았습니다", "주민등록번호로는")
                .doesNotContain("sex_missing", "{{");
    }

    private WebDriverWait openAsGangnamPhysician(Task review, String screenshot) {
        TasklistPage tasklist = browser.logInToTasklist("physicianGangnam").open(review.getId());
        browser.shot(screenshot);
        return tasklist.claim().waiting();
    }
}
