package com.checkupflow.review;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.checkupflow.screening.Screening;
import com.checkupflow.screening.ScreeningViewContributor;

/**
 * {@code review} in {@code GET /api/screenings/{id}}: who signed what and when (the latest signing decision with
 * the draft, the signed text, the diff, the edit ratio, the check of the signed text and whether and why it was
 * signed despite findings) and every decision before it.
 */
@Component
class ReviewViewContributor implements ScreeningViewContributor {

    private final ReviewService reviews;

    ReviewViewContributor(ReviewService reviews) {
        this.reviews = reviews;
    }

    @Override
    public void contribute(Screening screening, Map<String, Object> view) {
        List<ReviewService.ReviewRecord> history = reviews.history(screening.id());
        Map<String, Object> review = new LinkedHashMap<>();
        ReviewService.ReviewRecord signed = history.stream().filter(r -> r.signedText() != null)
                .reduce((first, second) -> second).orElse(null);
        review.put("signedBy", signed == null ? null : signed.reviewer());
        review.put("signedAt", signed == null ? null : signed.decidedAt());
        review.put("decision", signed == null ? null : signed.decision());
        review.put("draftRound", signed == null ? null : signed.draftRound());
        review.put("editRatio", signed == null ? null : signed.editRatio());
        review.put("draftText", signed == null ? null : signed.draftText());
        review.put("signedText", signed == null ? null : signed.signedText());
        review.put("diff", signed == null ? null : signed.diff());
        review.put("signedCheckFindings", signed == null ? null : signed.signedCheckFindings());
        review.put("signedAnyway", signed == null ? null : signed.signedAnyway());
        review.put("signAnywayReason", signed == null ? null : signed.signAnywayReason());
        review.put("decisions", history.stream().map(r -> {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("decision", r.decision());
            d.put("note", r.note());
            d.put("reviewer", r.reviewer());
            d.put("decidedAt", r.decidedAt());
            d.put("draftRound", r.draftRound());
            d.put("editRatio", r.editRatio());
            d.put("signedAnyway", r.signedAnyway());
            return d;
        }).toList());
        view.put("review", review);
    }
}
