package com.checkupflow.report;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import com.checkupflow.delivery.Outbox;
import com.checkupflow.judgement.Judgement;
import com.checkupflow.judgement.JudgementJson;
import com.checkupflow.physician.PhysicianProfiles;
import com.checkupflow.review.ReviewService;
import com.checkupflow.screening.Screening;
import com.checkupflow.screening.ScreeningRepository;

/** Issues the signed report: stores the final text and the rendered HTML, and puts its delivery in the outbox. */
@Service
class ReportService {

    private final ScreeningRepository screenings;
    private final JudgementJson judgementJson;
    private final ReviewService reviews;
    private final PhysicianProfiles physicians;
    private final ReportRenderer renderer;
    private final Outbox outbox;
    private final ReferralPolicy referrals;
    private final AiDisclosure aiDisclosure;
    private final Clock clock;

    ReportService(ScreeningRepository screenings, JudgementJson judgementJson, ReviewService reviews,
                  PhysicianProfiles physicians, ReportRenderer renderer, Outbox outbox, ReferralPolicy referrals,
                  AiDisclosure aiDisclosure, Clock clock) {
        this.physicians = physicians;
        this.aiDisclosure = aiDisclosure;
        this.outbox = outbox;
        this.referrals = referrals;
        this.screenings = screenings;
        this.judgementJson = judgementJson;
        this.reviews = reviews;
        this.renderer = renderer;
        this.clock = clock;
    }

    /** @return the judgement units the report refers to a specialist (empty when none) */
    List<String> issue(String screeningId, String finalText) {
        Screening s = screenings.beforeIssue(screeningId).orElseThrow();
        // one read of the signing decision: its reviewer signs the report, its drafts decide the AI notice
        Optional<ReviewService.Signature> signed = reviews.signature(screeningId);
        String signer = signed.map(ReviewService.Signature::reviewer).orElse(null);
        Instant now = clock.instant();
        Judgement judgement = judgementJson.read(s.judgementJson());
        String signature = signer == null ? null : physicians.signature(signer, s.language());
        String html = renderer.render(s, judgement, finalText, signature, now,
                aiDisclosure.recordAtIssue(screeningId, signed).orElse(null));
        screenings.saveIssuedReport(screeningId, html, signer, now);
        // same transaction as the issued report: the message exists exactly when the report does
        outbox.enqueueReport(screeningId);
        return referrals.unitsToRefer(judgement);
    }
}
