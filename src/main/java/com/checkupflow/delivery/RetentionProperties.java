package com.checkupflow.delivery;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param bundleAfterDelivery how long after the report was delivered (sent, or handed over by hand) the original
 *                            Bundle is kept in full before it is reduced to what the issued report needs; the
 *                            job runs at {@code checkupflow.retention.cron}
 */
@ConfigurationProperties(prefix = "checkupflow.retention")
record RetentionProperties(
        @DefaultValue("P30D") Duration bundleAfterDelivery) {
}
