package com.checkupflow.drafting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every draft of every round, with its provenance and check result (the audit trail of AI drafting). */
@Repository
class DraftRepository {

    private final JdbcClient jdbc;

    DraftRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record StoredDraft(String screeningId, int round, String text, String provider, String model, String promptVersion,
                       boolean fallback, Instant createdAt, Boolean checkPassed, String checkFindings,
                       String inputSha256, Integer tokensIn, Integer tokensOut, Long latencyMs, int attempts,
                       String evidence, int reasks, String answer) {
    }

    /**
     * Keeps the first draft of a round: a redelivered step must never produce two drafts. Two workers racing
     * for the same round (a lock that expired) meet at the unique key; the loser gets the winner's draft.
     */
    StoredDraft saveIfAbsent(String screeningId, int round, Draft draft, Instant at) {
        Optional<StoredDraft> existing = find(screeningId, round);
        if (existing.isPresent()) {
            return existing.get();
        }
        Draft.Audit a = draft.audit();
        try {
            jdbc.sql("""
                    INSERT INTO cf_draft (screening_id, round, text, provider, model, prompt_version, fallback, created_at,
                                          input_sha256, tokens_in, tokens_out, latency_ms, attempts, evidence, reasks, answer)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(screeningId, round, draft.text(), draft.provider(), draft.model(), draft.promptVersion(),
                            draft.fallback(), Timestamp.from(at), a.inputSha256(), a.tokensIn(), a.tokensOut(),
                            a.latencyMs(), a.attempts(), a.evidenceJson(), a.reasks(), a.answerJson())
                    .update();
        } catch (DuplicateKeyException concurrentDraft) {
            // the other worker's draft of this round stands
        }
        return find(screeningId, round).orElseThrow();
    }

    /** @param inputDigest {@link DraftChecker#inputDigest} of the text check; null when the check was another */
    void saveCheck(String screeningId, int round, boolean passed, String findingsJson, String inputDigest) {
        jdbc.sql("UPDATE cf_draft SET check_passed = ?, check_findings = ?, check_digest = ? WHERE screening_id = ? AND round = ?")
                .params(passed, findingsJson, inputDigest, screeningId, round).update();
    }

    Optional<StoredDraft> find(String screeningId, int round) {
        return jdbc.sql("SELECT * FROM cf_draft WHERE screening_id = ? AND round = ?").params(screeningId, round)
                .query(DraftRepository::map).optional();
    }

    Optional<StoredDraft> latest(String screeningId) {
        return jdbc.sql("SELECT * FROM cf_draft WHERE screening_id = ? ORDER BY round DESC FETCH FIRST 1 ROWS ONLY")
                .param(screeningId).query(DraftRepository::map).optional();
    }

    private static StoredDraft map(ResultSet rs, int row) throws SQLException {
        return new StoredDraft(rs.getString("screening_id"), rs.getInt("round"), rs.getString("text"),
                rs.getString("provider"), rs.getString("model"), rs.getString("prompt_version"),
                rs.getBoolean("fallback"), rs.getTimestamp("created_at").toInstant(),
                (Boolean) rs.getObject("check_passed"), rs.getString("check_findings"),
                rs.getString("input_sha256"), (Integer) rs.getObject("tokens_in"), (Integer) rs.getObject("tokens_out"),
                rs.getObject("latency_ms") == null ? null : rs.getLong("latency_ms"), rs.getInt("attempts"),
                rs.getString("evidence"), rs.getInt("reasks"), rs.getString("answer"));
    }
}
