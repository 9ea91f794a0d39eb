package com.checkupflow.review;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import com.checkupflow.center.Center;
import com.checkupflow.center.CenterTime;
import com.checkupflow.center.Centers;
import com.checkupflow.drafting.DraftCheck;
import com.checkupflow.drafting.DraftChecker;
import com.checkupflow.judgement.JudgementJson;
import com.checkupflow.judgement.JudgementTexts;
import com.checkupflow.kernel.InputRefused;
import com.checkupflow.kernel.PatientInfo;
import com.checkupflow.kernel.RrnValidator;
import com.checkupflow.screening.PersonalData;
import com.checkupflow.screening.Screening;
import com.checkupflow.screening.ScreeningRepository;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Review decisions: validated, recorded with the reviewer, and the texts the review form shows. The text a physician
 * signs goes through the same {@link DraftChecker} as every draft: a text with findings (an abnormal result left out,
 * a wrong number, a placeholder…) is only signed with an explicit "sign anyway" and a reason, both kept in the audit.
 */
@Service
public class ReviewService {


    /**
     * A screening's review decisions with the draft each was made on ({@code review_draft}). A signing decision's {@code signed_text} is null when it signed the draft the reviewer saw unchanged: the text is
     * that draft ({@code review_draft}), kept once (decisions recorded before kept a copy).
     */
    private static final String REVIEWS = """
            SELECT r.*, COALESCE(r.draft_text, d.text) AS review_draft,
                CASE WHEN r.decision IN ('APPROVE', 'WRITE_MANUALLY') THEN COALESCE(r.signed_text, r.draft_text, d.text)
                END AS signed FROM cf_review r
            LEFT JOIN cf_draft d ON d.screening_id = r.screening_id AND d.round = r.draft_round
            WHERE r.screening_id = ?""";

    private final ScreeningRepository screenings;
    private final JudgementJson judgementJson;
    private final JudgementTexts texts;
    private final Centers centers;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final DraftChecker checker;
    private final ObjectMapper json;

    ReviewService(ScreeningRepository screenings, JudgementJson judgementJson, JudgementTexts texts, Centers centers,
                  JdbcClient jdbc, Clock clock, DraftChecker checker, ObjectMapper json) {
        this.screenings = screenings;
        this.judgementJson = judgementJson;
        this.texts = texts;
        this.centers = centers;
        this.jdbc = jdbc;
        this.clock = clock;
        this.checker = checker;
        this.json = json;
    }

    /**
     * The text to sign has check findings and the physician did not sign anyway with a reason: nothing is recorded,
     * the review stays open. The message is what the Tasklist shows.
     */
    static final class SignedTextRejected extends InputRefused {
        /** The refusal names this many findings (the Tasklist's message box is small), then how many more. */
        private static final int SHOWN_FINDINGS = 6;

        private final transient List<DraftCheck.Finding> findings;

        SignedTextRejected(List<DraftCheck.Finding> findings, boolean reasonMissing) {
            super(message(findings, reasonMissing));
            this.findings = List.copyOf(findings);
        }

        List<DraftCheck.Finding> findings() {
            return findings;
        }

        private static String message(List<DraftCheck.Finding> findings, boolean reasonMissing) {
            StringBuilder m = new StringBuilder(reasonMissing
                    ? "그대로 서명하려면 사유를 적어 주세요."
                    : "서명할 결과지 본문이 점검을 통과하지 못했습니다(" + findings.size() + "건). 본문을 고치거나, 그대로 "
                            + "서명하려면 '점검 결과를 확인했으며 그대로 서명합니다'를 선택하고 사유를 적어 주세요.");
            // staff read what was found: the words of the text and the judgement's fact; codes and English details
            // are for the API and the log
            m.append(" 점검 결과:\n").append(DraftCheck.forPhysician(findings, SHOWN_FINDINGS, "외 {0}건",
                    f -> TaskNames.text("finding." + f.type(), "ko")));
            return m.toString();
        }
    }

