package com.checkupflow.drafting;

import java.util.Optional;

import org.springframework.stereotype.Service;

/** Where each round's draft came from, for the report's AI notice and the AI use register. */
@Service
public class DraftProvenance {

    private final DraftRepository drafts;

    DraftProvenance(DraftRepository drafts) {
        this.drafts = drafts;
    }

    public Optional<DraftOrigin> of(String screeningId, int round) {
        return drafts.find(screeningId, round).map(DraftProvenance::origin);
    }

    static DraftOrigin origin(DraftRepository.StoredDraft d) {
        return DraftOrigin.of(d.provider(), d.model(), d.promptVersion(), d.fallback());
    }
}
