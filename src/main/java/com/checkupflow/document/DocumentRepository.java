package com.checkupflow.document;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code cf_document}: one drafted document per screening and output variable, and its review. */
@Repository
class DocumentRepository {

    record StoredDocument(String screeningId, String outputVariable, String kind, String language, String text,
                          String answerJson, String provider, String model, String promptVersion, boolean fallback,
                          String checkProfile, boolean checkPassed, String checkFindings, String inputSha256,
                          Integer attempts, Instant createdAt, String finalText, String reviewedBy, Instant reviewedAt) {
    }

    private final JdbcClient jdbc;

    DocumentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StoredDocument> find(String screeningId, String outputVariable) {
        return jdbc.sql("SELECT * FROM cf_document WHERE screening_id = ? AND output_variable = ?")
                .params(screeningId, outputVariable).query(this::map).optional();
    }

    List<StoredDocument> all(String screeningId) {
        return jdbc.sql("SELECT * FROM cf_document WHERE screening_id = ? ORDER BY created_at, output_variable")
                .param(screeningId).query(this::map).list();
    }

    /** Stores the document unless one is stored for the screening and output variable already; the stored one. */
    StoredDocument saveIfAbsent(StoredDocument d) {
        try {
            jdbc.sql("""
                    INSERT INTO cf_document (screening_id, output_variable, kind, language, draft_text, answer_json,
                        provider, model, prompt_version, fallback, check_profile, check_passed, check_findings,
                        input_sha256, attempts, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(d.screeningId(), d.outputVariable(), d.kind(), d.language(), d.text(), d.answerJson(),
                            d.provider(), d.model(), d.promptVersion(), d.fallback(), d.checkProfile(), d.checkPassed(),
                            d.checkFindings(), d.inputSha256(), d.attempts(), Timestamp.from(d.createdAt()))
                    .update();
        } catch (DuplicateKeyException redelivered) {
            // a redelivered task: the first stored document stands
        }
        return find(d.screeningId(), d.outputVariable()).orElseThrow();
    }

    void saveReview(String screeningId, String outputVariable, String finalText, String reviewer, Instant at) {
        jdbc.sql("""
                UPDATE cf_document SET final_text = ?, reviewed_by = ?, reviewed_at = ?
                WHERE screening_id = ? AND output_variable = ?""")
                .params(finalText, reviewer, Timestamp.from(at), screeningId, outputVariable).update();
    }

    private StoredDocument map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Timestamp reviewed = rs.getTimestamp("reviewed_at");
        return new StoredDocument(rs.getString("screening_id"), rs.getString("output_variable"), rs.getString("kind"),
                rs.getString("language"), rs.getString("draft_text"), rs.getString("answer_json"),
                rs.getString("provider"), rs.getString("model"), rs.getString("prompt_version"),
                rs.getBoolean("fallback"), rs.getString("check_profile"), rs.getBoolean("check_passed"),
                rs.getString("check_findings"), rs.getString("input_sha256"), (Integer) rs.getObject("attempts"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("final_text"), rs.getString("reviewed_by"),
                reviewed == null ? null : reviewed.toInstant());
    }
}
