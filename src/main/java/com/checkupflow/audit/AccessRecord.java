package com.checkupflow.audit;

import java.time.Instant;

/**
 * One row of the access log.
 *
 * @param seq             position in the chain (1, 2, …)
 * @param userCenters     the user's centers (tenants), comma-separated; empty for roles without a center
 * @param screeningId     the screening read, null for an export of many
 * @param screeningCenter the center the screening belongs to
 * @param action          what was read, e.g. {@code REPORT_PDF} or {@code TASK_FORM}
 * @param resource        the request (method and path; for task forms also the step)
 * @param result          {@code ALLOWED} or {@code DENIED}
 */
record AccessRecord(long seq, Instant accessedAt, String userId, String userRoles, String userCenters,
                    String screeningId, String screeningCenter, String action, String resource, String clientAddress,
                    String result, int httpStatus, String prevHash, String hash) {

    static final String ALLOWED = "ALLOWED";
    static final String DENIED = "DENIED";
}
