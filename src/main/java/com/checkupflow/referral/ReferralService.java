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
import com.checkupflow.kernel.InputRefused;
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
    /** @param promptVersion the prompt version the step pins; null for the kind's default */
    DraftedLetter draft(String screeningId, List<String> units, String promptVersion) {
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
                ? model.draft(request(s, judgement, promptVersion), referred) : Optional.empty();
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
    private DraftRequest request(Screening s, Judgement judgement, String promptVersion) {
        PatientContext patient = new PatientContext(s.sex() == null ? null : s.sex().code(), s.age(),
                centers.get(s.center()).displayName(s.language()), s.examDate());
        return new DraftRequest(judgement, patient, s.language(), 1, null, List.of(), promptVersion);
    }


    /** The refusal names this many findings (the Tasklist's message box is small), then how many more. */
    private static final int SHOWN_FINDINGS = 6;

    /**
     * Signs the letter the physician completed. The letter leaves the center, so it is checked like the report's
     * signed text (docs/signed-text-check.md) against the screening's judgement: a letter with findings (a wrong
     * number, a disease the judgement does not suspect, a test not done…) is only signed with {@code signAnyway} and a
     * reason, both recorded with the findings.
     *
     * @throws InputRefused when the letter is empty, or has findings and is not signed anyway with a reason; the task
     *                      then stays open and nothing is stored
     */
    void sign(String screeningId, String letterText, String physician, boolean signAnyway, String reason) {
        if (letterText == null || letterText.isBlank()) {
            throw new InputRefused("의뢰서 내용이 비어 있습니다. 의뢰 내용을 적어 주세요.");
        }
        Screening s = screenings.find(screeningId).orElseThrow();
        DraftCheck check = model.checkSigned(letterText, judgementJson.read(s.judgementJson()), s.language());
        boolean anyway = !check.passed();
        if (anyway && (!signAnyway || reason == null || reason.isBlank())) {
            throw new InputRefused((signAnyway ? "그대로 서명하려면 사유를 적어 주세요."
                    : "서명할 진료의뢰서가 점검을 통과하지 못했습니다(" + check.findings().size() + "건). 의뢰서를 고치거나, "
                            + "그대로 서명하려면 '점검 결과를 확인했으며 그대로 서명합니다'를 선택하고 사유를 적어 주세요.")
                    + " 점검 결과:\n" + DraftCheck.forPhysician(check.findings(), SHOWN_FINDINGS, "외 {0}건",
                            DraftCheck.Finding::detail));
        }
        referrals.sign(screeningId, letterText, physician, clock.instant(), DraftCheck.toJson(json, check.findings()),
                anyway, anyway ? reason.strip() : null);
        render(screeningId);
    }

    /**
     * @throws InputRefused when date or place is missing, the date is not a date, already past, or more than
     *                      {@link #BOOKING_HORIZON} ahead (a date typed in another order): the coordinator reads it
     */
    void book(String screeningId, Object appointmentAt, Object place, String coordinator) {
        List<String> problems = new ArrayList<>();
        Instant at = ReferralLetterRenderer.parse(appointmentAt);
        Instant now = clock.instant();
        if (at == null) {
            problems.add(appointmentAt == null || appointmentAt.toString().isBlank()
                    ? "예약 일시가 필요합니다 (예: 2026-12-15 14:30)"
                    : "예약 일시 \"" + appointmentAt + "\"을(를) 알아볼 수 없습니다. "
                            + "연-월-일 시:분으로 입력하세요 (예: 2026-12-15 14:30)");
        } else if (at.isBefore(now)) {
            problems.add("예약 일시 " + ReferralLetterRenderer.format(at) + "은(는) 이미 지났습니다. 날짜를 확인하세요");
        } else if (at.isAfter(now.atZone(ZoneOffset.UTC).plus(BOOKING_HORIZON).toInstant())) {
            problems.add("예약 일시 " + ReferralLetterRenderer.format(at)
                    + "은(는) 1년 넘게 남았습니다. 날짜를 확인하세요");
        }
        if (place == null || place.toString().isBlank()) {
            problems.add("예약 장소가 필요합니다");
        }
        if (!problems.isEmpty()) {
            throw new InputRefused(String.join("; ", problems));
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
