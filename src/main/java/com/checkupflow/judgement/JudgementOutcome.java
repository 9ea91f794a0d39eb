package com.checkupflow.judgement;

import java.util.List;

import com.checkupflow.kernel.ItemStatus;

/**
 * A judgement plus what the workflow needs beside the contract document.
 *
 * @param criticalFindings panic values from the {@code critical_values} decision (a convention), e.g.
 *                         {@code "systolic_bp >= 180"}; empty when none
 */
public record JudgementOutcome(Judgement judgement, List<String> criticalFindings) {

    public boolean hasInvalidItems() {
        return judgement.items().values().stream().anyMatch(i -> i.status() == ItemStatus.INVALID);
    }

    public boolean critical() {
        return !criticalFindings.isEmpty();
    }
}
