package com.checkupflow.drafting;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.stereotype.Service;

import com.checkupflow.center.Centers;
import com.checkupflow.judgement.Judgement;
import com.checkupflow.judgement.JudgementJson;
import com.checkupflow.screening.Screening;
import com.checkupflow.screening.ScreeningRepository;
import com.checkupflow.screening.Stage;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Drafts and checks report summaries through the {@link ReportDrafter} port; stores every draft. */
@Service
class DraftingService {

    private final ReportDrafter drafter;
    private final DraftChecker checker;
    private final DraftRepository drafts;
    private final ScreeningRepository screenings;
    private final JudgementJson judgementJson;
    private final Centers centers;
    private final ObjectMapper json;
    private final Clock clock;

    DraftingService(ReportDrafter drafter, DraftChecker checker, DraftRepository drafts, ScreeningRepository screenings,
                    JudgementJson judgementJson, Centers centers, ObjectMapper json, Clock clock) {
        this.drafter = drafter;
        this.checker = checker;
        this.drafts = drafts;
        this.screenings = screenings;
        this.judgementJson = judgementJson;
        this.centers = centers;
        this.json = json;
        this.clock = clock;
    }

    DraftRepository.StoredDraft draft(String screeningId, int round, String reviewerNote) {
        Screening s = screenings.find(screeningId).orElseThrow();
        Judgement judgement = judgementJson.read(s.judgementJson());
        PatientContext patient = new PatientContext(s.sex() == null ? null : s.sex().code(), Math.max(s.age(), 0),
                centers.get(s.center()).displayName(s.language()),
                s.examDate() != null ? s.examDate() : LocalDate.ofInstant(s.receivedAt(), clock.getZone()));
        Draft draft = drafter.draft(new DraftRequest(judgement, patient, s.language(), round, reviewerNote));
        screenings.updateStage(screeningId, Stage.DRAFTING);
        return drafts.saveIfAbsent(screeningId, round, draft, clock.instant());
    }

    DraftCheck check(String screeningId, int round) {
        Screening s = screenings.find(screeningId).orElseThrow();
        DraftRepository.StoredDraft stored = drafts.find(screeningId, round).orElseThrow(
                () -> new IllegalStateException("No draft round " + round + " for " + screeningId));
        DraftCheck check = checker.check(stored.text(), judgementJson.read(s.judgementJson()), s.language());
        try {
            drafts.saveCheck(screeningId, round, check.passed(), json.writeValueAsString(check.findings()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        screenings.updateStage(screeningId, Stage.REVIEW);
        return check;
    }
}
