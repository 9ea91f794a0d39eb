package com.checkupflow.privacy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;

import javax.sql.DataSource;

import org.assertj.core.api.Assertions;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class FieldCipherTest {

    private static final String COLUMN = "cf_screening.patient_rrn";

    @TempDir
    Path dir;
    private DataSource ds;
    private Path keyFile;

    @BeforeEach
    void database() {
        ds = new DriverManagerDataSource("jdbc:h2:mem:cipher-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(ds).load().migrate();
        keyFile = dir.resolve("master-key.json");
    }

    private record Instance(MasterKey master, DataKeys keys, FieldCipher cipher) {
    }

    /** One application instance: its own master key in memory and its own cache of data keys. */
    private Instance instance(CryptoProperties properties) {
        MasterKey master = new MasterKey(properties);
        DataKeys keys = new DataKeys(ds, master, Clock.systemUTC());
        return new Instance(master, keys, new FieldCipher(keys));
    }

    private Instance fromFile() {
        return instance(new CryptoProperties(null, keyFile, true));
    }

    @Test
    void shouldStoreLongMarkupSmallerAndReadItBackWhenEncryptedCompressed() {
        FieldCipher cipher = fromFile().cipher();
        String html = "<html><body>" + "<tr><td>수축기 혈압</td><td>152</td><td>mmHg</td></tr>".repeat(200)
                + "</body></html>";

        String compressed = cipher.encryptCompressed(html, "cf_screening.report_html", "row-1");
        String plain = cipher.encrypt(html, "cf_screening.report_html", "row-1");

        Assertions.assertThat(compressed).startsWith("enc1z:dk-").doesNotContain("수축기");
        Assertions.assertThat(compressed.length()).isLessThan(plain.length() / 5);
        Assertions.assertThat(FieldCipher.isEncrypted(compressed)).isTrue();
        Assertions.assertThat(cipher.decrypt(compressed, "cf_screening.report_html", "row-1")).isEqualTo(html);
        Assertions.assertThat(cipher.decrypt(plain, "cf_screening.report_html", "row-1")).isEqualTo(html);
        Assertions.assertThatThrownBy(() -> cipher.decrypt(compressed, "cf_screening.report_html", "row-2"))
                .hasMessageContaining("does not decrypt");
    }

    @Test
    void shouldNameTheKeyAndNotDecryptElsewhereWhenAValueIsEncrypted() {
        FieldCipher cipher = fromFile().cipher();

        String stored = cipher.encrypt("850101-1234568", COLUMN, "row-1");

        Assertions.assertThat(stored).startsWith("enc1:dk-").doesNotContain("850101");
        Assertions.assertThat(cipher.encrypt("850101-1234568", COLUMN, "row-1")).as("random nonce").isNotEqualTo(stored);
        Assertions.assertThat(cipher.decrypt(stored, COLUMN, "row-1")).isEqualTo("850101-1234568");
        Assertions.assertThatThrownBy(() -> cipher.decrypt(stored, COLUMN, "row-2")).as("copied to another row")
                .hasMessageContaining("does not decrypt");
        Assertions.assertThatThrownBy(() -> cipher.decrypt(stored, "cf_screening.patient_name", "row-1"))
                .as("copied to another column").hasMessageContaining("does not decrypt");
        Assertions.assertThat(cipher.decrypt(null, COLUMN, "row-1")).isNull();
    }

    @Test
    void shouldGiveEqualHashesOnlyWithTheKeyWhenAValueIsLookedUp() {
        FieldCipher cipher = fromFile().cipher();
        String hash = cipher.lookupHash("8501011234568");

        Assertions.assertThat(hash).matches("[0-9a-f]{64}").isEqualTo(fromFile().cipher().lookupHash("8501011234568"))
                .isNotEqualTo(cipher.lookupHash("8501011234569"))
                .isNotEqualTo(org.springframework.util.DigestUtils.md5DigestAsHex("8501011234568".getBytes()));
        Assertions.assertThat(JdbcClient.create(ds).sql("SELECT COUNT(*) FROM cf_data_key WHERE purpose = 'LOOKUP'")
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void shouldReadEveryValueOnEveryInstanceWhenOneInstanceRotatedTheMasterKey() throws Exception {
        Instance first = fromFile();
        Instance second = fromFile();
        String stored = first.cipher().encrypt("김민수", COLUMN, "row-1");
        String hash = first.cipher().lookupHash("8501011234568");
        String oldKeyset = Files.readString(keyFile, StandardCharsets.UTF_8);
        String oldId = first.master().id();

        KeyRotation.Result result = new KeyRotation(first.master(), first.keys()).rotate();

        Assertions.assertThat(result.newMasterKey()).isTrue();
        Assertions.assertThat(result.masterKeyId()).isNotEqualTo(oldId);
        Assertions.assertThat(result.rewrapped()).isEqualTo(2);
        Assertions.assertThat(result.retiredMasterKeys()).containsExactly(oldId);
        Assertions.assertThat(fromFile().master().ids()).containsExactly(result.masterKeyId());
        Assertions.assertThat(fromFile().cipher().decrypt(stored, COLUMN, "row-1")).as("a fresh start").isEqualTo("김민수");
        Assertions.assertThat(second.cipher().decrypt(stored, COLUMN, "row-1")).as("an instance started before")
                .isEqualTo("김민수");
        Assertions.assertThat(first.cipher().decrypt(first.cipher().encrypt("이서준", COLUMN, "row-2"), COLUMN, "row-2"))
                .isEqualTo("이서준");
        Assertions.assertThat(fromFile().cipher().lookupHash("8501011234568")).isEqualTo(hash);
        Instance withOldKeyOnly = instance(new CryptoProperties(oldKeyset, keyFile, false));
        Assertions.assertThatThrownBy(() -> withOldKeyOnly.cipher().decrypt(stored, COLUMN, "row-1"))
                .as("the retired master key unwraps nothing").hasStackTraceContaining("cannot be unwrapped");
    }
}
