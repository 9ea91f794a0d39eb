package com.checkupflow.audit;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.assertj.core.api.Assertions;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The access log's chain against H2 with the project's migrations: appends, tampering, retention, the alert. */
class AccessLogTest {

    @TempDir
    Path dir;

    private final MovingClock clock = new MovingClock(Instant.parse("2026-11-20T02:00:00Z"));
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private DataSource dataSource;
    private JdbcClient jdbc;
    private AccessLog log;

    @BeforeEach
    void setUp() {
        dataSource = new DriverManagerDataSource("jdbc:h2:mem:access-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).load().migrate();
        jdbc = JdbcClient.create(dataSource);
        for (int i = 1; i <= 5; i++) {
            jdbc.sql("""
                    INSERT INTO cf_screening (id, center, source_system, source_value, language, stage, received_at,
                        lipids_scheduled) VALUES (?, 'gangnam', 'urn:test', ?, 'ko', 'REVIEW', CURRENT_TIMESTAMP, FALSE)""")
                    .params("scr-" + i, "scr-" + i).update();
        }
        log = accessLog(properties(3, null));
    }

    @Test
    void shouldVerifyTheChainWhenRowsAreOnlyAppended() {
        read("physicianGangnam", "scr-1", true);
        read("physicianBusan", "scr-1", false);
        read("manager", "scr-2", true);

        AccessLog.ChainCheck check = log.verify();

        Assertions.assertThat(check.intact()).isTrue();
        Assertions.assertThat(check.rowsChecked()).isEqualTo(3);
        Assertions.assertThat(jdbc.sql("SELECT screening_center FROM cf_access_log WHERE seq = 1").query(String.class)
                .single()).isEqualTo("gangnam");
        Assertions.assertThat(jdbc.sql("SELECT result FROM cf_access_log WHERE seq = 2").query(String.class).single())
                .isEqualTo("DENIED");
    }

    @Test
    void shouldNameTheFirstBrokenRowWhenARowIsEdited() {
        for (int i = 0; i < 4; i++) {
            read("physicianGangnam", "scr-1", true);
        }
        jdbc.sql("UPDATE cf_access_log SET user_id = 'someoneElse' WHERE seq = 3").update();

        AccessLog.ChainCheck check = log.verify();

        Assertions.assertThat(check.intact()).isFalse();
        Assertions.assertThat(check.firstBrokenSeq()).isEqualTo(3);
        Assertions.assertThat(check.problem()).contains("edited");
        Assertions.assertThat(check.rowsChecked()).isEqualTo(2);
    }

    @Test
    void shouldDetectARowRecomputedWithoutTheKey() {
        read("physicianGangnam", "scr-1", true);
        read("physicianGangnam", "scr-2", true);
        AccessLog withOtherKey = accessLog(properties(3, Base64.getEncoder().encodeToString(new byte[32])));
        jdbc.sql("DELETE FROM cf_access_log WHERE seq = 2").update();
        jdbc.sql("UPDATE cf_access_log_head SET last_seq = 1, last_hash = (SELECT hash FROM cf_access_log WHERE seq = 1)")
                .update();
        withOtherKey.record(access("physicianGangnam", "scr-3", true));

        AccessLog.ChainCheck check = log.verify();

        Assertions.assertThat(check.intact()).isFalse();
        Assertions.assertThat(check.firstBrokenSeq()).isEqualTo(2);
    }

    @Test
    void shouldDetectRemovedRowsInTheMiddleAndAtTheEnd() {
        for (int i = 0; i < 5; i++) {
            read("physicianGangnam", "scr-1", true);
        }
        jdbc.sql("DELETE FROM cf_access_log WHERE seq = 5").update();
        Assertions.assertThat(log.verify().firstBrokenSeq()).isEqualTo(5);
        Assertions.assertThat(log.verify().problem()).contains("newest");

        jdbc.sql("DELETE FROM cf_access_log WHERE seq = 2").update();
        AccessLog.ChainCheck check = log.verify();
        Assertions.assertThat(check.firstBrokenSeq()).isEqualTo(3);
        Assertions.assertThat(check.problem()).contains("rows 2 to 2 are missing");
    }

    @Test
    void shouldStillVerifyWhenRetentionRemovedTheOldestRows() {
        read("physicianGangnam", "scr-1", true);
        read("physicianGangnam", "scr-2", true);
        clock.advance(Duration.ofDays(800));
        read("physicianGangnam", "scr-3", true);

        long removed = log.removeBefore(clock.instant().minus(Duration.ofDays(730)));

        Assertions.assertThat(removed).isEqualTo(2);
        Assertions.assertThat(jdbc.sql("SELECT COUNT(*) FROM cf_access_log").query(Long.class).single()).isEqualTo(1);
        AccessLog.ChainCheck check = log.verify();
        Assertions.assertThat(check.intact()).isTrue();
        Assertions.assertThat(check.anchoredAfter()).isEqualTo(2);
        Assertions.assertThat(check.rowsChecked()).isEqualTo(1);
        read("physicianGangnam", "scr-4", true);
        Assertions.assertThat(log.verify().intact()).isTrue();
        Assertions.assertThat(log.removeBefore(clock.instant().minus(Duration.ofDays(730)))).isZero();

        jdbc.sql("UPDATE cf_access_log_anchor SET anchor_hash = ? WHERE through_seq = 2").param("f".repeat(64)).update();
        Assertions.assertThat(log.verify().problem()).contains("anchor");
    }

    @Test
    void shouldCountTheAlertOnceWhenAUserReadsMoreScreeningsThanTheThresholdWithinAnHour() {
        read("nurseGangnam", "scr-1", true);
        read("nurseGangnam", "scr-2", true);
        read("nurseGangnam", "scr-3", true);
        read("nurseGangnam", "scr-3", true);
        Assertions.assertThat(alerts()).isZero();

        read("nurseGangnam", "scr-4", true);
        read("nurseGangnam", "scr-4", true);
        read("nurseGangnam", "scr-1", true);
        Assertions.assertThat(alerts()).isEqualTo(1.0);

        clock.advance(Duration.ofHours(2));
        read("nurseGangnam", "scr-5", true);
        Assertions.assertThat(alerts()).isEqualTo(1.0);
        Assertions.assertThat(meters.getMeters()).allSatisfy(m -> Assertions.assertThat(m.getId().getTags())
                .noneMatch(t -> t.getValue().contains("scr-") || t.getValue().contains("nurse")));
    }

    private double alerts() {
        return meters.get("checkupflow.access.unusual.volume").counter().count();
    }

    private void read(String user, String screening, boolean allowed) {
        log.record(access(user, screening, allowed));
        clock.advance(Duration.ofSeconds(1));
    }

    private static AccessLog.Access access(String user, String screening, boolean allowed) {
        return new AccessLog.Access(user, List.of("physician"), List.of("gangnam"), screening, "SCREENING",
                "GET /api/screenings/" + screening, "127.0.0.1", allowed, allowed ? 200 : 403);
    }

    private AccessLog accessLog(AuditProperties properties) {
        return new AccessLog(jdbc, new AccessChainKey(properties), new ObjectMapper(), clock,
                new DataSourceTransactionManager(dataSource), properties, meters);
    }

    private AuditProperties properties(int threshold, String key) {
        return new AuditProperties(Duration.ofDays(730), threshold, key, dir.resolve("chain.key"), false);
    }

    private static final class MovingClock extends Clock {
        private Instant now;

        MovingClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
