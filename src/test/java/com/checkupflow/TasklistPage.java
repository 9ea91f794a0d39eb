package com.checkupflow;

import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The stock Tasklist in a browser test, logged in ({@link HeadlessBrowser#logInToTasklist}): open a task, claim it. */
public final class TasklistPage {

    private final HeadlessBrowser browser;
    private final String base;
    private final WebDriverWait wait;

    TasklistPage(HeadlessBrowser browser, String base, WebDriverWait wait) {
        this.browser = browser;
        this.base = base;
        this.wait = wait;
    }

    public TasklistPage open(String taskId) {
        browser.driver().get(base + "#/?task=" + taskId);
        return this;
    }

    /** Claims the task shown, with the task card's Claim button (맡기). */
    public TasklistPage claim() {
        browser.click(wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[ng-click='claim()'], .claim"))));
        return this;
    }

    public WebDriverWait waiting() {
        return wait;
    }
}
