package com.checkupflow.screening;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.assertj.core.api.Assertions;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.checkupflow.privacy.FieldCipher;
import com.checkupflow.privacy.TestCiphers;

/** Rows stored in plain text before V14 are encrypted by V14_1 and read back as they were. */
class EncryptPersonalDataMigrationTest {

    private static final String ID = "scr-plain-1";
    private static final String RRN = "750610-1428573";
    private static final String BUNDLE = "{\"name\":\"최윤서\",\"rrn\":\"" + RRN + "\"}";

    @Test
    void shouldEncryptEveryIdentifierWhenRowsWereStoredInPlainTextBeforeV14() {
        DataSource ds = new DriverManagerDataSource("jdbc:h2:mem:migration-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "sa", "");
        Flyway.configure().dataSource(ds).target("8").load().migrate();
        JdbcClient jdbc = JdbcClient.create(ds);
        jdbc.sql("""
                INSERT INTO cf_screening (id, center, source_system, source_value, language, stage, received_at,
                    patient_name, patient_rrn, report_html, lipids_scheduled)
                VALUES (?, 'gangnam', 'urn:test', ?, 'ko', 'DELIVERED', CURRENT_TIMESTAMP, '최윤서', ?, '<p>최윤서</p>', FALSE)""")
                .params(ID, ID, RRN).update();
        jdbc.sql("INSERT INTO cf_screening_bundle (screening_id, bundle_json) VALUES (?, ?)").params(ID, BUNDLE).update();
        jdbc.sql("INSERT INTO cf_referral (screening_id, units, letter_html) VALUES (?, 'egfr', '<p>최윤서</p>')")
                .param(ID).update();
        FieldCipher cipher = TestCiphers.over(ds, Path.of("target/migration-test-master-key.json"));

        Flyway.configure().dataSource(ds)
                .javaMigrations(new V14_1__EncryptPersonalData(cipher)).load().migrate();

        var row = jdbc.sql("SELECT patient_name, patient_rrn, patient_rrn_hash, report_html FROM cf_screening WHERE id = ?")
                .param(ID).query().singleRow();
        String bundle = jdbc.sql("SELECT bundle_json FROM cf_screening_bundle WHERE screening_id = ?").param(ID)
                .query(String.class).single();
        String letter = jdbc.sql("SELECT letter_html FROM cf_referral WHERE screening_id = ?").param(ID)
                .query(String.class).single();
        Assertions.assertThat(List.of(row.get("PATIENT_NAME"), row.get("PATIENT_RRN"), row.get("REPORT_HTML"), bundle,
                letter)).allSatisfy(v -> Assertions.assertThat((String) v).startsWith("enc1:dk-")
                .doesNotContain("최윤서", "750610"));
        Assertions.assertThat(row.get("PATIENT_RRN_HASH")).isEqualTo(ScreeningRepository.rrnHash(cipher, "7506101428573"));

        ScreeningRepository repository = new ScreeningRepository(jdbc, cipher);
        Screening s = repository.find(ID).orElseThrow();
        Assertions.assertThat(s.patient().name()).isEqualTo("최윤서");
        Assertions.assertThat(s.patient().rrn()).isEqualTo(RRN);
        Assertions.assertThat(s.reportHtml()).isEqualTo("<p>최윤서</p>");
        Assertions.assertThat(repository.bundleJson(ID)).hasValue(BUNDLE);
        Assertions.assertThat(cipher.decrypt(letter, "cf_referral.letter_html", ID)).isEqualTo("<p>최윤서</p>");
    }
}
