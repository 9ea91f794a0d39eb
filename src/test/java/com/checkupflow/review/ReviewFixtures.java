package com.checkupflow.review;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;

import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.verify;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.checkupflow.center.Centers;
import com.checkupflow.drafting.DraftCheck;
import com.checkupflow.drafting.DraftChecker;
import com.checkupflow.judgement.JudgementJson;
import com.checkupflow.judgement.JudgementTexts;
import com.checkupflow.screening.ScreeningRepository;
import com.checkupflow.screening.WorkflowFixtures;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Public test fixtures of the review feature: the real "Review report" task listener around a
 * {@link ReviewService} whose decision validation ({@code record}) is real (its insert goes to a mocked
 * JdbcClient) and whose form context, patient label and check of the text to sign are stubbed (no screening in a
 * database; the check passes unless {@link #signedTextFindings} says otherwise); and the
 * "Confirm critical result" listener that sets the patient label.
 */
public final class ReviewFixtures {

    public static final String PATIENT_LABEL = "김*수, 44세 남, 강남센터, 2026-03-02";

    private final ReviewService service;
    private DraftCheck signedTextCheck = new DraftCheck(true, List.of());

    public ReviewFixtures() {
        service = spy(new ReviewService(mock(ScreeningRepository.class), mock(JudgementJson.class),
                mock(JudgementTexts.class), mock(Centers.class), mock(JdbcClient.class, RETURNS_DEEP_STUBS),
                Clock.systemUTC(), mock(DraftChecker.class), new ObjectMapper()));
        doAnswer(invocation -> new ReviewService.ReviewContext(
                "| 항목 | 결과 | 단위 | 판정 |", "종합판정: **NORMAL_A** (NORMAL_A)", ""))
                .when(service).context(anyString(), anyString());
        doAnswer(invocation -> new ReviewService.PatientLabel(PATIENT_LABEL, "ko")).when(service)
                .patientLabel(anyString());
        doAnswer(invocation -> "").when(service).reopenedNote(anyString(), org.mockito.ArgumentMatchers.anyInt());
        doAnswer(invocation -> signedTextCheck).when(service).checkSignedText(anyString(), anyString(), any());
    }

    public TaskListener patientLabelListener() {
        return new PatientLabelListener(service);
    }

    public ExecutionListener reviewDueDateListener() {
        return new ReviewDueDateListener(new ReviewProperties(Duration.ofHours(48), Duration.ofHours(48),
                Duration.ofDays(30)), Clock.systemUTC());
    }

    public JavaDelegate escalateReviewDelegate() {
        return new EscalateReviewDelegate();
    }

    /** The consultation review's due-date listener with {@code checkupflow.review.consultation-sla} and -expiry. */
    public ExecutionListener consultationReviewDueDateListener(Duration sla, Duration expiry, Clock clock) {
        return new ConsultationReviewDueDateListener(new ReviewProperties(Duration.ofHours(48), sla, expiry), clock);
    }

    public JavaDelegate escalateConsultationReviewDelegate() {
        return new EscalateConsultationReviewDelegate();
    }

    public TaskListener reviewTaskListener() {
        return new ReviewTaskListener(service, WorkflowFixtures.settings(false));
    }

    /** Verifies that a decision was recorded (i.e. passed validation) with these values. */
    public void verifyRecorded(String screeningId, String decision, String note, String finalText, String reviewer) {
        verify(service).record(eq(screeningId), eq(decision), eq(note), eq(finalText), eq(reviewer), any(), any(),
                anyBoolean(), any(), anyBoolean());
    }

    /** Verifies that a decision signed despite check findings, with this reason, reached the record. */
    public void verifySignedAnyway(String screeningId, String decision, String finalText, String reviewer, String reason) {
        verify(service).record(eq(screeningId), eq(decision), any(), eq(finalText), eq(reviewer), any(), any(),
                eq(true), eq(reason), anyBoolean());
    }

    /** What the check of the text to sign finds from now on (none by default); the policy around it is real. */
    public void signedTextFindings(DraftCheck.Finding... findings) {
        signedTextCheck = new DraftCheck(findings.length == 0, List.of(findings));
    }
}
