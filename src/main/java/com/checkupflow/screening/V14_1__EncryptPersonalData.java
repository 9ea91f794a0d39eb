package com.checkupflow.screening;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

import com.checkupflow.privacy.FieldCipher;

/**
 * Flyway V14_1 (after V14 widened the columns): encrypts the direct identifiers that earlier versions stored in
 * plain text, and fills the RRN's keyed hash. A Spring bean, so Spring Boot hands it to Flyway with the cipher;
 * values already encrypted are left alone. Works in pages by primary key, in the migration's transaction.
 */
@Component
class V14_1__EncryptPersonalData extends BaseJavaMigration {

    private static final int PAGE = 200;

    /** A table, its key and the columns to encrypt, each named "table.column" for the associated data. */
    private record Target(String table, String key, List<String> columns) {
    }

    private static final List<Target> TARGETS = List.of(
            new Target("cf_screening", "id", List.of("patient_name", "patient_rrn", "report_html")),
            new Target("cf_screening_bundle", "screening_id", List.of("bundle_json")),
            new Target("cf_referral", "screening_id", List.of("letter_html")));

    private final FieldCipher cipher;

    V14_1__EncryptPersonalData(FieldCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        for (Target t : TARGETS) {
            encrypt(c, t);
        }
    }

    private void encrypt(Connection c, Target t) throws SQLException {
        String select = "SELECT " + t.key() + ", " + String.join(", ", t.columns()) + " FROM " + t.table()
                + " WHERE " + t.key() + " > ? ORDER BY " + t.key() + " FETCH FIRST " + PAGE + " ROWS ONLY";
        boolean screening = "cf_screening".equals(t.table());
        String update = "UPDATE " + t.table() + " SET " + String.join(" = ?, ", t.columns()) + " = ?"
                + (screening ? ", patient_rrn_hash = COALESCE(?, patient_rrn_hash)" : "") + " WHERE " + t.key() + " = ?";
        String after = "";
        while (true) {
            List<String[]> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(select)) {
                ps.setString(1, after);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String[] row = new String[t.columns().size() + 1];
                        for (int i = 0; i < row.length; i++) {
                            row[i] = rs.getString(i + 1);
                        }
                        rows.add(row);
                    }
                }
            }
            if (rows.isEmpty()) {
                return;
            }
            try (PreparedStatement ps = c.prepareStatement(update)) {
                for (String[] row : rows) {
                    String id = row[0];
                    int p = 1;
                    String rrn = null;
                    for (int i = 0; i < t.columns().size(); i++) {
                        String value = row[i + 1];
                        String column = t.table() + "." + t.columns().get(i);
                        boolean plain = value != null && !FieldCipher.isEncrypted(value);
                        if (plain && ScreeningRepository.RRN.equals(column)) {
                            rrn = value;
                        }
                        ps.setString(p++, plain ? cipher.encrypt(value, column, id) : value);
                    }
                    if (screening) {
                        ps.setString(p++, rrn == null ? null : ScreeningRepository.rrnHash(cipher, rrn));
                    }
                    ps.setString(p, id);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            after = rows.get(rows.size() - 1)[0];
        }
    }
}
