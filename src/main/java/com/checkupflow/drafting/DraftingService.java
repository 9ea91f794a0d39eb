package com.checkupflow.drafting;

import com.checkupflow.ai.Deidentifier;
import com.checkupflow.ai.DraftRequest;
import com.checkupflow.ai.PatientContext;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;

import com.checkupflow.center.CenterTime;
import com.checkupflow.center.Centers;
import com.checkupflow.judgement.Judgement;
import com.checkupflow.judgement.JudgementJson;
import com.checkupflow.screening.Screening;
import com.checkupflow.screening.ScreeningRepository;
import com.checkupflow.screening.Stage;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Drafts and checks report summaries through the {@link ReportDrafter} port; stores every draft. */
@Service
class DraftingService {

    private final ReportDrafter drafter;
    private final TemplateReportDrafter template;
    private final DraftChecker checker;
    private final DraftRepository drafts;
    private final ScreeningRepository screenings;
    private final JudgementJson judgementJson;
    private final Centers centers;
    private final Deidentifier deidentifier;
    private final ObjectMapper json;
    private final Clock clock;

    DraftingService(ReportDrafter drafter, TemplateReportDrafter template, DraftChecker checker, DraftRepository drafts,
                    ScreeningRepository screenings, JudgementJson judgementJson, Centers centers,
                    Deidentifier deidentifier, ObjectMapper json, Clock clock) {
        this.drafter = drafter;
        this.template = template;
        this.checker = checker;
        this.drafts = drafts;
        this.screenings = screenings;
        this.judgementJson = judgementJson;
        this.centers = centers;
        this.deidentifier = deidentifier;
        this.json = json;
        this.clock = clock;
    }

    /**
     * The draft of a round through the configured drafter. A round drafted before (a redelivered task) is
     * returned as stored, without asking the model again. The feedback for a redraft is the reviewer's note and
     * the findings of the previous round's check, both de-identified.
     *
     * @throws ModelUnavailableException when the model gave no usable answer
     */
    /** @param promptVersion the prompt version the step pins; null for the kind's default */
    DraftRepository.StoredDraft draft(String screeningId, int round, String reviewerNote, String promptVersion) {
        var existing = drafts.find(screeningId, round);
        if (existing.isPresent()) {
            return existing.get();
        }
        return store(screeningId, round, drafter.draft(request(screeningId, round, reviewerNote, promptVersion)));
    }

    /** The offline template's draft of a round, marked as fallback: the model was unavailable. */
    DraftRepository.StoredDraft draftWithTemplate(String screeningId, int round, String reviewerNote) {
        return store(screeningId, round, template.draft(request(screeningId, round, reviewerNote, null)).asFallback());
    }

    private DraftRepository.StoredDraft store(String screeningId, int round, Draft draft) {
        screenings.updateStage(screeningId, Stage.DRAFTING);
        return drafts.saveIfAbsent(screeningId, round, draft, clock.instant());
    }

    private DraftRequest request(String screeningId, int round, String reviewerNote, String promptVersion) {
        Screening s = screenings.find(screeningId).orElseThrow();
        Judgement judgement = judgementJson.read(s.judgementJson());
        PatientContext patient = new PatientContext(s.sex() == null ? null : s.sex().code(), s.age(),
                centers.get(s.center()).displayName(s.language()),
                s.examDate() != null ? s.examDate() : LocalDate.ofInstant(s.receivedAt(), CenterTime.ZONE));
        Deidentifier.KnownIdentifiers known = new Deidentifier.KnownIdentifiers(s.patient().name(), s.patient().rrn(),
                s.patient().birthDate(), s.patient().patientId());
        return new DraftRequest(judgement, patient, s.language(), round,
                deidentifier.scrub(feedback(screeningId, round, reviewerNote), known), s.criticalFindings(), promptVersion);
    }

    /** The reviewer's note (round > 1) and the previous round's failed check findings; null when neither. */
    private String feedback(String screeningId, int round, String reviewerNote) {
        List<String> parts = new ArrayList<>();
        if (round > 1 && reviewerNote != null && !reviewerNote.isBlank()) {
            parts.add(reviewerNote.strip());
        }
        if (round > 1) {
            drafts.find(screeningId, round - 1).filter(d -> Boolean.FALSE.equals(d.checkPassed()))
                    .map(d -> DraftCheck.fromJson(json, d.checkFindings()))
                    .ifPresent(findings -> findings.forEach(f -> parts.add(f.line())));
        }
        return parts.isEmpty() ? null : String.join("\n", parts);
    }

    /**
     * Checks a round's draft and records the findings. The screening is in REVIEW once a physician is needed:
     * the draft passed, or it failed and the automatic redraft is used up.
     */
    DraftCheck check(String screeningId, int round, boolean autoRedraftUsed) {
        Screening s = screenings.find(screeningId).orElseThrow();
        DraftRepository.StoredDraft stored = drafts.find(screeningId, round).orElseThrow(
                () -> new IllegalStateException("No draft round " + round + " for " + screeningId));
        Judgement judgement = judgementJson.read(s.judgementJson());
        // a model's draft is checked with its structured answer; template drafts and drafts stored before V10 by text
        DraftCheck check = stored.answer() == null
                ? checker.check(stored.text(), judgement, s.language(), s.criticalFindings())
                : checker.checkAnswer(DraftAnswer.read(stored.answer()), stored.text(), judgement, s.language(),
                        s.criticalFindings());
        // the text check's inputs, for a signing of this very text to take this result (the answer's check is another)
        String digest = stored.answer() == null
                ? checker.inputDigest(stored.text(), s.judgementJson(), s.language(), s.criticalFindings()) : null;
        drafts.saveCheck(screeningId, round, check.passed(), DraftCheck.toJson(json, check.findings()), digest);
        screenings.updateStage(screeningId, check.passed() || autoRedraftUsed ? Stage.REVIEW : Stage.DRAFTING);
        return check;
    }
}
