package com.checkupflow.report;

import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.checkupflow.drafting.DraftOrigin;
import com.checkupflow.drafting.DraftProvenance;
import com.checkupflow.review.ReviewService;

/**
 * Whether the issued text came, in any part, from a generative model (AI Basic Act Art. 31: the patient is told).
 * It did when the draft the physician signed on was a model draft (not the template, not a fallback) and the
 * physician approved it or kept at least one of its sentences. Decided once at issue and stored
 * ({@code cf_report_ai_use}), so the report, its PDF and the FHIR export say the same.
 */
@Component
class AiDisclosure {

    /** The model behind the issued text. */
    record AiUse(String provider, String model, String promptVersion) {
    }

    /** Sentences end at . ! ? (also after Korean endings like 습니다.) or at a line break. */
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?。])\\s+|\\R+");
    /** Shorter pieces (a heading, "정상") say nothing about where the text came from. */
    private static final int MIN_SENTENCE_LENGTH = 10;

    private final DraftProvenance provenance;
    private final JdbcClient jdbc;

    AiDisclosure(DraftProvenance provenance, JdbcClient jdbc) {
        this.provenance = provenance;
        this.jdbc = jdbc;
    }

    /**
     * Decides and records, in the caller's (the issue's) transaction.
     *
     * @param signature the decision that signed the report ({@link ReviewService#signature}), read once by the issue
     */
    Optional<AiUse> recordAtIssue(String screeningId, Optional<ReviewService.Signature> signature) {
        if (signature.isEmpty() || signature.get().draftRound() == null) {
            return Optional.empty();
        }
        ReviewService.Signature signed = signature.get();
        Optional<DraftOrigin> origin = provenance.of(screeningId, signed.draftRound()).filter(DraftOrigin::byModel);
        if (origin.isEmpty() || !keepsDraftText(signed.decision(), signed.draftText(), signed.signedText())) {
            return Optional.empty();
        }
        AiUse use = new AiUse(origin.get().provider(), origin.get().model(), origin.get().promptVersion());
        jdbc.sql("""
                INSERT INTO cf_report_ai_use (screening_id, provider, model, prompt_version, draft_round, signed_by)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(screeningId, use.provider(), use.model(), use.promptVersion(), signed.draftRound(),
                        signed.reviewer())
                .update();
        return Optional.of(use);
    }

    /** The model behind an issued report's text; empty when none. */
    Optional<AiUse> ofIssued(String screeningId) {
        return jdbc.sql("SELECT provider, model, prompt_version FROM cf_report_ai_use WHERE screening_id = ?")
                .param(screeningId)
                .query((rs, n) -> new AiUse(rs.getString(1), rs.getString(2), rs.getString(3))).optional();
    }

    /** An approval signs the draft; a text of one's own keeps model text when one of the draft's sentences survives. */
    static boolean keepsDraftText(String decision, String draftText, String signedText) {
        if ("APPROVE".equals(decision)) {
            return true;
        }
        if (draftText == null || signedText == null) {
            return false;
        }
        String signed = normalized(signedText);
        for (String sentence : SENTENCE_END.split(draftText)) {
            String s = normalized(sentence);
            if (s.length() >= MIN_SENTENCE_LENGTH && signed.contains(s)) {
                return true;
            }
        }
        return false;
    }

    private static String normalized(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }
}
