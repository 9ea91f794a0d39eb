package com.checkupflow.center;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Date-times as staff and patients read them: every center is in Korea, so in Seoul time with its label
 * ("2026-12-01 16:58 (KST)"), never in the server's zone. The one formatter for task texts, form variables,
 * report and letter dates.
 */
public final class CenterTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Seoul");

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm '(KST)'")
            .withZone(ZONE);

    private CenterTime() {
    }

    public static String format(Instant instant) {
        return FORMAT.format(instant);
    }
}
