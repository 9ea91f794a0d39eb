package com.checkupflow.review;

import static com.checkupflow.web.ProblemResponses.expectProblem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import com.checkupflow.drafting.DraftCheck;
import com.checkupflow.kernel.PatientInfo;
import com.checkupflow.kernel.Sex;
import com.checkupflow.process.ScreeningReportProcess.Activities;
import com.checkupflow.screening.Screening;
import com.checkupflow.screening.ScreeningRepository;
import com.checkupflow.screening.ScreeningWorkflow;
import com.checkupflow.screening.Stage;
import com.checkupflow.security.CenterAccess;
import com.checkupflow.security.CurrentUser;
import com.checkupflow.web.ProblemResponses;

/**
 * The review endpoint's error paths in the web layer alone: the controller's own checks run, the stored screening
 * and the workflow are stand-ins. Roles and centers are the security chain's and CenterAccess's business
 * (security.AuthorizationMatrixHttpTest); the filters are left out here.
 */
@WebMvcTest(controllers = ReviewController.class,
        // the engine's variable access log is a servlet filter bean; this slice has no engine (and no filters)
        excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = "com\\.checkupflow\\.audit\\.Camunda.*"))
@AutoConfigureMockMvc(addFilters = false)
@Import(ProblemResponses.ErrorPage.class)
class ReviewControllerTest {

    private static final String JSON = "application/json";
    private static final String PATH = "/api/screenings/scr-1/review";

    @Autowired
    MockMvc mvc;
    @MockitoBean
    ScreeningRepository screenings;
    @MockitoBean
    ScreeningWorkflow workflow;
    @MockitoBean
    CenterAccess access;

    @BeforeEach
    void storedScreeningWithOpenReview() {
        PatientInfo patient = new PatientInfo(null, "김하늘", Sex.FEMALE, LocalDate.of(1980, 1, 2), null, List.of());
        when(screenings.find("scr-1")).thenReturn(Optional.of(new Screening("scr-1", "gangnam", "urn:s", "v", "pi-1",
                "ko", Stage.REVIEW, Instant.now(), LocalDate.of(2026, 11, 2), patient, false, Set.of(), null, List.of(),
                null, null, null, null)));
        when(access.requireAnyGroup(any(String[].class))).thenReturn(new CurrentUser("dr.kim", Set.of("physician"), Set.of("gangnam")));
        when(workflow.openTask("scr-1", Activities.REVIEW_REPORT)).thenReturn(Optional.of(
                new ScreeningWorkflow.OpenTask("task-1", "결과지 검토", Activities.REVIEW_REPORT, "dr.kim",
                        List.of("physician"), Instant.now(), null, 50)));
    }

    @Test
    void shouldAnswer404WhenTheScreeningIsUnknown() throws Exception {
        expectProblem(mvc, post("/api/screenings/nope/review").contentType(JSON)
                .content("{\"decision\":\"APPROVE\"}"), 404, "screening_not_found");
        verifyNoInteractions(workflow);
    }

    @Test
    void shouldAnswer400WhenTheBodyIsNotJson() throws Exception {
        expectProblem(mvc, post(PATH).contentType(JSON).content("{\"decision\":"), 400, "unreadable_body");
        verifyNoInteractions(workflow);
    }

    @Test
    void shouldAnswer400WhenRequestChangesComesWithoutANote() throws Exception {
        expectProblem(mvc, post(PATH).contentType(JSON).content("{\"decision\":\"REQUEST_CHANGES\"}"),
                400, "review_incomplete");
        verify(workflow, never()).complete(any(), anyMap());
    }

    @Test
    void shouldAnswer422NamingTheFindingsWhenTheTextToSignFailsTheCheck() throws Exception {
        doThrow(new IllegalStateException("task listener failed", new ReviewService.SignedTextRejected(
                List.of(new DraftCheck.Finding("NUMBER_MISMATCH", "공복혈당 135 is not in the results")), false)))
                .when(workflow).complete(eq("task-1"), anyMap());

        expectProblem(mvc, post(PATH).contentType(JSON)
                .content("{\"decision\":\"APPROVE\",\"text\":\"공복혈당 135 mg/dL\"}"), 422, "number_mismatch")
                .andExpect(jsonPath("$.problems[1].code").value("sign_anyway_required"));
    }

    @Test
    void shouldAnswer415WhenTheBodyIsNotDeclaredJson() throws Exception {
        expectProblem(mvc, post(PATH).contentType("text/plain").content("{\"decision\":\"APPROVE\"}"),
                415, "unsupported_media_type");
        verifyNoInteractions(workflow);
    }

    @Test
    void shouldAnswer406WhenTheClientAcceptsOnlyXml() throws Exception {
        expectProblem(mvc, post(PATH).contentType(JSON).accept("application/xml")
                .content("{\"decision\":\"APPROVE\"}"), 406, "not_acceptable");
        verifyNoInteractions(workflow);
    }

    @Test
    void shouldAnswer405WhenTheReviewIsReadInsteadOfPosted() throws Exception {
        expectProblem(mvc, get(PATH), 405, "method_not_allowed");
    }
}
