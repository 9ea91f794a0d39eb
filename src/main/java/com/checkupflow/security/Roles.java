package com.checkupflow.security;

import java.util.List;

/** The groups of the engine's identity service, which are the roles of CheckupFlow. */
public final class Roles {

    public static final String PHYSICIAN = "physician";
    public static final String HEAD_PHYSICIAN = "headPhysician";
    public static final String NURSE = "nurse";
    public static final String COORDINATOR = "coordinator";
    public static final String MANAGER = "manager";
    public static final String DESIGNER = "designer";
    /** Systems that post screenings (POST /api/screenings). */
    public static final String INTEGRATION = "integration";
    /** Reviews the access log (GET /api/audit/access) and the AI use register; nothing clinical. */
    public static final String PRIVACY_OFFICER = "privacyOfficer";
    /** Remote model workers (the {@code worker} profile): external tasks over /engine-rest only, nothing else. */
    public static final String WORKER = "worker";
    /** Camunda's administrators group: every permission, every tenant. */
    public static final String ADMIN = "camunda-admin";

    /** Staff of one center: they belong to their center's tenant only. */
    public static final List<String> CENTER_STAFF = List.of(PHYSICIAN, HEAD_PHYSICIAN, NURSE, COORDINATOR);

    /** Who may read analytics: the dashboard, {@code /api/analytics/**} and the Cockpit heatmap's figures. */
    public static final List<String> ANALYTICS_READERS = List.of(MANAGER, ADMIN);

    private Roles() {
    }
}
