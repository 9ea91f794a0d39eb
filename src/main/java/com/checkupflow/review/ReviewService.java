package com.checkupflow.review;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import com.checkupflow.center.Centers;
import com.checkupflow.judgement.JudgementJson;
import com.checkupflow.judgement.JudgementTexts;
import com.checkupflow.screening.PersonalData;
import com.checkupflow.screening.Screening;
import com.checkupflow.screening.ScreeningRepository;

/** Review decisions: validated, recorded with the reviewer, and the texts the review form shows. */
@Service
public class ReviewService {

    private final ScreeningRepository screenings;
    private final JudgementJson judgementJson;
    private final JudgementTexts texts;
    private final Centers centers;
    private final JdbcClient jdbc;
    private final Clock clock;

    ReviewService(ScreeningRepository screenings, JudgementJson judgementJson, JudgementTexts texts, Centers centers,
                  JdbcClient jdbc, Clock clock) {
        this.screenings = screenings;
        this.judgementJson = judgementJson;
        this.texts = texts;
        this.centers = centers;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What the review form shows beside the draft. */
    record ReviewContext(String taskName, String patientLabel, String judgementTable, String overallSummary) {
    }

    ReviewContext context(String screeningId) {
        Screening s = screenings.find(screeningId).orElseThrow();
        String label = label(s);
        var judgement = judgementJson.read(s.judgementJson());
        return new ReviewContext("Review report – " + label, label, texts.judgementTable(judgement),
                texts.overallSummary(judgement));
    }

    /** The masked patient the task forms show in their header, e.g. "김*수, 44 M, Gangnam, 2026-03-02". */
    String patientLabel(String screeningId) {
        return label(screenings.find(screeningId).orElseThrow());
    }

    private String label(Screening s) {
        String sex = s.sex() == null ? "?" : s.sex().code().substring(0, 1).toUpperCase();
        return PersonalData.maskName(s.patient().name()) + ", " + (s.age() < 0 ? "?" : s.age()) + " " + sex
                + ", " + centers.get(s.center()).nameEn() + ", " + (s.examDate() == null ? "" : s.examDate());
    }

    /** The longest report text a physician may sign (characters): a full A4 page of dense text is about 3,000. */
    static final int MAX_TEXT_LENGTH = 20_000;
    /** The longest request-changes note (characters). */
    static final int MAX_NOTE_LENGTH = 10_000;

    /** @return what is wrong with the decision (empty when it is complete); {@code finalText} null means "unchanged" */
    static List<String> problems(String decision, String note, String finalText, boolean finalTextRequired) {
        List<String> problems = new ArrayList<>();
        ReviewDecision d;
        try {
            d = parse(decision);
        } catch (IllegalArgumentException e) {
            return List.of(e.getMessage());
        }
        if (d == ReviewDecision.REQUEST_CHANGES && (note == null || note.isBlank())) {
            problems.add("수정 요청에는 의견(reviewNote)이 필요합니다");
        }
        if (d != ReviewDecision.REQUEST_CHANGES && (finalTextRequired || finalText != null)
                && (finalText == null || finalText.isBlank())) {
            problems.add("최종 소견(finalText)이 비어 있습니다");
        }
        if (finalText != null && finalText.length() > MAX_TEXT_LENGTH) {
            problems.add("최종 소견(finalText)은 " + MAX_TEXT_LENGTH + "자를 넘을 수 없습니다 (" + finalText.length() + "자)");
        }
        if (note != null && note.length() > MAX_NOTE_LENGTH) {
            problems.add("의견(reviewNote)은 " + MAX_NOTE_LENGTH + "자를 넘을 수 없습니다 (" + note.length() + "자)");
        }
        return problems;
    }

    /**
     * Records the decision with its reviewer, the draft it was made on and, when it signs, the signed text, a diff
     * and the edit ratio.
     *
     * @throws IllegalArgumentException when the decision is incomplete; the task then stays open
     */
    void record(String screeningId, String decision, String note, String finalText, String reviewer, String draftText,
                Integer draftRound) {
        List<String> problems = problems(decision, note, finalText, true);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        ReviewDecision d = parse(decision);
        boolean signs = d != ReviewDecision.REQUEST_CHANGES;
        jdbc.sql("""
                INSERT INTO cf_review (screening_id, decision, note, reviewer, decided_at, draft_round, draft_text,
                    signed_text, text_diff, edit_ratio) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(screeningId, d.name(), note, reviewer, Timestamp.from(clock.instant()), draftRound, draftText,
                        signs ? finalText : null, signs ? TextDiff.lineDiff(draftText, finalText) : null,
                        signs ? TextDiff.editRatio(draftText, finalText) : null)
                .update();
    }

    /** One recorded review decision. */
    record ReviewRecord(String decision, String note, String reviewer, Instant decidedAt, Integer draftRound,
                        String draftText, String signedText, String diff, BigDecimal editRatio) {
    }

    List<ReviewRecord> history(String screeningId) {
        return jdbc.sql("SELECT * FROM cf_review WHERE screening_id = ? ORDER BY id").param(screeningId)
                .query((rs, n) -> new ReviewRecord(rs.getString("decision"), rs.getString("note"),
                        rs.getString("reviewer"), rs.getTimestamp("decided_at").toInstant(),
                        (Integer) rs.getObject("draft_round", Integer.class), rs.getString("draft_text"),
                        rs.getString("signed_text"), rs.getString("text_diff"), rs.getBigDecimal("edit_ratio")))
                .list();
    }

    /** Who signed: the reviewer of the latest approving or self-written decision. */
    public Optional<String> signer(String screeningId) {
        return jdbc.sql("""
                SELECT reviewer FROM cf_review WHERE screening_id = ? AND decision IN ('APPROVE', 'WRITE_MANUALLY')
                ORDER BY id DESC FETCH FIRST 1 ROWS ONLY""").param(screeningId).query(String.class).optional();
    }

    private static ReviewDecision parse(String decision) {
        try {
            return ReviewDecision.valueOf(decision);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("reviewDecision must be one of " + Arrays.toString(ReviewDecision.values()));
        }
    }
}
