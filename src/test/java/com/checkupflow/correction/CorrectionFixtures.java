package com.checkupflow.correction;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;

import com.checkupflow.judgement.JudgementService;
import com.checkupflow.kernel.ItemLabels;
import com.checkupflow.kernel.NormalizedScreening;
import com.checkupflow.screening.StoredScreenings;

/**
 * Public test fixtures of the correction feature: the real listener and delegate around the real
 * {@link CorrectionService} on an H2 database ({@link StoredScreenings}). A process test stores each screening it
 * starts ({@link #store}); after the corrections are applied, the test's own map of screenings holds what the
 * database holds, so the recorded judgements see the corrected items.
 */
public final class CorrectionFixtures {

    /** A correction as stored in cf_correction. */
    public record Recorded(String itemKey, String action, String note, String correctedBy) {
    }

    private final StoredScreenings stored = new StoredScreenings();
    private final CorrectionService service;

    /**
     * @param screenings the test's screenings by id (= business key); after {@code apply} the corrected screening is
     *                   read back from the database into this map
     */
    public CorrectionFixtures(JudgementService judgements, Map<String, NormalizedScreening> screenings) {
        service = new CorrectionService(stored.repository(), judgements, stored.jdbc(), Clock.systemUTC(),
                new ItemLabels()) {
            @Override
            void apply(String screeningId, List<Correction> corrections, String note, String by) {
                super.apply(screeningId, corrections, note, by);
                screenings.put(screeningId, stored.stored(screeningId));
            }
        };
    }

    /** Stores a screening the test starts, as intake would. */
    public void store(String screeningId, String center, NormalizedScreening normalized) {
        stored.store(screeningId, center, normalized);
    }

    /** What cf_correction holds for the screening, oldest first. */
    public List<Recorded> recorded(String screeningId) {
        return stored.jdbc().sql("SELECT item_key, action, note, corrected_by FROM cf_correction"
                        + " WHERE screening_id = ? ORDER BY corrected_at, item_key")
                .param(screeningId)
                .query((rs, n) -> new Recorded(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    public TaskListener resolveInvalidResultsListener() {
        return new ResolveInvalidResultsListener(service);
    }

    public JavaDelegate applyCorrectionsDelegate() {
        return new ApplyCorrectionsDelegate(service);
    }
}
