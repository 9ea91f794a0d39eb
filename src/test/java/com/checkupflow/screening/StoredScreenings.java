package com.checkupflow.screening;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.checkupflow.kernel.NormalizedScreening;
import com.checkupflow.privacy.TestCiphers;

/**
 * Public test fixture: the real {@link ScreeningRepository} over an in-memory H2 database migrated by the
 * application's Flyway scripts, with a real field cipher. One database per JVM (migrating takes a while); tests keep
 * their screening ids distinct.
 */
public final class StoredScreenings {

    private static final DataSource DATA_SOURCE = migrated();

    private final JdbcClient jdbc = JdbcClient.create(DATA_SOURCE);
    private final ScreeningRepository repository = new ScreeningRepository(jdbc,
            TestCiphers.over(DATA_SOURCE, Path.of("target", "stored-screenings-master-key.json")));

    private static DataSource migrated() {
        DataSource ds = new DriverManagerDataSource("jdbc:h2:mem:stored-screenings;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(ds).load().migrate();
        return ds;
    }

    public ScreeningRepository repository() {
        return repository;
    }

    public JdbcClient jdbc() {
        return jdbc;
    }

    /** Stores the screening and its items as intake does, at stage RECEIVED. */
    public void store(String id, String center, NormalizedScreening normalized) {
        repository.insert(new Screening(id, center, "urn:test", id, null, "ko", Stage.RECEIVED, Instant.now(),
                normalized.examDate(), normalized.patient(), normalized.lipidsScheduled(),
                normalized.treatedDiseases(), null, List.of(), null, null, null, null), "{\"resourceType\":\"Bundle\"}");
        repository.insertItems(id, normalized.items().values());
    }

    /** The screening as stored now, with its (possibly corrected) items. */
    public NormalizedScreening stored(String id) {
        return repository.find(id).orElseThrow().toNormalized(repository.items(id));
    }
}
