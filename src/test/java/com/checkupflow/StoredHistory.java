package com.checkupflow;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.LongSupplier;

import javax.sql.DataSource;

/**
 * Fast pre-population for the end-to-end harness: the rows of the finished process instances stored so far (the
 * templates) copied in SQL until a target count is stored, with fresh ids, the same way on the bare engine's database and on
 * CheckupFlow's. So a measured batch runs against 10k or 100k stored screenings without running each through the
 * engine (about 55 s per 100 over HTTP).
 * <p>
 * Copied: every engine history table ({@code ACT_HI_*}, history byte arrays) by {@code ROOT_PROC_INST_ID_}, and for
 * CheckupFlow its own per-screening tables ({@link #CHECKUPFLOW_TABLES}). Not copied: runtime rows (templates are
 * finished, so the job executor never sees a copy), the hash-chained access log, keys and reference data. A copied
 * id is the original with the 8 characters that follow its last 22 replaced by the copy's tag when it is 36 long (a UUID,
 * so it still fits a {@code VARCHAR(36)} screening id; the replaced ones are a version 1 UUID's time-high and clock
 * sequence, the same for every id of a node, and a version 7 UUID's version and first random bits, while version 7 ids
 * of the same millisecond differ in their last characters) or longer than 55 (an activity instance id, {@code activity:uuid}, that must still fit 64), else
 * the original with {@code -tag} appended; tags ({@code rNNNNNNN}) contain {@code r}, which no UUID does, and differ
 * per copy. Every column that identifies an instance, a screening or one of their rows is rewritten ({@code ID_}, {@code *_ID_} except activities, definitions, deployments, tenants, users and groups;
 * {@code BUSINESS_KEY_}; our {@link #CHECKUPFLOW_KEYS}); values (variable texts, timestamps, report texts) are kept,
 * so copies have their templates' times and sizes.
 */
final class StoredHistory {

    /** Our tables with one or more rows per screening, and how each finds the template's rows. */
    static final List<String[]> CHECKUPFLOW_TABLES = List.of(
            new String[] {"CF_SCREENING", "ID IN (SELECT screening_id FROM bench_template)"},
            new String[] {"CF_SCREENING_BUNDLE", "SCREENING_ID IN (SELECT screening_id FROM bench_template)"},
            new String[] {"CF_SCREENING_ITEM", "SCREENING_ID IN (SELECT screening_id FROM bench_template)"},
            new String[] {"CF_CORRECTION", "SCREENING_ID IN (SELECT screening_id FROM bench_template)"},
            new String[] {"CF_DRAFT", "SCREENING_ID IN (SELECT screening_id FROM bench_template)"},
            new String[] {"CF_REVIEW", "SCREENING_ID IN (SELECT screening_id FROM bench_template)"},
            new String[] {"CF_REFERRAL", "SCREENING_ID IN (SELECT screening_id FROM bench_template)"},
            new String[] {"CF_DOCUMENT", "SCREENING_ID IN (SELECT screening_id FROM bench_template)"},
            new String[] {"CF_REPORT_AI_USE", "SCREENING_ID IN (SELECT screening_id FROM bench_template)"},
            new String[] {"CF_CRITICAL_CONTACT", "SCREENING_ID IN (SELECT screening_id FROM bench_template)"},
            new String[] {"CF_OUTBOX", "SCREENING_ID IN (SELECT screening_id FROM bench_template)"},
            new String[] {"CF_DELIVERY_RECEIPT", "IDEMPOTENCY_KEY IN (SELECT o.idempotency_key FROM cf_outbox o "
                    + "JOIN bench_template t ON o.screening_id = t.screening_id)"},
            new String[] {"CF_SCREENING_CYCLE", "PROCESS_INSTANCE_ID IN (SELECT id FROM bench_template)"},
            new String[] {"CF_STAGE_INTERVAL", "PROCESS_INSTANCE_ID IN (SELECT id FROM bench_template)"},
            new String[] {"CF_ANALYTICS_CODE", "PROCESS_INSTANCE_ID IN (SELECT id FROM bench_template)"});
    static final Set<String> CHECKUPFLOW_KEYS = Set.of("ID", "SCREENING_ID", "PROCESS_INSTANCE_ID",
            "ACTIVITY_INSTANCE_ID", "TASK_ID", "IDEMPOTENCY_KEY", "MESSAGE_ID", "SOURCE_VALUE");
    /** {@code *_ID_} columns naming what all instances share (activity ids name the model's elements). */
    static final Set<String> SHARED = Set.of("ACT_ID_", "ACTIVITY_ID_", "FAILED_ACT_ID_", "FAILED_ACTIVITY_ID_",
            "START_ACT_ID_", "END_ACT_ID_", "CASE_ACT_ID_", "CLAUSE_ID_", "RULE_ID_", "WORKER_ID_", "ASSIGNER_ID_",
            "CREATE_USER_ID_", "START_USER_ID_", "PROC_DEF_ID_", "PROCESS_DEF_ID_", "DEPLOYMENT_ID_", "JOB_DEF_ID_",
            "TENANT_ID_", "USER_ID_", "GROUP_ID_", "CASE_DEF_ID_", "DEC_DEF_ID_", "DEC_REQ_ID_", "ORG_ID_", "TYPE_ID_");

    /** Copies per round (each a tag): a round's statements copy every template this many times. */
    static final int TAGS_PER_ROUND = 10;

