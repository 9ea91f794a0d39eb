package com.checkupflow.drafting;

import com.checkupflow.ai.Deidentifier;
import com.checkupflow.ai.TemplateTexts;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

import com.checkupflow.screening.ScreeningRepository;

class DraftingServiceTest {

    private final ReportDrafter drafter = Mockito.mock(ReportDrafter.class);
    private final DraftRepository drafts = Mockito.mock(DraftRepository.class);
    private final ScreeningRepository screenings = Mockito.mock(ScreeningRepository.class);
    private final DraftingService service = new DraftingService(drafter, new TemplateReportDrafter(new TemplateTexts(), DraftingFixtures.CLOCK),
            new DraftChecker(new TemplateTexts()), drafts, screenings, null, null, new Deidentifier(new TemplateTexts()),
            new com.fasterxml.jackson.databind.ObjectMapper(), Clock.systemUTC());

    @Test
    void shouldReturnTheStoredDraftWithoutAskingTheModelWhenTheTaskIsRedelivered() {
        DraftRepository.StoredDraft stored = new DraftRepository.StoredDraft("s-1", 1, "draft", "openai", "m",
                "draft-summary-v1", false, Instant.EPOCH, null, null, "abc", 10, 5, 2000L, 1, "[]", 0, null);
        Mockito.when(drafts.find("s-1", 1)).thenReturn(Optional.of(stored));

        DraftRepository.StoredDraft again = service.draft("s-1", 1, null, null);

        Assertions.assertThat(again).isSameAs(stored);
        Mockito.verifyNoInteractions(drafter, screenings);
        Mockito.verify(drafts, Mockito.never()).saveIfAbsent(Mockito.any(), Mockito.anyInt(), Mockito.any(), Mockito.any());
    }
}
