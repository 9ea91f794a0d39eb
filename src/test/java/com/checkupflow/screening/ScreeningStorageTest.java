package com.checkupflow.screening;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.assertj.core.api.Assertions;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.checkupflow.kernel.CanonicalItem;
import com.checkupflow.kernel.InvalidReason;
import com.checkupflow.kernel.ItemKey;
import com.checkupflow.kernel.ItemStatus;
import com.checkupflow.kernel.PatientInfo;
import com.checkupflow.kernel.Sex;
import com.checkupflow.privacy.FieldCipher;
import com.checkupflow.privacy.TestCiphers;

/** The long values at rest (original Bundle, judgement): deflated before they are encrypted, older forms still read. */
class ScreeningStorageTest {

    private static final String ID = "scr-bundle-1";

    @TempDir
    Path dir;
    private JdbcClient jdbc;
    private FieldCipher cipher;
    private ScreeningRepository repository;
    private String bundle;

    @BeforeEach
    void database() throws Exception {
        DataSource ds = new DriverManagerDataSource("jdbc:h2:mem:bundle-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(ds).load().migrate();
        cipher = TestCiphers.over(ds, dir.resolve("master-key.json"));
        jdbc = JdbcClient.create(ds);
        repository = new ScreeningRepository(jdbc, cipher);
        bundle = Files.readString(Path.of("src/test/resources/bundles/suspect-female-mmol.json"), StandardCharsets.UTF_8);
        PatientInfo patient = new PatientInfo(null, "김영희", Sex.FEMALE, LocalDate.of(1972, 5, 4), null, List.of());
        repository.insert(new Screening(ID, "gangnam", "urn:test", "bundle-1", null, "ko", Stage.RECEIVED,
                Instant.now(), LocalDate.of(2026, 11, 2), patient, false, Set.of(), null, List.of(), null, null, null,
                null), bundle);
    }

    private String stored() {
        return jdbc.sql("SELECT bundle_json FROM cf_screening_bundle WHERE screening_id = ?").param(ID)
                .query(String.class).single();
    }

    @Test
    void shouldStoreTheBundleDeflatedAndReadItBackWhenAScreeningIsInserted() {
        String plainForm = cipher.encrypt(bundle, ScreeningRepository.BUNDLE, ID);

        Assertions.assertThat(stored()).startsWith("enc1z:dk-");
        Assertions.assertThat(stored().length()).as("stored characters against the uncompressed form's")
                .isLessThan(plainForm.length() / 3);
        Assertions.assertThat(repository.bundleJson(ID)).contains(bundle);
    }

    @Test
    void shouldReadABundleStoredUncompressedWhenItWasStoredBeforeAndDeflateItWhenReduced() {
        jdbc.sql("UPDATE cf_screening_bundle SET bundle_json = ? WHERE screening_id = ?")
                .params(cipher.encrypt(bundle, ScreeningRepository.BUNDLE, ID), ID).update();

        Assertions.assertThat(stored()).startsWith("enc1:dk-");
        Assertions.assertThat(repository.bundleJson(ID)).contains(bundle);

        repository.reduceBundle(ID, "{\"resourceType\":\"Bundle\"}", Instant.now());

        Assertions.assertThat(stored()).startsWith("enc1z:dk-");
        Assertions.assertThat(repository.bundleJson(ID)).contains("{\"resourceType\":\"Bundle\"}");
    }

    @Test
    void shouldStoreTheJudgementDeflatedAndEncryptedAndReadAPlainOneWhenItWasStoredBefore() {
        String judgement = "{\"overall\":{\"primary\":\"NORMAL_B\"},\"items\":{" + "\"hdl\":{\"category\":\"NORMAL_A\"},".repeat(30)
                + "\"ldl\":{\"category\":\"NORMAL_A\"}}}";

        repository.saveJudgement(ID, judgement, List.of(), "screening_judgement:1:test", Stage.RECEIVED);

        String stored = jdbc.sql("SELECT judgement_json FROM cf_screening WHERE id = ?").param(ID).query(String.class).single();
        Assertions.assertThat(stored).startsWith("enc1z:dk-").doesNotContain("NORMAL_B");
        Assertions.assertThat(stored.length()).isLessThan(judgement.length() / 2);
        Assertions.assertThat(repository.judgementJson(ID)).contains(judgement);
        Assertions.assertThat(repository.find(ID).orElseThrow().judgementJson()).isEqualTo(judgement);

        jdbc.sql("UPDATE cf_screening SET judgement_json = ? WHERE id = ?").params(judgement, ID).update();

        Assertions.assertThat(repository.find(ID).orElseThrow().judgementJson()).as("stored plain by an earlier version")
                .isEqualTo(judgement);
    }

    @Test
    void shouldReadTheIssuedReportWithoutThePatientsDataWhenTheReportIsDelivered() {
        Assertions.assertThat(repository.issuedReport(ID)).as("not issued yet").isEmpty();

        repository.saveIssuedReport(ID, "<html>결과통보서</html>", "dr-kim", Instant.parse("2026-11-20T01:30:00Z"));
        // the delivery reads no personal column: a name that can no longer be decrypted does not stop the report
        jdbc.sql("UPDATE cf_screening SET patient_name = 'enc1:dk-unknown:broken' WHERE id = ?").param(ID).update();

        Assertions.assertThat(repository.issuedReport(ID)).contains(new ScreeningRepository.IssuedReport("gangnam", "ko",
                LocalDate.of(2026, 11, 2), "<html>결과통보서</html>"));
    }

    @Test
    void shouldInsertAllItemsInOneStatementWhenTheScreeningsItemsAreSaved() {
        List<CanonicalItem> items = List.of(
                new CanonicalItem(ItemKey.HDL, ItemStatus.VALID, new BigDecimal("35"), null, new BigDecimal("0.91"),
                        "mmol/L", null, "obs-hdl"),
                new CanonicalItem(ItemKey.URINE_PROTEIN, ItemStatus.VALID, null, "1+", "167275009", null, null, "obs-up"),
                new CanonicalItem(ItemKey.AST, ItemStatus.INVALID, null, null, "abc", "U/L", InvalidReason.NON_NUMERIC,
                        "obs-ast"),
                CanonicalItem.missing(ItemKey.LDL));
        jdbc.sql("SET QUERY_STATISTICS TRUE").update();

        repository.insertItems(ID, items);

        Assertions.assertThat(jdbc.sql("""
                SELECT COALESCE(SUM(EXECUTION_COUNT), 0) FROM INFORMATION_SCHEMA.QUERY_STATISTICS
                WHERE SQL_STATEMENT LIKE 'INSERT INTO cf_screening_item%'""").query(Long.class).single())
                .as("INSERT statements for %d items", items.size()).isEqualTo(1);
        Map<ItemKey, CanonicalItem> stored = repository.items(ID);
        items.forEach(item -> Assertions.assertThat(stored.get(item.key())).isEqualTo(item));

        CanonicalItem corrected = new CanonicalItem(ItemKey.AST, ItemStatus.VALID, new BigDecimal("45"), null,
                new BigDecimal("45"), "U/L", null, "obs-ast");
        repository.replaceItem(ID, corrected);

        Assertions.assertThat(repository.items(ID).get(ItemKey.AST)).isEqualTo(corrected);
        Assertions.assertThat(repository.items(ID).get(ItemKey.HDL)).isEqualTo(items.get(0));
        Assertions.assertThat(jdbc.sql("SELECT corrected FROM cf_screening_item WHERE screening_id = ? AND item_key = ?")
                .params(ID, ItemKey.AST.json()).query(Boolean.class).single()).isTrue();
    }

    @Test
    void shouldNotRewriteTheRowWhenTheScreeningIsAlreadyAtTheStage() {
        jdbc.sql("SET QUERY_STATISTICS TRUE").update();

        repository.updateStage(ID, Stage.DRAFTING);
        repository.updateStage(ID, Stage.DRAFTING);
        repository.updateStage(ID, Stage.REVIEW);

        Assertions.assertThat(repository.find(ID).orElseThrow().stage()).isEqualTo(Stage.REVIEW);
        Assertions.assertThat(jdbc.sql("""
                SELECT COALESCE(SUM(CUMULATIVE_ROW_COUNT), 0) FROM INFORMATION_SCHEMA.QUERY_STATISTICS
                WHERE SQL_STATEMENT LIKE 'UPDATE cf_screening SET stage%'""").query(Long.class).single())
                .as("rows written by 3 stage changes, one of them to the stage the row had").isEqualTo(2);
    }

    @Test
    void shouldStoreTheProcessInstanceWithTheRowWhenTheScreeningIsInserted() {
        PatientInfo patient = new PatientInfo(null, "김영희", Sex.FEMALE, LocalDate.of(1972, 5, 4), null, List.of());
        Screening started = new Screening("scr-started", "gangnam", "urn:test", "bundle-2", null, "ko", Stage.RECEIVED,
                Instant.now(), LocalDate.of(2026, 11, 2), patient, false, Set.of(), null, List.of(), null, null, null,
                null).withProcessInstanceId("pi-started");

        repository.insert(started, bundle, null);

        Assertions.assertThat(repository.find("scr-started").orElseThrow().processInstanceId()).isEqualTo("pi-started");
    }

    @Test
    void shouldReadThePatientAndJudgementButNotTheReportWhenTheReportIsAboutToBeIssued() {
        repository.saveJudgement(ID, "{\"overall\":{\"primary\":\"NORMAL_B\"}}", List.of("sbp_critical"),
                "screening_judgement:1:test", Stage.REVIEW);
        repository.saveIssuedReport(ID, "<html>이전 결과통보서</html>", "dr-kim", Instant.parse("2026-11-20T01:30:00Z"));
        // an earlier report that can no longer be decrypted: the issue reads neither it nor the issued text
        jdbc.sql("UPDATE cf_screening SET report_html = 'enc1:dk-unknown:broken' WHERE id = ?").param(ID).update();

        Screening s = repository.beforeIssue(ID).orElseThrow();

        Assertions.assertThat(s.patient().name()).isEqualTo("김영희");
        Assertions.assertThat(s.judgementJson()).isEqualTo("{\"overall\":{\"primary\":\"NORMAL_B\"}}");
        Assertions.assertThat(s.criticalFindings()).containsExactly("sbp_critical");
        Assertions.assertThat(s.examDate()).isEqualTo(LocalDate.of(2026, 11, 2));
        Assertions.assertThat(s.reportHtml()).isNull();
        Assertions.assertThat(s.finalText()).isNull();
        Assertions.assertThatThrownBy(() -> repository.find(ID)).as("find decrypts the report").isNotNull();
        Assertions.assertThat(repository.beforeIssue("no-such-screening")).isEmpty();
    }
}