    /**
     * The check of a text to sign, against the screening's judgement in the report's language. When "Check draft"
     * checked exactly these inputs (the text, the judgement, the language, the critical findings and the rules: its
     * {@link DraftChecker#inputDigest} is the stored one), its stored result is that check; any other text or input is
     * checked again.
     *
     * @param checked the draft of the decision's round, as drafting stored it with its check
     */
    DraftCheck checkSignedText(String screeningId, String text, Optional<RoundDraft> checked) {
        Screening s = screenings.find(screeningId).orElseThrow();
        if (checked.isPresent() && checked.get().checkDigest() != null && checked.get().checkDigest()
                .equals(checker.inputDigest(text, s.judgementJson(), s.language(), s.criticalFindings()))) {
            List<DraftCheck.Finding> findings = DraftCheck.fromJson(json, checked.get().checkFindings());
            return new DraftCheck(findings.isEmpty(), findings);
        }
        return checker.check(text, judgementJson.read(s.judgementJson()), s.language(), s.criticalFindings());
    }

    /**
     * A round's draft as drafting stored it: its text, and the digest and findings of its text check (the digest is
     * null for a model's draft, checked with its structured answer, and for checks stored before V32).
     */
    record RoundDraft(String text, String checkDigest, String checkFindings) {
    }

    /** What the review form shows beside the draft; {@code patientProblems} is empty when there are none. */
    record ReviewContext(String judgementTable, String overallSummary, String patientProblems) {
    }

    /** @param language the center's language ({@link PatientLabel#language}), in which the problems are listed */
    ReviewContext context(String screeningId, String language) {
        Screening s = screenings.find(screeningId).orElseThrow();
        var judgement = judgementJson.read(s.judgementJson());
        return new ReviewContext(texts.judgementTable(judgement), texts.overallSummary(judgement),
                patientProblems(s, language));
    }

    /**
     * The patient-level problems (criteria §4.5: an RRN that contradicts the birth date or sex, no sex) as a list for
     * the physician, in the center's language: they change no judgement, so the reviewer must be told. A missing sex
     * says the sex the RRN gives, which the physician can confirm.
     */
    static String patientProblems(Screening s, String language) {
        StringBuilder md = new StringBuilder();
        for (String problem : s.patient().problems()) {
            String text = PatientInfo.SEX_MISSING.equals(problem)
                    ? TaskNames.format("patientProblem." + problem, language, RrnValidator.sex(s.patient().rrn())
                            .map(sex -> TaskNames.format("patientProblem.rrnSays", language,
                                    TaskNames.text("patientProblem.sex." + sex.code(), language))).orElse(""))
                    : TaskNames.text("patientProblem." + problem, language);
            md.append("- ").append(text).append('\n');
        }
        return md.toString();
    }

    /**
     * The masked patient in the language of the screening's center, as task names and form headers show it:
     * "김*수, 54세 여, 강남센터, 2026-07-07" ("김*수, 54 F, Gangnam, 2026-07-07" for a center whose language is en).
     */
    record PatientLabel(String text, String language) {
    }

    PatientLabel patientLabel(String screeningId) {
        return findPatientLabel(screeningId).orElseThrow();
    }

    /** The label of a screening; empty when no screening has the id. */
    Optional<PatientLabel> findPatientLabel(String screeningId) {
        return screenings.find(screeningId).map(this::patientLabel);
    }

