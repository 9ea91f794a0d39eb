package com.checkupflow.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The append-only access log with its hash chain: every row's hash is the HMAC of its content and the previous
 * row's hash. Appends lock the chain's head row, so the chain has one order also with several instances. Retention
 * removes the oldest rows and records an anchor (the last removed row's hash) that verification starts from.
 */
@Service
class AccessLog {

    static final String GENESIS = "0".repeat(64);
    private static final Logger log = LoggerFactory.getLogger(AccessLog.class);

    /** Who read what, before it gets its place in the chain. */
    record Access(String userId, List<String> roles, List<String> centers, String screeningId, String action,
                  String resource, String clientAddress, boolean allowed, int httpStatus) {
    }

    /**
     * The result of a chain check.
     *
     * @param firstBrokenSeq the first row that does not fit the chain (null when intact)
     * @param problem        what is wrong with it
     */
    record ChainCheck(boolean intact, long rowsChecked, Long anchoredAfter, Long firstBrokenSeq, String problem) {
    }

    private record Head(long lastSeq, String lastHash) {
    }

    private record Anchor(long throughSeq, String anchorHash, String mac) {
    }

    private final JdbcClient jdbc;
    private final AccessChainKey key;
    private final ObjectMapper json;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;
    private final AuditProperties properties;
    private final MeterRegistry meters;
    private final Counter unusualVolume;

    AccessLog(JdbcClient jdbc, AccessChainKey key, ObjectMapper json, Clock clock,
              PlatformTransactionManager transactions, AuditProperties properties, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.key = key;
        this.json = json;
        this.clock = clock;
        this.properties = properties;
        this.meters = meters;
        this.ownTransaction = new TransactionTemplate(transactions);
        // The row is kept even when the caller's transaction (if any) rolls back: the read has happened.
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.unusualVolume = Counter.builder("checkupflow.access.unusual.volume")
                .description("Times a user read more distinct screenings within an hour than checkupflow.audit.unusual-volume-threshold")
                .register(meters);
    }

    /** Appends one row to the chain in its own transaction. */
    void record(Access access) {
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String center = access.screeningId() == null ? null : centerOf(access.screeningId());
        ownTransaction.executeWithoutResult(status -> {
            Head head = jdbc.sql("SELECT last_seq, last_hash FROM cf_access_log_head WHERE id = 1 FOR UPDATE")
                    .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).single();
            AccessRecord row = new AccessRecord(head.lastSeq() + 1, at, access.userId(), joined(access.roles()),
                    joined(access.centers()), access.screeningId(), center, access.action(),
                    abbreviated(access.resource()), access.clientAddress(),
                    access.allowed() ? AccessRecord.ALLOWED : AccessRecord.DENIED, access.httpStatus(), head.lastHash(),
                    null);
            String hash = hash(row);
            jdbc.sql("""
                    INSERT INTO cf_access_log (seq, accessed_at, user_id, user_roles, user_centers, screening_id,
                        screening_center, action, resource, client_address, result, http_status, prev_hash, hash)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(row.seq(), OffsetDateTime.ofInstant(at, ZoneOffset.UTC), row.userId(), row.userRoles(),
                            row.userCenters(), row.screeningId(), row.screeningCenter(), row.action(), row.resource(),
                            row.clientAddress(), row.result(), row.httpStatus(), row.prevHash(), hash)
                    .update();
            jdbc.sql("UPDATE cf_access_log_head SET last_seq = ?, last_hash = ? WHERE id = 1")
                    .params(row.seq(), hash).update();
        });
        meters.counter("checkupflow.access.records", "action", access.action(),
                "result", access.allowed() ? "allowed" : "denied").increment();
        if (access.allowed() && access.screeningId() != null) {
            checkVolume(access.userId(), access.screeningId(), at);
        }
    }

    /**
     * Counts the alert once, when this read makes the user's distinct screenings of the last hour exceed the
     * threshold. The log line names the user only: no screening, no patient.
     */
    private void checkVolume(String userId, String screeningId, Instant at) {
        OffsetDateTime since = OffsetDateTime.ofInstant(at.minus(Duration.ofHours(1)), ZoneOffset.UTC);
        long distinct = jdbc.sql("""
                SELECT COUNT(DISTINCT screening_id) FROM cf_access_log
                WHERE user_id = ? AND accessed_at >= ? AND screening_id IS NOT NULL AND result = 'ALLOWED'""")
                .params(userId, since).query(Long.class).single();
        if (distinct != properties.unusualVolumeThreshold() + 1L) {
            return;
        }
        long readsOfThis = jdbc.sql("""
                SELECT COUNT(*) FROM cf_access_log
                WHERE user_id = ? AND accessed_at >= ? AND screening_id = ? AND result = 'ALLOWED'""")
                .params(userId, since, screeningId).query(Long.class).single();
        if (readsOfThis == 1) {
            unusualVolume.increment();
            log.warn("Unusual access volume: user {} read more than {} distinct screenings within an hour", userId,
                    properties.unusualVolumeThreshold());
        }
    }

    /** The rows accessed in [from, to), oldest first. */
    List<AccessRecord> between(Instant from, Instant to) {
        return jdbc.sql("SELECT * FROM cf_access_log WHERE accessed_at >= ? AND accessed_at < ? ORDER BY seq")
                .params(OffsetDateTime.ofInstant(from, ZoneOffset.UTC), OffsetDateTime.ofInstant(to, ZoneOffset.UTC))
                .query(AccessLog::map).list();
    }

    /** Verifies the chain from the latest anchor (or the start) to the head, row by row in order. */
    ChainCheck verify() {
        Optional<Anchor> anchor = jdbc.sql("""
                SELECT through_seq, anchor_hash, mac FROM cf_access_log_anchor ORDER BY through_seq DESC
                FETCH FIRST 1 ROWS ONLY""").query((rs, n) -> new Anchor(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .optional();
        Long anchoredAfter = anchor.map(Anchor::throughSeq).orElse(null);
        if (anchor.isPresent() && !key.mac(anchorContent(anchor.get().throughSeq(), anchor.get().anchorHash()))
                .equals(anchor.get().mac())) {
            return new ChainCheck(false, 0, anchoredAfter, anchor.get().throughSeq(),
                    "the retention anchor after row " + anchor.get().throughSeq() + " was not written with the chain key");
        }
        long start = anchor.map(Anchor::throughSeq).orElse(0L);
        String[] previousHash = {anchor.map(Anchor::anchorHash).orElse(GENESIS)};
        long[] expectedSeq = {start + 1};
        long[] checked = {0};
        ChainCheck[] broken = {null};
        jdbc.sql("SELECT * FROM cf_access_log WHERE seq > ? ORDER BY seq").param(start).query(rs -> {
            if (broken[0] != null) {
                return;
            }
            AccessRecord row = map(rs, 0);
            String problem = null;
            if (row.seq() != expectedSeq[0]) {
                problem = "rows " + expectedSeq[0] + " to " + (row.seq() - 1) + " are missing";
            } else if (!row.prevHash().equals(previousHash[0])) {
                problem = "its previous-row hash does not match row " + (row.seq() - 1);
            } else if (!hash(row).equals(row.hash())) {
                problem = "its content does not match its hash (edited)";
            }
            if (problem != null) {
                broken[0] = new ChainCheck(false, checked[0], anchoredAfter, row.seq(), problem);
                return;
            }
            checked[0]++;
            previousHash[0] = row.hash();
            expectedSeq[0]++;
        });
        if (broken[0] != null) {
            return broken[0];
        }
        Head head = jdbc.sql("SELECT last_seq, last_hash FROM cf_access_log_head WHERE id = 1")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).single();
        if (head.lastSeq() != expectedSeq[0] - 1 || !head.lastHash().equals(previousHash[0])) {
            return new ChainCheck(false, checked[0], anchoredAfter, expectedSeq[0],
                    "rows " + expectedSeq[0] + " to " + head.lastSeq() + " (the newest) are missing or changed");
        }
        return new ChainCheck(true, checked[0], anchoredAfter, null, null);
    }

    /**
     * Removes the rows accessed before {@code cutoff} and anchors the chain at the last of them.
     *
     * @return the number of rows removed
     */
    long removeBefore(Instant cutoff) {
        Long removed = ownTransaction.execute(status -> {
            jdbc.sql("SELECT last_seq FROM cf_access_log_head WHERE id = 1 FOR UPDATE").query(Long.class).single();
            Optional<AccessRecord> last = jdbc.sql("""
                    SELECT * FROM cf_access_log WHERE accessed_at < ? ORDER BY seq DESC FETCH FIRST 1 ROWS ONLY""")
                    .param(OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC)).query(AccessLog::map).optional();
            if (last.isEmpty()) {
                return 0L;
            }
            long through = last.get().seq();
            long count = jdbc.sql("DELETE FROM cf_access_log WHERE seq <= ?").param(through).update();
            jdbc.sql("""
                    INSERT INTO cf_access_log_anchor (through_seq, anchor_hash, removed_rows, removed_at, mac)
                    VALUES (?, ?, ?, ?, ?)""")
                    .params(through, last.get().hash(), count, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC),
                            key.mac(anchorContent(through, last.get().hash())))
                    .update();
            return count;
        });
        return removed == null ? 0 : removed;
    }

    private String hash(AccessRecord r) {
        try {
            return key.mac(json.writeValueAsString(Arrays.asList(r.seq(), r.accessedAt().toString(), r.userId(),
                    r.userRoles(), r.userCenters(), r.screeningId(), r.screeningCenter(), r.action(), r.resource(),
                    r.clientAddress(), r.result(), r.httpStatus(), r.prevHash())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String anchorContent(long throughSeq, String anchorHash) {
        return "anchor:" + throughSeq + ":" + anchorHash;
    }

    /** Whether the id is one of our screenings (a process instance's business key may be anything). */
    boolean isScreening(String id) {
        return id != null && jdbc.sql("SELECT COUNT(*) FROM cf_screening WHERE id = ?").param(id).query(Long.class)
                .single() > 0;
    }

    private String centerOf(String screeningId) {
        return jdbc.sql("SELECT center FROM cf_screening WHERE id = ?").param(screeningId).query(String.class)
                .optional().orElse(null);
    }

    private static String abbreviated(String resource) {
        return resource.length() <= 512 ? resource : resource.substring(0, 511) + "…";
    }

    private static String joined(List<String> values) {
        return values == null ? "" : String.join(",", new ArrayList<>(values).stream().sorted().toList());
    }

    private static AccessRecord map(ResultSet rs, int row) throws SQLException {
        return new AccessRecord(rs.getLong("seq"), rs.getObject("accessed_at", OffsetDateTime.class).toInstant(),
                rs.getString("user_id"), rs.getString("user_roles"), rs.getString("user_centers"),
                rs.getString("screening_id"), rs.getString("screening_center"), rs.getString("action"),
                rs.getString("resource"), rs.getString("client_address"), rs.getString("result"),
                rs.getInt("http_status"), rs.getString("prev_hash"), rs.getString("hash"));
    }
}
