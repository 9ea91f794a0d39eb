package com.checkupflow.physician;

import java.time.Instant;

/**
 * How a physician signs a report: the name and the medical licence number (의사 면허번호) printed on the result
 * notice, for the engine user {@code userId}.
 */
public record PhysicianProfile(String userId, String displayName, String licenceNumber, Instant updatedAt,
                               String updatedBy) {
}
