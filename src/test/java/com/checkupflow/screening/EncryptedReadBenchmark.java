package com.checkupflow.screening;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.checkupflow.demo.SyntheticScreenings;
import com.checkupflow.kernel.PatientInfo;
import com.checkupflow.kernel.Sex;
import com.checkupflow.privacy.FieldCipher;
import com.checkupflow.privacy.TestCiphers;

import ca.uhn.fhir.context.FhirContext;

/**
 * Not a unit test: what decryption adds to reading a screening, skipped unless run with {@code -Dgroups=benchmark}:
 * <pre>./mvnw test -Dtest=EncryptedReadBenchmark -Dgroups=benchmark</pre>
 * 300 screenings (synthetic Bundle, a 20 kB report) in H2 in memory. Baseline: the same two rows read with JDBC as
 * text, no decryption; measured: {@link ScreeningRepository#find} plus {@link ScreeningRepository#bundleJson}
 * (name, RRN, report and Bundle decrypted). Rounds alternate; prints medians, the ratio and the load average.
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "groups", matches = ".*benchmark.*")
class EncryptedReadBenchmark {

    private static final int SCREENINGS = 300;
    private static final int ROUNDS = 7;

    @Test
    void measureDecryptionAgainstPlainReads() {
        DataSource ds = new org.springframework.jdbc.datasource.SimpleDriverDataSource(new org.h2.Driver(),
                "jdbc:h2:mem:read-benchmark-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(ds).load().migrate();
        FieldCipher cipher = TestCiphers.over(ds, Path.of("target/benchmark-master-key.json"));
        JdbcClient jdbc = JdbcClient.create(ds);
        ScreeningRepository repository = new ScreeningRepository(jdbc, cipher);
        SyntheticScreenings synthetic = new SyntheticScreenings(FhirContext.forR4());
        String report = "<p>" + "김민수 검진 결과 ".repeat(1500) + "</p>";
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < SCREENINGS; i++) {
            String id = "bench-" + i;
            PatientInfo patient = new PatientInfo(null, "김민수", Sex.MALE, LocalDate.of(1980, 1, 1), "800101-1234567",
                    List.of());
            repository.insert(new Screening(id, "gangnam", "urn:bench", id, null, "ko", Stage.RECEIVED, Instant.now(),
                    LocalDate.of(2026, 11, 2), patient, false, Set.of(), null, List.of(), null, null, null, null),
                    synthetic.bundleJson(id, SyntheticScreenings.Profile.SUSPECT, i));
            repository.saveIssuedReport(id, report, "physicianGangnam", Instant.now());
            ids.add(id);
        }
        long[] plain = new long[ROUNDS];
        long[] decrypted = new long[ROUNDS];
        for (int warm = 0; warm < 2; warm++) {
            readPlain(jdbc, ids);
            readDecrypted(repository, ids);
        }
        for (int r = 0; r < ROUNDS; r++) {
            plain[r] = readPlain(jdbc, ids);
            decrypted[r] = readDecrypted(repository, ids);
        }
        double p = median(plain) / 1000.0 / SCREENINGS;
        double d = median(decrypted) / 1000.0 / SCREENINGS;
        System.out.printf("EncryptedReadBenchmark: %d screenings, plain read %.1f µs, decrypted read %.1f µs per "
                        + "screening, ratio %.2f, load average %.1f%n", SCREENINGS, p, d, d / p,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static long readPlain(JdbcClient jdbc, List<String> ids) {
        long start = System.nanoTime();
        long chars = 0;
        for (String id : ids) {
            chars += jdbc.sql("SELECT * FROM cf_screening WHERE id = ?").param(id)
                    .query((rs, n) -> rs.getString("patient_name") + rs.getString("patient_rrn")
                            + rs.getString("report_html")).single().length();
            chars += jdbc.sql("SELECT bundle_json FROM cf_screening_bundle WHERE screening_id = ?").param(id)
                    .query(String.class).single().length();
        }
        return chars > 0 ? System.nanoTime() - start : -1;
    }

    private static long readDecrypted(ScreeningRepository repository, List<String> ids) {
        long start = System.nanoTime();
        long chars = 0;
        for (String id : ids) {
            chars += repository.find(id).orElseThrow().reportHtml().length();
            chars += repository.bundleJson(id).orElseThrow().length();
        }
        return chars > 0 ? System.nanoTime() - start : -1;
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
