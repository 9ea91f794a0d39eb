package com.checkupflow.review;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import com.checkupflow.OwnJvm;
import com.checkupflow.CheckupFlowHttpTest;
import com.checkupflow.HeadlessBrowser;
import com.checkupflow.ReviewTasks;
import com.checkupflow.demo.SyntheticScreenings;
import com.checkupflow.intake.IntakeService;
import com.checkupflow.process.ScreeningReportProcess.Vars;

import ca.uhn.fhir.context.FhirContext;

/**
 * A review reopened after "Request changes" with the offline template, as the physician sees it in the Tasklist at
 * 1366×768: the earlier note, its round and reviewer on top, the text as they left it, editable.
 */
@CheckupFlowHttpTest
// Reads the Tasklist's first page of a center: other tests' screenings in the shared database would change it.
@OwnJvm
class ReopenedReviewBrowserTest {

    @RegisterExtension
    final HeadlessBrowser browser = HeadlessBrowser.sized(1366, 768);

    @Autowired
    IntakeService intake;
    @Autowired
    TaskService taskService;
    @Autowired
    FhirContext fhir;

    @Test
    void shouldShowTheEarlierNoteOnTopWhenPhysicianOpensTheReopenedReview() throws Exception {
        String bundle = new SyntheticScreenings(fhir).bundleJson("browser-reopen-1", SyntheticScreenings.Profile.BORDERLINE, 31);
        String id = intake.receive("gangnam", null, bundle.getBytes(StandardCharsets.UTF_8)).id();
        Task first = ReviewTasks.awaitReview(taskService, id);
        String edited = taskService.getVariable(first.getId(), Vars.FINAL_TEXT) + "\n의사가 고친 문장.";
        taskService.claim(first.getId(), "physicianGangnam");
        taskService.complete(first.getId(), Map.of(Vars.REVIEW_DECISION, "REQUEST_CHANGES",
                Vars.REVIEW_NOTE, "혈압 설명을 더 쉽게 써 주세요", Vars.FINAL_TEXT, edited));
        Task reopened = ReviewTasks.awaitReviewAfter(taskService, id, first.getId());

        WebDriverWait wait = browser.logInToTasklist("physicianGangnam").open(reopened.getId()).claim().waiting();
        WebElement text = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-container textarea")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".fjs-container"), "이전 의견"));
        browser.shot("review-reopened-1366x768");

        String form = browser.driver().findElement(By.cssSelector(".fjs-container")).getText();
        Assertions.assertThat(form).contains("수정 요청 1회 후 다시 열린 검토", "오프라인 템플릿은 의견대로 문장을 다시 쓰지 못합니다",
                "physicianGangnam", "혈압 설명을 더 쉽게 써 주세요");
        Assertions.assertThat(form.indexOf("이전 의견")).isLessThan(form.indexOf("항목별 판정"));
        Assertions.assertThat(text.getAttribute("value")).isEqualTo(edited);
        Assertions.assertThat(text.isEnabled()).isTrue();
    }
}
