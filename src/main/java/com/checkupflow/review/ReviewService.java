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

import com.checkupflow.center.Center;
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
    record ReviewContext(String judgementTable, String overallSummary) {
    }

    ReviewContext context(String screeningId) {
        Screening s = screenings.find(screeningId).orElseThrow();
        var judgement = judgementJson.read(s.judgementJson());
        return new ReviewContext(texts.judgementTable(judgement), texts.overallSummary(judgement));
    }

    /**
     * The masked patient in the language of the screening's center, as task names and form headers show it:
     * "김*수, 54세 여, 강남센터, 2026-07-07" ("김*수, 54 F, Gangnam, 2026-07-07" for a center whose language is en).
     */
    record PatientLabel(String text, String language) {
    }

    PatientLabel patientLabel(String screeningId) {
        Screening s = screenings.find(screeningId).orElseThrow();
        Center center = centers.get(s.center());
        String lang = "en".equals(center.language()) ? "en" : "ko";
        String sex = s.sex() == null ? "?" : TaskNames.text("sex." + s.sex().code(), lang);
        String age = s.age() < 0 ? "?" : TaskNames.format("age", lang, s.age());
        return new PatientLabel(PersonalData.maskName(s.patient().name()) + ", " + age + " " + sex + ", "
                + center.displayName(lang) + (s.examDate() == null ? "" : ", " + s.examDate()), lang);
    }

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
            problems.add("수정 요청에는 무엇을 고칠지 적어 주세요");
        }
        if (d != ReviewDecision.REQUEST_CHANGES && (finalTextRequired || finalText != null)
                && (finalText == null || finalText.isBlank())) {
            problems.add("결과지 본문이 비어 있습니다");
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
            throw new IllegalArgumentException("검토 결정을 고르세요 (" + Arrays.toString(ReviewDecision.values()) + ")");
        }
    }
}
