package com.checkupflow.screening;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.assertj.core.api.Assertions;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.checkupflow.kernel.PatientInfo;
import com.checkupflow.kernel.Sex;
import com.checkupflow.privacy.FieldCipher;
import com.checkupflow.privacy.TestCiphers;

/** Below JDBC: the H2 database file itself holds none of the identifiers of a stored screening. */
class DatabaseFileBytesTest {

    private static final String ID = "scr-bytes-1";
    private static final List<String> IDENTIFIERS = List.of("제갈민준", "790304-1538264", "7903041538264", "010-5523-8841",
            "minjun.jegal@example.org", "서초대로 77");

    @TempDir
    Path dir;

    @Test
    void shouldFindNoIdentifierInTheDatabaseFileWhenAScreeningWithItsBundleAndReportIsStored() throws Exception {
        DataSource ds = new DriverManagerDataSource("jdbc:h2:file:" + dir.resolve("db").toAbsolutePath(), "sa", "");
        Flyway.configure().dataSource(ds).load().migrate();
        FieldCipher cipher = TestCiphers.over(ds, dir.resolve("master-key.json"));
        JdbcClient jdbc = JdbcClient.create(ds);
        ScreeningRepository repository = new ScreeningRepository(jdbc, cipher);
        PatientInfo patient = new PatientInfo(null, "제갈민준", Sex.MALE, LocalDate.of(1979, 3, 4), "790304-1538264", List.of());
        repository.insert(new Screening(ID, "gangnam", "urn:control", "control-남궁서우", null, "ko", Stage.RECEIVED,
                Instant.now(), LocalDate.of(2026, 11, 2), patient, false, Set.of(), null, List.of(), null, null, null,
                null), "{\"resourceType\":\"Bundle\",\"note\":\"" + String.join(" ", IDENTIFIERS) + "\"}");
        repository.saveIssuedReport(ID, "<p>제갈민준 790304-1******</p>", "physicianGangnam", Instant.now());
        jdbc.sql("SHUTDOWN").update();

        byte[] file = Files.readAllBytes(dir.resolve("db.mv.db"));

        Assertions.assertThat(contains(file, h2String("control-남궁서우")))
                .as("the scan reads Hangul as H2 writes it (a plain column)").isTrue();
        for (String identifier : IDENTIFIERS) {
            Assertions.assertThat(contains(file, h2String(identifier)) || contains(file,
                    identifier.getBytes(StandardCharsets.UTF_8))).as(identifier).isFalse();
        }
    }

    /** H2's MVStore string encoding: UTF-8-like lengths, but without the continuation bits. */
    private static byte[] h2String(String s) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (char c : s.toCharArray()) {
            if (c < 0x80) {
                out.write(c);
            } else if (c >= 0x800) {
                out.write(0xe0 | c >> 12);
                out.write(c >> 6 & 0x3f);
                out.write(c & 0x3f);
            } else {
                out.write(0xc0 | c >> 6);
                out.write(c & 0x3f);
            }
        }
        return out.toByteArray();
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
