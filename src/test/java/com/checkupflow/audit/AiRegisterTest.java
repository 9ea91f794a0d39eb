package com.checkupflow.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.UUID;

import javax.sql.DataSource;

import org.assertj.core.api.Assertions;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The register's month and center boundaries and its sign-anyway hook, against H2 with the migrations. */
class AiRegisterTest {

    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    static final Instant IN_DECEMBER = Instant.parse("2026-12-01T00:30:00Z");
    /** 2026-12-01 08:59 in Seoul is still November 30 in UTC: it counts for December. */
    static final Instant EARLY_DECEMBER_IN_SEOUL = Instant.parse("2026-11-30T23:59:00Z");
    static final Instant IN_NOVEMBER = Instant.parse("2026-11-30T14:00:00Z");

    private JdbcClient jdbc;
    private AiRegister register;

    @BeforeEach
    void setUp() {
        DataSource ds = new DriverManagerDataSource("jdbc:h2:mem:register-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(ds).load().migrate();
        jdbc = JdbcClient.create(ds);
        register = new AiRegister(jdbc, new ObjectMapper());
        screening("g-1", "gangnam");
        screening("g-2", "gangnam");
        screening("b-1", "busan");
        draft("g-1", 1, "openai", "gpt-4o-mini", false, false, "[{\"type\":\"NUMBER_MISMATCH\",\"detail\":\"a\"},"
                + "{\"type\":\"NUMBER_MISMATCH\",\"detail\":\"b\"},{\"type\":\"DIAGNOSIS_LANGUAGE\",\"detail\":\"c\"}]",
                EARLY_DECEMBER_IN_SEOUL);
        draft("g-1", 2, "openai", "gpt-4o-mini", false, true, "[]", IN_DECEMBER);
        draft("g-2", 1, "template", null, true, true, "[]", IN_DECEMBER);
        draft("b-1", 1, "openai", "gpt-4o-mini", false, true, "[]", IN_NOVEMBER);
        review("g-1", 2, "APPROVE", "physicianGangnam", "0.0000", IN_DECEMBER);
        review("g-2", 1, "APPROVE", "physicianGangnam", "0.2500", IN_DECEMBER);
    }

    @Test
    void shouldCountTheCentersMonthInTheServerZoneWhenAskedForOneCenter() {
        AiRegister.CenterMonth gangnam = register.of(YearMonth.of(2026, 12), "gangnam", SEOUL).centers().get(0);

        Assertions.assertThat(gangnam.drafts()).containsExactly(
                new AiRegister.Drafts("openai", "gpt-4o-mini", "draft-summary-v1", "MODEL", 2),
                new AiRegister.Drafts("template", null, "draft-summary-v1", "FALLBACK", 1));
        Assertions.assertThat(gangnam.checkFailures()).containsExactly(new AiRegister.Count("DIAGNOSIS_LANGUAGE", 1),
                new AiRegister.Count("NUMBER_MISMATCH", 1));
        Assertions.assertThat(gangnam.fallbacks()).isEqualTo(1);
        Assertions.assertThat(gangnam.automaticRedrafts()).isEqualTo(1);
        Assertions.assertThat(gangnam.signers()).containsExactly(new AiRegister.Signer("physicianGangnam", 2, 1));
        Assertions.assertThat(gangnam.editRatios()).extracting(AiRegister.EditRatios::draftOrigin,
                AiRegister.EditRatios::signed, AiRegister.EditRatios::unchanged)
                .containsExactly(Assertions.tuple("FALLBACK", 1L, 0L), Assertions.tuple("MODEL", 1L, 1L));
        Assertions.assertThat(gangnam.signAnyway()).isZero();
        Assertions.assertThat(register.of(YearMonth.of(2026, 12), null, SEOUL).centers())
                .extracting(AiRegister.CenterMonth::center).containsExactly("gangnam");
        Assertions.assertThat(register.of(YearMonth.of(2026, 11), null, SEOUL).centers())
                .extracting(AiRegister.CenterMonth::center).containsExactly("busan");
    }

    @Test
    void shouldCountSignAnywayDecisionsWhenTheReviewAuditRecordsThem() {
        jdbc.sql("UPDATE cf_review SET signed_anyway = TRUE WHERE screening_id = 'g-1'").update();

        AiRegister.CenterMonth gangnam = register.of(YearMonth.of(2026, 12), "gangnam", SEOUL).centers().get(0);

        Assertions.assertThat(gangnam.signAnyway()).isEqualTo(1);
    }

    private void screening(String id, String center) {
        jdbc.sql("""
                INSERT INTO cf_screening (id, center, source_system, source_value, language, stage, received_at,
                    lipids_scheduled) VALUES (?, ?, 'urn:test', ?, 'ko', 'ISSUED', CURRENT_TIMESTAMP, FALSE)""")
                .params(id, center, id).update();
    }

    private void draft(String id, int round, String provider, String model, boolean fallback, boolean passed,
                       String findings, Instant at) {
        jdbc.sql("""
                INSERT INTO cf_draft (screening_id, round, text, provider, model, prompt_version, fallback, created_at,
                    check_passed, check_findings) VALUES (?, ?, 'text', ?, ?, 'draft-summary-v1', ?, ?, ?, ?)""")
                .params(id, round, provider, model, fallback, Timestamp.from(at), passed, findings).update();
    }

    private void review(String id, int round, String decision, String reviewer, String editRatio, Instant at) {
        jdbc.sql("""
                INSERT INTO cf_review (screening_id, decision, reviewer, decided_at, draft_round, edit_ratio)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(id, decision, reviewer, Timestamp.from(at), round, new java.math.BigDecimal(editRatio)).update();
    }
}
