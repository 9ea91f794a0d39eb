package com.checkupflow.referral;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

import com.checkupflow.center.Centers;
import com.checkupflow.drafting.DraftCheck;
import com.checkupflow.ai.DraftRequest;
import com.checkupflow.ai.PatientContext;
import com.checkupflow.drafting.ReferralLetterModel;
import com.checkupflow.judgement.Judgement;
import com.checkupflow.judgement.JudgementJson;
import com.checkupflow.judgement.JudgementUnit;
import com.checkupflow.screening.Screening;
import com.checkupflow.screening.ScreeningRepository;

/**
 * Referral letters to specialists ({@code cf_referral}, {@link ReferralRepository}): drafted from de-identified
 * findings, signed by a physician, the appointment booked by a coordinator, and rendered like the report
 * ({@link ReferralLetterRenderer}). With a model provider the letter goes through the same model path as the report
 * summary ({@link ReferralLetterModel}); a letter the model cannot give, or one that fails the check, is replaced by
 * the template letter, marked as fallback.
 */
@Service
class ReferralService {

    /**
     * A drafted letter for the signer.
     *
     * @param checkNote the findings of the model letter's failed check, one per line, for the sign form; null when
     *                  the check passed or no model was asked
     */
    record DraftedLetter(String text, String checkNote) {
    }

    static final String TEMPLATE_PROVIDER = "template";
    static final String TEMPLATE_VERSION = "referral-template-v1";

    private final ReferralRepository referrals;
    private final ScreeningRepository screenings;
    private final JudgementJson judgementJson;
    private final ReferralLetterDrafter drafter;
    private final ReferralLetterModel model;
    private final ReferralLetterRenderer renderer;
    private final ObjectMapper json = new ObjectMapper();
    private final Centers centers;
    private final TransactionTemplate transaction;
    /** A specialist appointment is booked within a year; a later one is a date typed in the wrong order. */
    static final Period BOOKING_HORIZON = Period.ofYears(1);

    private final Clock clock;

