package com.checkupflow.correction;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.spy;

import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.checkupflow.judgement.JudgementService;
import com.checkupflow.kernel.CanonicalItem;
import com.checkupflow.kernel.ItemKey;
import com.checkupflow.kernel.ItemLabels;
import com.checkupflow.kernel.ItemStatus;
import com.checkupflow.kernel.NormalizedScreening;
import com.checkupflow.screening.ScreeningRepository;

/**
 * Public test fixtures of the correction feature: the real listener and delegate around a
 * {@link CorrectionService} whose validation ({@code read}) is real and whose {@code apply} is stubbed to
 * update the screening the test keeps in memory instead of the database.
 */
public final class CorrectionFixtures {

    private final CorrectionService service;

    /**
     * @param screenings the test's screenings by id (= business key); {@code apply} replaces the corrected
     *                   screening in this map
     */
    public CorrectionFixtures(JudgementService judgements, Map<String, NormalizedScreening> screenings) {
        service = spy(new CorrectionService(mock(ScreeningRepository.class), judgements, mock(JdbcClient.class),
                Clock.systemUTC(), new ItemLabels()));
        doAnswer(invocation -> {
            String screeningId = invocation.getArgument(0);
            List<Correction> corrections = invocation.getArgument(1);
            NormalizedScreening before = screenings.get(screeningId);
            Map<ItemKey, CanonicalItem> items = new EnumMap<>(before.items());
            for (Correction c : corrections) {
                CanonicalItem old = items.get(c.key());
                items.put(c.key(), c.notMeasured()
                        ? new CanonicalItem(c.key(), ItemStatus.MISSING, null, null, old.reportedValue(),
                                old.reportedUnit(), null, old.observationId())
                        : new CanonicalItem(c.key(), ItemStatus.VALID, c.value(), c.code(),
                                c.key().coded() ? c.code() : c.value(), c.key().canonicalUnit(), null,
                                old.observationId()));
            }
            NormalizedScreening after = new NormalizedScreening(before.patient(), before.examDate(), items,
                    before.lipidsScheduled(), before.treatedDiseases());
            screenings.put(screeningId, after);
            return judgements.variables(after);
        }).when(service).apply(anyString(), anyList(), any(), any());
    }

    public TaskListener resolveInvalidResultsListener() {
        return new ResolveInvalidResultsListener(service);
    }

    public JavaDelegate applyCorrectionsDelegate() {
        return new ApplyCorrectionsDelegate(service);
    }
}
