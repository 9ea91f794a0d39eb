package com.checkupflow.review;

import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.checkupflow.CheckupFlowHttpTest;
import com.checkupflow.ReviewTasks;
import com.checkupflow.TestHttp;
import com.checkupflow.demo.SyntheticScreenings;
import com.checkupflow.process.ScreeningReportProcess.Vars;
import com.fasterxml.jackson.databind.ObjectMapper;

import ca.uhn.fhir.context.FhirContext;

/** "Request changes" with the offline template drafter (the default): the review reopens with the notes on top. */
@CheckupFlowHttpTest
class RequestChangesHttpTest {

    @LocalServerPort
    int port;
    @Autowired
    FhirContext fhir;
    @Autowired
    TaskService taskService;
    @Autowired
    ObjectMapper json;

    @Test
    void shouldReopenReviewWithNotesRoundAndTheEditedTextWhenTemplateDrafterGetsRequestChanges() throws Exception {
        String bundle = new SyntheticScreenings(fhir).bundleJson("http-changes-1", SyntheticScreenings.Profile.BORDERLINE, 21);
        String id = json.readTree(new TestHttp(port).post("integration", "/api/screenings?center=gangnam",
                "application/fhir+json", bundle).body()).get("id").asText();
        Task first = ReviewTasks.awaitReview(taskService, id);
        Assertions.assertThat((String) taskService.getVariable(first.getId(), Vars.REVIEW_REOPENED_NOTE)).isNullOrEmpty();
        String edited = taskService.getVariable(first.getId(), Vars.FINAL_TEXT) + "\n고친 문장입니다.";

        taskService.claim(first.getId(), "physicianGangnam");
        taskService.complete(first.getId(), Map.of(Vars.REVIEW_DECISION, "REQUEST_CHANGES", Vars.REVIEW_NOTE, "혈압 설명을 더 쉽게",
                Vars.FINAL_TEXT, edited));
        Task second = ReviewTasks.awaitReviewAfter(taskService, id, first.getId());
        taskService.claim(second.getId(), "physicianGangnam");
        taskService.complete(second.getId(), Map.of(Vars.REVIEW_DECISION, "REQUEST_CHANGES", Vars.REVIEW_NOTE, "생활습관 안내를 짧게"));
        Task third = ReviewTasks.awaitReviewAfter(taskService, id, second.getId());

        String note = (String) taskService.getVariable(third.getId(), Vars.REVIEW_REOPENED_NOTE);
        Assertions.assertThat(note).contains("수정 요청 2회 후 다시 열린 검토", "오프라인 템플릿은 의견대로 문장을 다시 쓰지 못합니다",
                "physicianGangnam", "혈압 설명을 더 쉽게", "생활습관 안내를 짧게");
        Assertions.assertThat(note.indexOf("혈압 설명을 더 쉽게")).isLessThan(note.indexOf("생활습관 안내를 짧게"));
        Assertions.assertThat(taskService.getVariable(third.getId(), Vars.FINAL_TEXT)).isEqualTo(edited);
        Assertions.assertThat(third.getDueDate()).isEqualTo(first.getDueDate());
        Assertions.assertThat(taskService.getVariable(third.getId(), Vars.DRAFT_ROUND)).isEqualTo(3);
    }
}