    private final DataSource db;
    private final boolean checkupFlow;

    StoredHistory(DataSource db, boolean checkupFlow) {
        this.db = db;
        this.checkupFlow = checkupFlow;
    }

    /**
     * Copies the finished instances stored so far (the templates, snapshotted once) until {@code stored} reaches
     * {@code target}, one copy per tag from {@code firstTag}; answers the next unused tag. Each copy reads the small
     * snapshot, never the growing tables, so a copy costs the same at 100k as at 1k.
     */
    int copyUntil(LongSupplier stored, long target, int firstTag) throws SQLException {
        int tag = firstTag;
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            s.execute("DROP TABLE IF EXISTS bench_template");
            s.execute("CREATE TABLE bench_template (id VARCHAR(64) PRIMARY KEY, screening_id VARCHAR(64))");
            // originals only (a copy's id holds its tag rNNNNNNN, which no UUID does: in its middle since ids are
            // rewritten in place, so "ends in" took the last level's copies as templates and copied them twice onto
            // one id), finished, and for CheckupFlow with the screening they belong to
            s.execute(checkupFlow
                    ? "INSERT INTO bench_template SELECT p.ID_, cs.id FROM ACT_HI_PROCINST p JOIN cf_screening cs "
                            + "ON cs.process_instance_id = p.ID_ WHERE p.END_TIME_ IS NOT NULL AND p.ID_ NOT LIKE '%r%'"
                    : "INSERT INTO bench_template SELECT ID_, NULL FROM ACT_HI_PROCINST WHERE END_TIME_ IS NOT NULL "
                            + "AND ID_ NOT LIKE '%r%'");
            int templates;
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM bench_template")) {
                rs.next();
                templates = rs.getInt(1);
                if (templates == 0) {
                    throw new IllegalStateException("no finished instance to copy");
                }
            }
            List<String[]> tables = new ArrayList<>();
            for (String table : historyTables(c.getMetaData())) {
                tables.add(new String[] {table, "ROOT_PROC_INST_ID_ IN (SELECT id FROM bench_template)"});
            }
            if (checkupFlow) {
                tables.addAll(CHECKUPFLOW_TABLES);
            }
            List<String> inserts = new ArrayList<>();
            for (String[] table : tables) {
                s.execute("DROP TABLE IF EXISTS bench_copy_" + table[0]);
                s.execute("CREATE TABLE bench_copy_" + table[0] + " AS SELECT * FROM " + table[0] + " WHERE " + table[1]);
                inserts.add(insert(c.getMetaData(), table[0]));
            }
            s.execute("DROP TABLE IF EXISTS bench_tags");
            s.execute("CREATE TABLE bench_tags (tag VARCHAR(8) PRIMARY KEY)");
            long remaining;
            while ((remaining = target - stored.getAsLong()) > 0) {
                // several copies per statement: one pass over each small snapshot table per round, not per copy
                long copies = Math.min(TAGS_PER_ROUND, (remaining + templates - 1) / templates);
                s.execute("DELETE FROM bench_tags");
                for (long i = 0; i < copies; i++) {
                    s.execute(String.format(Locale.ROOT, "INSERT INTO bench_tags VALUES ('r%07d')", tag++));
                }
                for (String insert : inserts) {
                    s.execute(insert);
                }
            }
            s.execute("DROP TABLE bench_tags");
            for (String[] table : tables) {
                s.execute("DROP TABLE bench_copy_" + table[0]);
            }
            s.execute("DROP TABLE bench_template");
        }
        return tag;
    }

    private static List<String> historyTables(DatabaseMetaData meta) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = meta.getColumns(null, null, "ACT_%", "ROOT_PROC_INST_ID_")) {
            while (rs.next()) {
                String table = rs.getString("TABLE_NAME").toUpperCase(Locale.ROOT);
                if (table.startsWith("ACT_HI_") || table.equals("ACT_GE_BYTEARRAY")) {
                    tables.add(table);
                }
            }
        }
        return tables;
    }

    /** {@code INSERT INTO t (...) SELECT ... FROM bench_copy_t} once per tag of {@code bench_tags}, ids rewritten with the tag. */
    private static String insert(DatabaseMetaData meta, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        List<String> values = new ArrayList<>();
        try (ResultSet rs = meta.getColumns(null, null, table, null)) {
            while (rs.next()) {
                String column = rs.getString("COLUMN_NAME").toUpperCase(Locale.ROOT);
                if ("YES".equals(rs.getString("IS_AUTOINCREMENT"))) {
                    continue;
                }
                columns.add(column);
                boolean key = column.equals("ID_") || column.equals("BUSINESS_KEY_")
                        || (column.endsWith("_ID_") && !SHARED.contains(column))
                        || (table.startsWith("CF_") && CHECKUPFLOW_KEYS.contains(column));
                values.add(key ? "CASE WHEN " + column + " IS NULL THEN NULL WHEN LENGTH(" + column + ") = 36 OR LENGTH("
                        + column + ") > 55 THEN CONCAT(LEFT(" + column + ", LENGTH(" + column + ") - 22), t.tag, RIGHT(" + column
                        + ", 14)) ELSE CONCAT("
                        + column + ", '-', t.tag) END" : column);
            }
        }
        if (columns.isEmpty()) {
            throw new IllegalStateException("no table " + table);
        }
        return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") SELECT " + String.join(", ", values)
                + " FROM bench_copy_" + table + " CROSS JOIN bench_tags t";
    }
}
