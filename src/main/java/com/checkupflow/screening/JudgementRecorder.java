package com.checkupflow.screening;

import java.util.List;

import org.springframework.stereotype.Service;

import com.checkupflow.judgement.JudgementJson;
import com.checkupflow.judgement.JudgementOutcome;
import com.checkupflow.judgement.JudgementService;
import com.checkupflow.kernel.NormalizedScreening;
import com.checkupflow.screening.Screening;
import com.checkupflow.screening.ScreeningRepository;
import com.checkupflow.screening.Stage;

/** Stores the result of the "Judge results" step with the screening and moves it to its next stage. */
@Service
class JudgementRecorder {

    private final ScreeningRepository screenings;
    private final JudgementService judgements;
    private final JudgementJson json;

    JudgementRecorder(ScreeningRepository screenings, JudgementService judgements, JudgementJson json) {
        this.screenings = screenings;
        this.judgements = judgements;
        this.json = json;
    }

    /**
     * @param newCritical whether a critical finding appeared that an earlier judgement of this screening did not
     *                    have (a re-judgement after corrections must not open a second confirmation for the same value)
     */
    record Recorded(JudgementOutcome outcome, boolean newCritical) {
    }

    /** Judges the stored screening (its items as corrected so far) and records the judgement. */
    Recorded judge(String screeningId) {
        Screening screening = screenings.find(screeningId).orElseThrow(
                () -> new IllegalStateException("No screening " + screeningId));
        NormalizedScreening normalized = screening.toNormalized(screenings.items(screeningId));
        JudgementService.Deployed judged = judgements.judgeDeployed(normalized);
        JudgementOutcome outcome = judged.outcome();
        List<String> before = screening.criticalFindings();
        boolean newCritical = outcome.criticalFindings().stream().anyMatch(f -> !before.contains(f));
        screenings.saveJudgement(screeningId, json.write(outcome.judgement()), outcome.criticalFindings(),
                judged.decisionDefinitionId(), outcome.hasInvalidItems() ? Stage.CORRECTING : Stage.DRAFTING);
        return new Recorded(outcome, newCritical);
    }
}
