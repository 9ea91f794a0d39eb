package com.checkupflow.review;

import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.checkupflow.CheckupFlowHttpTest;
import com.checkupflow.ReviewTasks;
import com.checkupflow.TestHttp;
import com.checkupflow.demo.SyntheticScreenings;
import com.checkupflow.screening.Screening;
import com.checkupflow.screening.ScreeningRepository;
import com.fasterxml.jackson.databind.ObjectMapper;

import ca.uhn.fhir.context.FhirContext;

/** Review decisions under contention and with texts as long as physicians write them. */
@CheckupFlowHttpTest
class ReviewRobustnessHttpTest {

    @LocalServerPort
    int port;
    @Autowired
    FhirContext fhir;
    @Autowired
    TaskService taskService;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectMapper json;
    @Autowired
    ScreeningRepository screenings;

    private TestHttp http;

    @BeforeEach
    void client() {
        http = new TestHttp(port);
    }

    private String screeningInReview(String identifier) throws Exception {
        String bundle = new SyntheticScreenings(fhir).bundleJson(identifier, SyntheticScreenings.Profile.HEALTHY, 11);
        HttpResponse<String> created = http.post("integration", "/api/screenings?center=gangnam",
                "application/fhir+json", bundle);
        Assertions.assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json.readTree(created.body()).get("id").asText();
        ReviewTasks.awaitReview(taskService, id);
        return id;
    }

    private HttpResponse<String> decide(String id, String decisionJson) throws Exception {
        return http.post("physicianGangnam", "/api/screenings/" + id + "/review", "application/json", decisionJson);
    }

    private long reviews(String id) {
        return jdbc.sql("SELECT COUNT(*) FROM cf_review WHERE screening_id = ?").param(id).query(Long.class).single();
    }

    @Test
    void shouldAnswer409ToAllButOneWhenSixApprovalsOfOneReviewArriveAtOnce() throws Exception {
        String id = screeningInReview("concurrent-approvals-1");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        CyclicBarrier start = new CyclicBarrier(6);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Callable<HttpResponse<String>> approve = () -> {
                start.await();
                return decide(id, "{\"decision\":\"APPROVE\"}");
            };
            answers.add(pool.submit(approve));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.get();
            statuses.add(response.statusCode());
            if (response.statusCode() != 200) {
                Assertions.assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                        ct -> Assertions.assertThat(ct).startsWith("application/problem+json"));
            }
        }
        pool.shutdown();

        Assertions.assertThat(statuses).containsOnly(200, 409).containsOnlyOnce(200);
        Assertions.assertThat(reviews(id)).isEqualTo(1);
    }

    @Test
    void shouldIssueTheReportWhenNoteAndHandWrittenTextAreLongerThanTheEngineTextColumn() throws Exception {
        String id = screeningInReview("long-texts-1");
        String note = "추가 검토가 필요합니다. ".repeat(300); // about 4,200 characters
        Assertions.assertThat(note.length()).isGreaterThan(4000);

        HttpResponse<String> changes = decide(id, json.writeValueAsString(
                java.util.Map.of("decision", "REQUEST_CHANGES", "note", note)));
        Assertions.assertThat(changes.statusCode()).as(changes.body()).isEqualTo(200);
        Assertions.assertThat(jdbc.sql("SELECT note FROM cf_review WHERE screening_id = ?").param(id)
                .query(String.class).single()).isEqualTo(note);

        ReviewTasks.awaitReview(taskService, id);
        String text = "소견: 정상 범위입니다. 생활습관을 유지하세요.\n".repeat(250); // about 7,000 characters
        HttpResponse<String> manual = decide(id, json.writeValueAsString(
                java.util.Map.of("decision", "WRITE_MANUALLY", "text", text)));
        Assertions.assertThat(manual.statusCode()).as(manual.body()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() -> screenings.find(id)
                .map(Screening::finalText).filter(text::equals).isPresent());
    }

    @Test
    void shouldAnswer400AndStoreNothingWhenATextExceedsItsLimit() throws Exception {
        String id = screeningInReview("long-texts-2");

        HttpResponse<String> text = decide(id, json.writeValueAsString(java.util.Map.of("decision", "WRITE_MANUALLY",
                "text", "가".repeat(ReviewService.MAX_TEXT_LENGTH + 1))));
        HttpResponse<String> note = decide(id, json.writeValueAsString(java.util.Map.of("decision", "REQUEST_CHANGES",
                "note", "가".repeat(ReviewService.MAX_NOTE_LENGTH + 1))));

        Assertions.assertThat(text.statusCode()).isEqualTo(400);
        Assertions.assertThat(text.body()).contains(String.valueOf(ReviewService.MAX_TEXT_LENGTH));
        Assertions.assertThat(note.statusCode()).isEqualTo(400);
        Assertions.assertThat(reviews(id)).isZero();
    }
}
