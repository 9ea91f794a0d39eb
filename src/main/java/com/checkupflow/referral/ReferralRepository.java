package com.checkupflow.referral;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.checkupflow.privacy.FieldCipher;

/** {@code cf_referral}: one referral letter per screening, its draft, signature, appointment and rendered letter. */
@Repository
class ReferralRepository {

    /** Encrypted: the letter prints the patient's name. */
    static final String LETTER_HTML = "cf_referral.letter_html";

    /** A stored referral; {@code letterHtml} is null until signed. */
    record Referral(String screeningId, String units, String draftText, String finalText, String letterHtml,
                    String signedBy, Instant signedAt, Instant appointmentAt, String appointmentPlace,
                    String provider, String promptVersion, boolean fallback, Boolean checkPassed, String checkFindings) {
    }

    /** An unsigned draft: its text and the findings of its failed check (JSON), null when it passed or none ran. */
    record UnsignedDraft(String text, String failedCheckFindings) {
    }

    private final JdbcClient jdbc;
    private final FieldCipher cipher;

    ReferralRepository(JdbcClient jdbc, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    Optional<UnsignedDraft> unsignedDraft(String screeningId, String units) {
        return jdbc.sql("""
                SELECT draft_text, check_passed, check_findings FROM cf_referral
                WHERE screening_id = ? AND units = ? AND signed_at IS NULL""")
                .params(screeningId, units)
                .query((rs, n) -> new UnsignedDraft(rs.getString("draft_text"),
                        Boolean.FALSE.equals(rs.getObject("check_passed", Boolean.class)) ? rs.getString("check_findings") : null))
                .optional();
    }

    /** Replaces the screening's letter with a new draft; run inside the caller's transaction. */
    void replaceDraft(String screeningId, String units, String text, String provider, String promptVersion,
                      boolean fallback, Boolean checkPassed, String checkFindings, String inputSha256) {
        jdbc.sql("DELETE FROM cf_referral WHERE screening_id = ?").param(screeningId).update();
        jdbc.sql("""
                INSERT INTO cf_referral (screening_id, units, draft_text, provider, prompt_version, fallback,
                    check_passed, check_findings, input_sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(screeningId, units, text, provider, promptVersion, fallback, checkPassed, checkFindings, inputSha256)
                .update();
    }

    /** Signs the letter with the check of the signed text ({@code checkFindings} JSON) and, despite findings, the reason. */
    void sign(String screeningId, String finalText, String physician, Instant at, String checkFindings,
              boolean signedAnyway, String reason) {
        jdbc.sql("""
                UPDATE cf_referral SET final_text = ?, signed_by = ?, signed_at = ?, signed_check_findings = ?,
                    signed_anyway = ?, sign_anyway_reason = ? WHERE screening_id = ?""")
                .params(finalText, physician, Timestamp.from(at), checkFindings, signedAnyway, reason, screeningId).update();
    }

    /** The stored check of the signed letter: its findings (JSON), whether it was signed anyway, and why. */
    record SignedCheck(String findings, Boolean signedAnyway, String reason) {
    }

    Optional<SignedCheck> signedCheck(String screeningId) {
        return jdbc.sql("SELECT signed_check_findings, signed_anyway, sign_anyway_reason FROM cf_referral WHERE screening_id = ?")
                .param(screeningId)
                .query((rs, n) -> new SignedCheck(rs.getString(1), (Boolean) rs.getObject(2, Boolean.class), rs.getString(3)))
                .optional();
    }

    void book(String screeningId, Instant at, String place, String coordinator) {
        jdbc.sql("UPDATE cf_referral SET appointment_at = ?, appointment_place = ?, booked_by = ? WHERE screening_id = ?")
                .params(Timestamp.from(at), place, coordinator, screeningId).update();
    }

    void saveLetterHtml(String screeningId, String html) {
        jdbc.sql("UPDATE cf_referral SET letter_html = ? WHERE screening_id = ?")
                .params(cipher.encrypt(html, LETTER_HTML, screeningId), screeningId).update();
    }

    Optional<Referral> find(String screeningId) {
        return jdbc.sql("SELECT * FROM cf_referral WHERE screening_id = ?").param(screeningId)
                .query((rs, n) -> new Referral(rs.getString("screening_id"), rs.getString("units"),
                        rs.getString("draft_text"), rs.getString("final_text"),
                        cipher.decrypt(rs.getString("letter_html"), LETTER_HTML, screeningId),
                        rs.getString("signed_by"), instant(rs.getTimestamp("signed_at")),
                        instant(rs.getTimestamp("appointment_at")), rs.getString("appointment_place"),
                        rs.getString("provider"), rs.getString("prompt_version"), rs.getBoolean("fallback"),
                        (Boolean) rs.getObject("check_passed"), rs.getString("check_findings")))
                .optional();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
