package com.checkupflow.kernel;

import java.time.LocalDate;

/**
 * The first clinic visit after a 고혈압·당뇨병(·이상지질혈증) 질환의심 result is free of the patient's share until
 * 31 January of the year after the exam (screening-criteria.md §1). The one source for "has that lapsed?".
 */
public final class FreeFirstVisit {

    private FreeFirstVisit() {
    }

    public static LocalDate deadline(LocalDate examDate) {
        return LocalDate.of(examDate.getYear() + 1, 1, 31);
    }

    /** True when {@code today} (the center's date) is after the deadline of an exam on {@code examDate}. */
    public static boolean lapsed(LocalDate examDate, LocalDate today) {
        return today.isAfter(deadline(examDate));
    }
}
