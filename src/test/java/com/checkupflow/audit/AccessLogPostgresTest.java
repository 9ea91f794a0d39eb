package com.checkupflow.audit;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.assertj.core.api.Assertions;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The access log on PostgreSQL with the postgres profile's migrations (opt-in:
 * {@code -Dcheckupflow.test.postgres-url=jdbc:postgresql://host:port/db?user=…}): the chain works the same, and the
 * database refuses UPDATE and the DELETE of young rows while retention still removes old ones.
 */
@EnabledIfSystemProperty(named = "checkupflow.test.postgres-url", matches = ".+")
class AccessLogPostgresTest {

    @TempDir
    Path dir;

    private final String schema = "access_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    private JdbcClient jdbc;
    private DriverManagerDataSource dataSource;

    @BeforeEach
    void migrate() {
        String url = System.getProperty("checkupflow.test.postgres-url");
        dataSource = new DriverManagerDataSource(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        Flyway.configure().dataSource(dataSource).schemas(schema).defaultSchema(schema)
                .locations("classpath:db/migration", "classpath:db/postgresql").load().migrate();
        jdbc = JdbcClient.create(dataSource);
        jdbc.sql("""
                INSERT INTO cf_screening (id, center, source_system, source_value, language, stage, received_at,
                    lipids_scheduled) VALUES ('scr-1', 'gangnam', 'urn:test', 'scr-1', 'ko', 'REVIEW', CURRENT_TIMESTAMP, FALSE)""")
                .update();
    }

    @AfterEach
    void drop() {
        jdbc.sql("DROP SCHEMA " + schema + " CASCADE").update();
    }

    @Test
    void shouldRefuseEditsAndKeepTheChainWhenRetentionRemovesOldRows() {
        Instant now = Instant.now();
        accessLog(Clock.fixed(now.minus(Duration.ofDays(800)), ZoneOffset.UTC)).record(access());
        accessLog(Clock.fixed(now.minus(Duration.ofDays(799)), ZoneOffset.UTC)).record(access());
        AccessLog current = accessLog(Clock.fixed(now, ZoneOffset.UTC));
        current.record(access());
        Assertions.assertThat(current.verify().intact()).isTrue();
        Assertions.assertThat(jdbc.sql("SELECT screening_center FROM cf_access_log WHERE seq = 3").query(String.class)
                .single()).isEqualTo("gangnam");

        Assertions.assertThatThrownBy(() -> jdbc.sql("UPDATE cf_access_log SET user_id = 'x' WHERE seq = 3").update())
                .hasMessageContaining("append-only");
        Assertions.assertThatThrownBy(() -> jdbc.sql("DELETE FROM cf_access_log WHERE seq = 3").update())
                .hasMessageContaining("younger than one year");

        Assertions.assertThat(current.removeBefore(now.minus(Duration.ofDays(730)))).isEqualTo(2);
        AccessLog.ChainCheck check = current.verify();
        Assertions.assertThat(check.intact()).isTrue();
        Assertions.assertThat(check.anchoredAfter()).isEqualTo(2);
        Assertions.assertThatThrownBy(() -> jdbc.sql("DELETE FROM cf_access_log_anchor").update())
                .hasMessageContaining("append-only");

        // whoever can switch the trigger off (the database owner) is still caught by the chain
        jdbc.sql("ALTER TABLE cf_access_log DISABLE TRIGGER USER").update();
        jdbc.sql("UPDATE cf_access_log SET client_address = '10.0.0.9' WHERE seq = 3").update();
        Assertions.assertThat(current.verify().firstBrokenSeq()).isEqualTo(3);
    }

    private AccessLog accessLog(Clock clock) {
        AuditProperties properties = new AuditProperties(Duration.ofDays(730), 50, null, dir.resolve("chain.key"), false);
        return new AccessLog(jdbc, new AccessChainKey(properties), new ObjectMapper(), clock,
                new DataSourceTransactionManager(dataSource), properties, new SimpleMeterRegistry());
    }

    private static AccessLog.Access access() {
        return new AccessLog.Access("physicianGangnam", List.of("physician"), List.of("gangnam"), "scr-1", "SCREENING",
                "GET /api/screenings/scr-1", "127.0.0.1", true, 200);
    }
}
