package com.checkupflow.screening;

import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.ExecutionListener;

import com.checkupflow.judgement.JudgementFixtures;
import com.checkupflow.judgement.JudgementOutcome;
import com.checkupflow.judgement.JudgementService;
import com.checkupflow.kernel.NormalizedScreening;

/**
 * Public test fixtures of the screening feature for the process tests: the real, package-private
 * {@code recordJudgementListener} wired without Spring.
 */
public final class JudgementRecordingFixtures {

    private JudgementRecordingFixtures() {
    }

    /**
     * The real {@code recordJudgementListener} (with the real {@link JudgementTexts}) around a mocked
     * {@link JudgementRecorder}: the mock assembles the outcome with the real service from the screening the
     * test keeps in {@code screenings} (by screening id = business key) and, like the real recorder, reports a
     * critical finding as new only if no earlier judgement of that screening had it.
     */
    public static RecordedJudgements recordedJudgements(JudgementService judgements,
                                                        Map<String, NormalizedScreening> screenings) {
        return new RecordedJudgements(judgements, screenings);
    }

    /** What the mocked recorder was asked to store, per screening. */
    public static final class RecordedJudgements {

        private final Map<String, List<JudgementOutcome>> outcomes = new HashMap<>();
        private final ExecutionListener listener;

        private RecordedJudgements(JudgementService judgements, Map<String, NormalizedScreening> screenings) {
            JudgementRecorder recorder = mock(JudgementRecorder.class);
            when(recorder.record(anyString(), anyMap())).thenAnswer(invocation -> {
                String screeningId = invocation.getArgument(0);
                Map<String, Object> decisionResult = invocation.getArgument(1);
                NormalizedScreening screening = screenings.get(screeningId);
                if (screening == null) {
                    throw new IllegalStateException("No screening " + screeningId);
                }
                JudgementOutcome outcome = judgements.assemble(screening, decisionResult);
                List<JudgementOutcome> earlier = outcomes.computeIfAbsent(screeningId, id -> new ArrayList<>());
                List<String> before = earlier.isEmpty() ? List.of() : earlier.get(earlier.size() - 1).criticalFindings();
                boolean newCritical = outcome.criticalFindings().stream().anyMatch(f -> !before.contains(f));
                earlier.add(outcome);
                return new JudgementRecorder.Recorded(outcome, newCritical);
            });
            listener = new RecordJudgementListener(recorder, JudgementFixtures.texts());
        }

        public ExecutionListener listener() {
            return listener;
        }

        /** Every judgement recorded for the screening, oldest first. */
        public List<JudgementOutcome> of(String screeningId) {
            return List.copyOf(outcomes.getOrDefault(screeningId, List.of()));
        }
    }
}
