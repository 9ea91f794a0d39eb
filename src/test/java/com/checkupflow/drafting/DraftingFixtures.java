package com.checkupflow.drafting;

import com.checkupflow.ai.DraftRequest;
import com.checkupflow.ai.PatientContext;
import com.checkupflow.ai.TemplateTexts;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import com.checkupflow.document.DocumentFixtures;

/**
 * Public test fixtures of the drafting feature: the real "Draft report summary" worker and the "Check the draft" delegate
 * around a mocked {@link DraftingService} that drafts {@link #draftText(int)} and passes every check.
 */
public final class DraftingFixtures {

    private final DraftingService service = mock(DraftingService.class);

    public DraftingFixtures() {
        when(service.draft(anyString(), anyInt(), any(), any())).thenAnswer(invocation -> {
            String screeningId = invocation.getArgument(0);
            int round = invocation.getArgument(1);
            return new DraftRepository.StoredDraft(screeningId, round, draftText(round), "template", null,
                    "template-v1", false, Instant.EPOCH, null, null, null, null, null, null, 1, null, 0, null);
        });
        when(service.check(anyString(), anyInt(), anyBoolean())).thenReturn(new DraftCheck(true, List.of()));
    }

    private static final TemplateTexts TEXTS = new TemplateTexts();
    /** The drafting day of the template tests: before the free-visit deadline of their 2026 exams. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T01:30:00Z"), ZoneOffset.UTC);

    /** The real offline template's first draft, as "Draft report summary" writes it without a model. */
    public static String templateDraft(com.checkupflow.judgement.Judgement judgement, PatientContext patient, String language) {
        return new TemplateReportDrafter(TEXTS, CLOCK).draft(DraftRequest.firstRound(judgement, patient, language)).text();
    }

    /** The real draft check of a text. */
    public static DraftCheck check(String text, com.checkupflow.judgement.Judgement judgement, String language) {
        return new DraftChecker(TEXTS).check(text, judgement, language);
    }

    /** The real draft check of a text with the rules of a check profile and no critical finding. */
    public static DraftCheck check(String text, com.checkupflow.judgement.Judgement judgement, String language,
                                   java.util.Set<String> rules) {
        return new DraftChecker(TEXTS).check(text, judgement, language, List.of(), rules);
    }

    /** The text the mocked service drafts in a round. */
    public static String draftText(int round) {
        return "초안 " + round + "회차 (draft round " + round + ")";
    }

    /**
     * Works the open "Draft report summary" external tasks (AI document step, kind report-summary) with the real
     * worker and {@link ReportSummaryDrafter} (offline provider, around the mocked service), as the in-application
     * worker would.
     */
    public void workDraftTasks(ExternalTaskService externalTasks) {
        ReportSummaryDrafter drafter = new ReportSummaryDrafter(service);
        DocumentFixtures.work(externalTasks, DocumentFixtures.draftDocumentWorker(externalTasks, drafter), drafter);
    }

    public ExecutionListener autoRedraftListener() {
        return new AutoRedraftListener();
    }

    public JavaDelegate draftWithTemplateDelegate() {
        return new DraftWithTemplateDelegate(service);
    }

    public JavaDelegate checkDraftDelegate() {
        return new CheckDraftDelegate(service);
    }

    /** Verifies that the delegate asked for this draft, with the reviewer's note as feedback (null on round 1). */
    public void verifyDrafted(String screeningId, int round, String reviewerNote) {
        verify(service).draft(org.mockito.ArgumentMatchers.eq(screeningId), org.mockito.ArgumentMatchers.eq(round),
                org.mockito.ArgumentMatchers.eq(reviewerNote), any());
    }

    public void verifyChecked(String screeningId, int round) {
        verify(service).check(eq(screeningId), eq(round), anyBoolean());
    }
}