    private PatientLabel patientLabel(Screening s) {
        Center center = centers.get(s.center());
        String lang = "en".equals(center.language()) ? "en" : "ko";
        String sex = TaskNames.text("sex." + (s.sex() == null ? "unknown" : s.sex().code()), lang);
        String age = s.age() < 0 ? TaskNames.text("age.unknown", lang) : TaskNames.format("age", lang, s.age());
        String name = s.patient().name() == null || s.patient().name().isBlank() ? TaskNames.text("name.unknown", lang)
                : PersonalData.maskName(s.patient().name());
        return new PatientLabel(name + ", " + age + " " + sex + ", "
                + center.displayName(lang) + (s.examDate() == null ? "" : ", " + s.examDate()), lang);
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
            problems.add("수정 요청에는 무엇을 고칠지 적어 주세요");
        }
        if (d != ReviewDecision.REQUEST_CHANGES && (finalTextRequired || finalText != null)
                && (finalText == null || finalText.isBlank())) {
            problems.add("결과지 본문이 비어 있습니다");
        }
        if (finalText != null && finalText.length() > MAX_TEXT_LENGTH) {
            problems.add("결과지 본문은 " + MAX_TEXT_LENGTH + "자를 넘을 수 없습니다 (" + finalText.length() + "자)");
        }
        if (note != null && note.length() > MAX_NOTE_LENGTH) {
            problems.add("의견은 " + MAX_NOTE_LENGTH + "자를 넘을 수 없습니다 (" + note.length() + "자)");
        }
        return problems;
    }

    /**
     * Records the decision with its reviewer, the draft it was made on and, when it signs, the signed text, a diff,
     * the edit ratio, the check of the signed text and, when it had findings, the physician's reason to sign anyway.
     *
     * @param signAnyway the physician signs although the check of the text has findings ({@code reason} required)
     * @throws InputRefused when the decision is incomplete; the task then stays open
     * @throws SignedTextRejected when the text to sign has findings and is not signed anyway with a reason
     */
    void record(String screeningId, String decision, String note, String finalText, String reviewer, String draftText,
                Integer draftRound, boolean signAnyway, String reason, boolean criticalContactOpen) {
        List<String> problems = new ArrayList<>(problems(decision, note, finalText, true));
        if (reason != null && reason.length() > MAX_NOTE_LENGTH) {
            problems.add("그대로 서명하는 사유는 " + MAX_NOTE_LENGTH + "자를 넘을 수 없습니다 (" + reason.length() + "자)");
        }
        if (!problems.isEmpty()) {
            throw new InputRefused(String.join("; ", problems));
        }
        ReviewDecision d = parse(decision);
        boolean signs = d != ReviewDecision.REQUEST_CHANGES;
        Optional<RoundDraft> roundDraft = roundDraft(screeningId, draftRound);
        DraftCheck signedCheck = signs ? checkSignedText(screeningId, finalText, roundDraft) : null;
        boolean overridden = signedCheck != null && !signedCheck.passed();
        if (overridden && (!signAnyway || reason == null || reason.isBlank())) {
            throw new SignedTextRejected(signedCheck.findings(), signAnyway);
        }
        // a report issued before the patient heard of a critical value by phone needs the physician's stated reason
        boolean contactOverridden = signs && criticalContactOpen;
        if (contactOverridden && (!signAnyway || reason == null || reason.isBlank())) {
            throw new InputRefused(TaskNames.text(signAnyway ? "refusal.signAnywayReasonMissing"
                    : "refusal.criticalContactOpen", "ko"));
        }
        jdbc.sql("""
                INSERT INTO cf_review (screening_id, decision, note, reviewer, decided_at, draft_round, draft_text,
                    signed_text, edit_ratio, signed_check_findings, signed_anyway, sign_anyway_reason)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(screeningId, d.name(), note, reviewer, Timestamp.from(clock.instant()), draftRound,
                        roundDraft.map(RoundDraft::text).filter(Predicate.isEqual(draftText)).isPresent()
                                ? null : draftText,
                        signs && !finalText.equals(draftText) ? finalText : null,
                        signs ? TextDiff.editRatio(draftText, finalText) : null,
                        signs ? DraftCheck.toJson(json, signedCheck.findings()) : null,
                        signs ? overridden || contactOverridden : null,
                        overridden || contactOverridden ? reason.strip() : null)
                .update();
    }

    /**
     * The round's draft as stored by drafting, read once for both of its uses: a decision on that very text keeps no
     * copy of it ({@code draft_text} null, read back from cf_draft by {@link #REVIEWS}; a text the reviewer saw that
     * differs from it is kept), and signing it takes its check when the inputs are the same.
     */
    private Optional<RoundDraft> roundDraft(String screeningId, Integer draftRound) {
        return draftRound == null ? Optional.empty() : jdbc.sql(
                        "SELECT text, check_digest, check_findings FROM cf_draft WHERE screening_id = ? AND round = ?")
                .params(screeningId, draftRound).query((rs, n) -> new RoundDraft(rs.getString("text"),
                        rs.getString("check_digest"), rs.getString("check_findings"))).optional();
    }

    /**
     * The line diff draft -> signed, computed when read: it follows from the two stored texts, and storing it was a
     * further copy of the report text. Decisions recorded before were stored with theirs.
     */
    private static String diff(ResultSet rs) throws SQLException {
        String stored = rs.getString("text_diff");
        String signed = rs.getString("signed");
        return stored != null || signed == null ? stored : TextDiff.lineDiff(rs.getString("review_draft"), signed);
    }

    /** Null when the decision signed nothing (no check of a signed text was stored). */
    private List<DraftCheck.Finding> findings(String findingsJson) {
        return findingsJson == null ? null : DraftCheck.fromJson(json, findingsJson);
    }

    /**
     * One recorded review decision. {@code signedCheckFindings} is null when the decision signs nothing;
     * {@code signedAnyway} says the physician signed despite those findings, for {@code signAnywayReason}.
     */
    record ReviewRecord(String decision, String note, String reviewer, Instant decidedAt, Integer draftRound,
                        String draftText, String signedText, String diff, BigDecimal editRatio,
                        List<DraftCheck.Finding> signedCheckFindings, Boolean signedAnyway, String signAnywayReason) {
    }

    List<ReviewRecord> history(String screeningId) {
        return jdbc.sql(REVIEWS + " ORDER BY r.id").param(screeningId)
                .query((rs, n) -> new ReviewRecord(rs.getString("decision"), rs.getString("note"),
                        rs.getString("reviewer"), rs.getTimestamp("decided_at").toInstant(),
                        (Integer) rs.getObject("draft_round", Integer.class), rs.getString("review_draft"),
                        rs.getString("signed"), diff(rs), rs.getBigDecimal("edit_ratio"),
                        findings(rs.getString("signed_check_findings")), (Boolean) rs.getObject("signed_anyway", Boolean.class),
                        rs.getString("sign_anyway_reason")))
                .list();
    }

    /**
     * The top of a review reopened after "Request changes": the draft round, what the drafter did with the note, and
     * every earlier note with its round, reviewer and time (markdown). Empty on a first review. The round's drafter
     * ("template" or a model) is read from its stored draft, only for a reopened review.
     */
    String reopenedNote(String screeningId, int draftRound) {
        List<ReviewRecord> requests = history(screeningId).stream()
                .filter(r -> ReviewDecision.REQUEST_CHANGES.name().equals(r.decision())).toList();
        if (requests.isEmpty()) {
            return "";
        }
        String provider = jdbc.sql("SELECT provider FROM cf_draft WHERE screening_id = ? AND round = ?")
                .params(screeningId, draftRound).query(String.class).optional().orElse(null);
        StringBuilder md = new StringBuilder("#### ✎ 수정 요청 ").append(requests.size()).append("회 후 다시 열린 검토 (초안 ")
                .append(draftRound).append("회차)\n\n");
        md.append(provider != null && provider.startsWith("template")
                ? "오프라인 템플릿은 의견대로 문장을 다시 쓰지 못합니다. 아래 본문은 수정 요청 때의 내용 그대로입니다: 의견대로 직접 고친 뒤 승인하세요."
                : "초안 작성 모델이 아래 의견을 반영해 다시 작성했습니다. 본문을 확인하고 필요하면 고치세요.");
        md.append("\n\n**이전 의견**\n\n");
        for (ReviewRecord r : requests) {
            md.append("- ").append(r.draftRound() == null ? "" : r.draftRound() + "회차 초안 · ").append(r.reviewer())
                    .append(" · ").append(CenterTime.format(r.decidedAt())).append(": ")
                    .append(r.note() == null ? "" : r.note().strip().replace("\n", " ")).append('\n');
        }
        return md.toString();
    }

    /**
     * The decision that signed the report.
     *
     * @param draftRound the round of the draft the decision was made on
     * @param draftText  that draft as the reviewer saw it
     */
    public record Signature(String reviewer, String decision, Integer draftRound, String draftText, String signedText) {
    }

    /** The latest approving or self-written decision. */
    public Optional<Signature> signature(String screeningId) {
        return jdbc.sql(REVIEWS + " AND r.decision IN ('APPROVE', 'WRITE_MANUALLY') ORDER BY r.id DESC"
                        + " FETCH FIRST 1 ROWS ONLY").param(screeningId)
                .query((rs, n) -> new Signature(rs.getString("reviewer"), rs.getString("decision"),
                        (Integer) rs.getObject("draft_round", Integer.class), rs.getString("review_draft"),
                        rs.getString("signed")))
                .optional();
    }

    private static ReviewDecision parse(String decision) {
        try {
            return ReviewDecision.valueOf(decision);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InputRefused("검토 결정을 고르세요 (" + Arrays.toString(ReviewDecision.values()) + ")");
        }
    }
}
