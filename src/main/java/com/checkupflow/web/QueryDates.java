package com.checkupflow.web;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The dates a query parameter may name (analytics ranges, the access-log export, the AI register's month). Outside
 * these years a date is no screening date; it is refused before any date arithmetic, which could overflow.
 */
public final class QueryDates {

    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

    private QueryDates() {
    }

    /** A {@code date_out_of_range} problem naming the parameter, when the date is outside {@link #EARLIEST}–{@link #LATEST}. */
    public static Optional<Problem> outOfRange(String name, LocalDate date) {
        return date != null && (date.isBefore(EARLIEST) || date.isAfter(LATEST))
                ? Optional.of(new Problem("date_out_of_range", "'" + name + "' must be between " + EARLIEST + " and " + LATEST,
                        java.util.Map.of("name", name, "earliest", EARLIEST.toString(), "latest", LATEST.toString())))
                : Optional.empty();
    }
}
