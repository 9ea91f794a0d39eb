package com.checkupflow.audit;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.checkupflow.CheckupFlowHttpTest;
import com.checkupflow.HeadlessBrowser;
import com.checkupflow.ReviewTasks;
import com.checkupflow.demo.SyntheticScreenings;
import com.checkupflow.intake.IntakeService;

import ca.uhn.fhir.context.FhirContext;

/**
 * A physician opens a review in the stock Tasklist (headless Chromium): the form says where the draft came from,
 * and loading it leaves an access-log row for the screening with the physician, role and center.
 */
@CheckupFlowHttpTest
class ReviewFormAccessBrowserTest {

    @RegisterExtension
    final HeadlessBrowser browser = HeadlessBrowser.sized(1400, 2400);

    @Autowired
    IntakeService intake;
    @Autowired
    TaskService taskService;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    FhirContext fhir;

    @Test
    void shouldShowTheDraftsOriginAndLogTheFormLoadWhenAPhysicianOpensTheReview() throws Exception {
        String bundle = new SyntheticScreenings(fhir).bundleJson("browser-access-1", SyntheticScreenings.Profile.SUSPECT, 71);
        String id = intake.receive("gangnam", null, bundle.getBytes(StandardCharsets.UTF_8)).id();
        Task review = ReviewTasks.awaitReview(taskService, id);

        WebDriverWait wait = browser.logInToTasklist("physicianGangnam").open(review.getId()).waiting();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".fjs-container"), "초안 출처"));

        String form = browser.driver().findElement(By.cssSelector(".fjs-container")).getText();
        browser.shot("audit-01-review-form-origin");
        Assertions.assertThat(form).contains("초안 출처", "템플릿 초안", "AI가 작성하지 않았습니다");
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                Assertions.assertThat(jdbc.sql("""
                        SELECT user_roles || '|' || user_centers || '|' || result FROM cf_access_log
                        WHERE screening_id = ? AND action = 'TASK_FORM' AND user_id = 'physicianGangnam'""")
                        .param(id).query(String.class).list()).contains("physician|gangnam|ALLOWED"));
    }
}
