package com.checkupflow;

import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The stock Tasklist in a browser test: log in as a demo user and open one task by its id. */
public final class TasklistPage {

    private final WebDriver browser;
    private final String base;
    private final WebDriverWait wait;

    private TasklistPage(WebDriver browser, int port) {
        this.browser = browser;
        this.base = "http://localhost:" + port + "/camunda/app/tasklist/default/";
        this.wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    /** Logs in with the demo password and waits for the task list. */
    public static TasklistPage logIn(WebDriver browser, int port, String user) {
        TasklistPage page = new TasklistPage(browser, port);
        browser.get(page.base);
        page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")))
                .sendKeys(user);
        browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys(TestHttp.PASSWORD);
        browser.findElement(By.cssSelector("button[type='submit']")).click();
        page.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".tasks-list, [cam-tasks]")));
        return page;
    }

    public TasklistPage open(String taskId) {
        browser.get(base + "#/?task=" + taskId);
        return this;
    }

    public WebDriverWait waiting() {
        return wait;
    }
}