    ReferralService(ReferralRepository referrals, ScreeningRepository screenings, JudgementJson judgementJson,
                    ReferralLetterDrafter drafter, ReferralLetterModel model, ReferralLetterRenderer renderer,
                    Centers centers, TransactionTemplate transaction, Clock clock) {
        this.referrals = referrals;
        this.screenings = screenings;
        this.judgementJson = judgementJson;
        this.drafter = drafter;
        this.model = model;
        this.renderer = renderer;
        this.centers = centers;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * Drafts (or drafts again) the letter for the given units. With a model provider the model's letter is used
     * when it passes the check; otherwise the template letter, marked as fallback (with the findings of a failed
     * check for the signer). Nothing personal reaches the model: sex and age band and the referred findings only.
     */
    DraftedLetter draft(String screeningId, List<String> units) {
        // At least once: a redelivered task gets the unsigned letter already drafted for these units, not a second one.
        Screening s = screenings.find(screeningId).orElseThrow();
        Optional<DraftedLetter> drafted = unsignedDraft(screeningId, units, s.language());
        if (drafted.isPresent()) {
            return drafted.get();
        }
        Judgement judgement = judgementJson.read(s.judgementJson());
        List<JudgementUnit> referred = new ArrayList<>();
        for (JudgementUnit unit : JudgementUnit.values()) {
            if (units.contains(unit.json())) {
                referred.add(unit);
            }
        }
        Optional<ReferralLetterModel.Letter> letter = model.enabled()
                ? model.draft(request(s, judgement), referred) : Optional.empty();
        // the model's letter when it passed its check, else the template's (a fallback when a model was asked)
        Chosen chosen = letter.filter(l -> l.check().passed())
                .map(l -> new Chosen(l.text(), l.provider(), l.promptVersion(), false))
                .orElseGet(() -> new Chosen(drafter.draft(s, judgement, referred), TEMPLATE_PROVIDER, TEMPLATE_VERSION,
                        model.enabled()));
        Boolean passed = letter.map(l -> l.check().passed()).orElse(null);
        String findings = letter.map(l -> DraftCheck.toJson(json, l.check().findings())).orElse(null);
        String sha = letter.map(ReferralLetterModel.Letter::inputSha256).orElse(null);
        transaction.executeWithoutResult(tx -> referrals.replaceDraft(screeningId, String.join(",", units), chosen.text(),
                chosen.provider(), chosen.promptVersion(), chosen.fallback(), passed, findings, sha));
        return new DraftedLetter(chosen.text(),
                letter.filter(l -> !l.check().passed()).map(l -> DraftCheck.note(l.check().findings(), s.language()))
                        .orElse(null));
    }

    private record Chosen(String text, String provider, String promptVersion, boolean fallback) {
    }

    private Optional<DraftedLetter> unsignedDraft(String screeningId, List<String> units, String language) {
        return referrals.unsignedDraft(screeningId, String.join(",", units)).map(d -> new DraftedLetter(d.text(),
                d.failedCheckFindings() == null ? null
                        : DraftCheck.note(DraftCheck.fromJson(json, d.failedCheckFindings()), language)));
    }


    /** The de-identified request: sex and age (the model sees the age band only); center and date stay local. */
    private DraftRequest request(Screening s, Judgement judgement) {
        PatientContext patient = new PatientContext(s.sex() == null ? null : s.sex().code(), s.age(),
                centers.get(s.center()).displayName(s.language()), s.examDate());
        return DraftRequest.firstRound(judgement, patient, s.language());
    }


    /** @throws IllegalArgumentException when the letter text is empty; the task then stays open */
    void sign(String screeningId, String letterText, String physician) {
        if (letterText == null || letterText.isBlank()) {
            throw new IllegalArgumentException("의뢰서 내용(referralText)이 비어 있습니다");
        }
        referrals.sign(screeningId, letterText, physician, clock.instant());
        render(screeningId);
    }

    /**
     * @throws IllegalArgumentException when date or place is missing, the date is not a date, already past, or more
     *                                  than {@link #BOOKING_HORIZON} ahead (a date typed in another order)
     */
    void book(String screeningId, Object appointmentAt, Object place, String coordinator) {
        List<String> problems = new ArrayList<>();
        Instant at = ReferralLetterRenderer.parse(appointmentAt);
        Instant now = clock.instant();
        if (at == null) {
            problems.add(appointmentAt == null || appointmentAt.toString().isBlank()
                    ? "예약 일시(appointmentAt)가 필요합니다 (예: 2026-12-15 14:30)"
                    : "예약 일시(appointmentAt) \"" + appointmentAt + "\"을(를) 알아볼 수 없습니다. "
                            + "연-월-일 시:분으로 입력하세요 (예: 2026-12-15 14:30)");
        } else if (at.isBefore(now)) {
            problems.add("예약 일시(appointmentAt) " + ReferralLetterRenderer.format(at) + "은(는) 이미 지났습니다. 날짜를 확인하세요");
        } else if (at.isAfter(now.atZone(ZoneOffset.UTC).plus(BOOKING_HORIZON).toInstant())) {
            problems.add("예약 일시(appointmentAt) " + ReferralLetterRenderer.format(at)
                    + "은(는) 1년 넘게 남았습니다. 날짜를 확인하세요");
        }
        if (place == null || place.toString().isBlank()) {
            problems.add("예약 장소(appointmentPlace)가 필요합니다");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        referrals.book(screeningId, at, place.toString().strip(), coordinator);
        render(screeningId);
    }

    Optional<ReferralRepository.Referral> find(String screeningId) {
        return referrals.find(screeningId);
    }

    /** Renders the letter as signed (and booked) so far and stores it, encrypted. */
    private void render(String screeningId) {
        ReferralRepository.Referral r = referrals.find(screeningId).orElseThrow();
        Screening s = screenings.find(screeningId).orElseThrow();
        referrals.saveLetterHtml(screeningId, renderer.render(r, s));
    }
}
