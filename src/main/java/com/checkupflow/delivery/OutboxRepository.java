package com.checkupflow.delivery;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code cf_outbox} and {@code cf_delivery_receipt}. */
@Repository
class OutboxRepository {

    enum Status { PENDING, SENT, FAILED, DELIVERED_MANUALLY }

    /** @param received whether the channel's hand-over was recorded ({@code cf_delivery_receipt}) */
    record OutboxMessage(long id, String screeningId, String kind, String channel, String idempotencyKey,
                         Status status, int attempts, boolean received) {
    }

    /** What the API shows of a message: its state and, once handed over, the channel's receipt. */
    record Delivery(String channel, Status status, int attempts, String lastError, Instant createdAt, Instant sentAt,
                    String resolvedBy, String messageId) {
    }

    private final JdbcClient jdbc;

    OutboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the message unless one with the key exists (an issue step that runs again adds nothing). */
    void insertIfAbsent(String screeningId, String kind, String channel, String key, Instant now) {
        jdbc.sql("""
                INSERT INTO cf_outbox (screening_id, kind, channel, idempotency_key, status, attempts, created_at)
                SELECT ?, ?, ?, ?, 'PENDING', 0, ? FROM (VALUES (1)) AS one (x)
                WHERE NOT EXISTS (SELECT 1 FROM cf_outbox WHERE idempotency_key = ?)""")
                .params(screeningId, kind, channel, key, Timestamp.from(now), key)
                .update();
    }

    /** The message with whether its receipt exists, in one statement. */
    Optional<OutboxMessage> find(String key) {
        return jdbc.sql("""
                SELECT o.*, r.idempotency_key AS receipt FROM cf_outbox o
                LEFT JOIN cf_delivery_receipt r ON r.idempotency_key = o.idempotency_key
                WHERE o.idempotency_key = ?""").param(key)
                .query((rs, n) -> new OutboxMessage(rs.getLong("id"), rs.getString("screening_id"),
                        rs.getString("kind"), rs.getString("channel"), rs.getString("idempotency_key"),
                        Status.valueOf(rs.getString("status")), rs.getInt("attempts"), rs.getString("receipt") != null))
                .optional();
    }

    Optional<Delivery> delivery(String key) {
        return jdbc.sql("""
                SELECT o.channel, o.status, o.attempts, o.last_error, o.created_at, o.sent_at, o.resolved_by, r.message_id
                FROM cf_outbox o LEFT JOIN cf_delivery_receipt r ON r.idempotency_key = o.idempotency_key
                WHERE o.idempotency_key = ?""").param(key)
                .query((rs, n) -> new Delivery(rs.getString("channel"), Status.valueOf(rs.getString("status")),
                        rs.getInt("attempts"), rs.getString("last_error"), instant(rs.getTimestamp("created_at")),
                        instant(rs.getTimestamp("sent_at")), rs.getString("resolved_by"), rs.getString("message_id")))
                .optional();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    void markSent(long id, Instant now) {
        jdbc.sql("UPDATE cf_outbox SET status = 'SENT', sent_at = ?, last_error = NULL WHERE id = ?")
                .params(Timestamp.from(now), id).update();
    }

    void markDeliveredManually(long id, String by, String note, Instant now) {
        jdbc.sql("""
                UPDATE cf_outbox SET status = 'DELIVERED_MANUALLY', sent_at = ?, resolved_by = ?, resolution_note = ?,
                    last_error = NULL
                WHERE id = ?""").params(Timestamp.from(now), by, note, id).update();
    }

    /** @return the failed attempts so far */
    int recordFailure(long id, String reason) {
        jdbc.sql("UPDATE cf_outbox SET status = 'FAILED', attempts = attempts + 1, last_error = ? WHERE id = ?")
                .params(reason, id).update();
        return jdbc.sql("SELECT attempts FROM cf_outbox WHERE id = ?").param(id).query(Integer.class).single();
    }

    void retry(long id, String channel, String by) {
        jdbc.sql("UPDATE cf_outbox SET status = 'PENDING', attempts = 0, channel = ?, resolved_by = ? WHERE id = ?")
                .params(channel, by, id).update();
    }

    void insertReceipt(String key, String channel, String messageId, Instant now) {
        jdbc.sql("INSERT INTO cf_delivery_receipt (idempotency_key, channel, message_id, sent_at) VALUES (?, ?, ?, ?)")
                .params(key, channel, messageId, Timestamp.from(now)).update();
    }
}
