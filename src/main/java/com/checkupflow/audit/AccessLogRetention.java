package com.checkupflow.audit;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Daily: removes access-log rows older than {@code checkupflow.audit.retention} and re-anchors the chain. */
@Component
class AccessLogRetention {

    private static final Logger log = LoggerFactory.getLogger(AccessLogRetention.class);

    private final AccessLog accessLog;
    private final AuditProperties properties;
    private final Clock clock;

    AccessLogRetention(AccessLog accessLog, AuditProperties properties, Clock clock) {
        this.accessLog = accessLog;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(cron = "${checkupflow.audit.retention-cron:0 30 2 * * *}")
    void removeExpired() {
        long removed = accessLog.removeBefore(clock.instant().minus(properties.retention()));
        if (removed > 0) {
            log.info("Access log: removed {} rows older than {}; the chain is anchored at the last of them", removed,
                    properties.retention());
        }
    }
}
