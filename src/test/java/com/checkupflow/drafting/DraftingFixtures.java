package com.checkupflow.drafting;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;

import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * Public test fixtures of the drafting feature: the real "Draft report summary" and "Check the draft" delegates
 * around a mocked {@link DraftingService} that drafts {@link #draftText(int)} and passes every check.
 */
public final class DraftingFixtures {

    private final DraftingService service = mock(DraftingService.class);

    public DraftingFixtures() {
        when(service.draft(anyString(), anyInt(), any())).thenAnswer(invocation -> {
            String screeningId = invocation.getArgument(0);
            int round = invocation.getArgument(1);
            return new DraftRepository.StoredDraft(screeningId, round, draftText(round), "template", null,
                    "template-v1", false, Instant.EPOCH, null, null);
        });
        when(service.check(anyString(), anyInt())).thenReturn(new DraftCheck(true, List.of()));
    }

    /** The text the mocked service drafts in a round. */
    public static String draftText(int round) {
        return "초안 " + round + "회차 (draft round " + round + ")";
    }

    public JavaDelegate draftSummaryDelegate() {
        return new DraftSummaryDelegate(service);
    }

    public JavaDelegate checkDraftDelegate() {
        return new CheckDraftDelegate(service);
    }

    /** Verifies that the delegate asked for this draft, with the reviewer's note as feedback (null on round 1). */
    public void verifyDrafted(String screeningId, int round, String reviewerNote) {
        verify(service).draft(screeningId, round, reviewerNote);
    }

    public void verifyChecked(String screeningId, int round) {
        verify(service).check(screeningId, round);
    }
}
