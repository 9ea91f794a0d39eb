package com.checkupflow.audit;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The access log's settings.
 *
 * @param retention              how long access-log rows are kept (the safety-measures standard asks for two years
 *                               for sensitive information); older rows are removed daily and the chain re-anchored
 * @param unusualVolumeThreshold distinct screenings one user may read within an hour before the alert counts
 * @param chainKey               the chain's HMAC key, base64 (at least 32 bytes); from the environment in production
 * @param chainKeyFile           where the demo keeps a key it created itself when {@code chainKey} is empty
 * @param requireChainKey        refuse to start without {@code chainKey} (the {@code prod} profile)
 */
@ConfigurationProperties("checkupflow.audit")
record AuditProperties(@DefaultValue("P730D") Duration retention,
                       @DefaultValue("50") int unusualVolumeThreshold,
                       String chainKey,
                       Path chainKeyFile,
                       boolean requireChainKey) {

    /** The safety-measures standard's one year (366 days, so a leap year is covered too): the PostgreSQL trigger refuses to delete rows younger than a year. */
    static final Duration MIN_RETENTION = Duration.ofDays(366);

    AuditProperties {
        if (retention.compareTo(MIN_RETENTION) < 0) {
            throw new IllegalArgumentException("checkupflow.audit.retention must be at least " + MIN_RETENTION.toDays()
                    + " days (access records are kept at least one year, two for sensitive information)");
        }
    }
}
