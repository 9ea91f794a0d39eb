package com.checkupflow.analytics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Date range (inclusive days in the server's zone) and an optional center. */
record AnalyticsFilter(LocalDate from, LocalDate to, String center, ZoneId zone) {

    Instant fromInstant() {
        return from.atStartOfDay(zone).toInstant();
    }

    /** Exclusive end: the start of the day after {@code to}. */
    Instant toInstant() {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }
}
