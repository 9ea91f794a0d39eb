package com.checkupflow.physician;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The physician profiles ({@code cf_physician_profile}): read when a report is signed, kept by administrators. */
@Service
public class PhysicianProfiles {

    private static final Logger log = LoggerFactory.getLogger(PhysicianProfiles.class);

    static final int MAX_NAME_LENGTH = 50;
    /** Korean medical licence numbers are numeric; 1 to 10 digits fit every one issued so far. */
    static final Pattern LICENCE = Pattern.compile("\\d{1,10}");

    private final JdbcClient jdbc;
    private final Clock clock;

    PhysicianProfiles(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<PhysicianProfile> find(String userId) {
        return jdbc.sql("SELECT * FROM cf_physician_profile WHERE user_id = ?").param(userId)
                .query(PhysicianProfiles::row).optional();
    }

    /** The signer as a signed document names them; logs when the user has no profile (the document says so). */
    public String signature(String userId, String language) {
        Optional<PhysicianProfile> profile = find(userId);
        if (profile.isEmpty()) {
            log.warn("Signing user {} has no physician profile; the document says the licence is not registered "
                    + "(PUT /api/physicians/{})", userId, userId);
        }
        return PhysicianProfile.signature(userId, profile, language);
    }

    List<PhysicianProfile> all() {
        return jdbc.sql("SELECT * FROM cf_physician_profile ORDER BY user_id").query(PhysicianProfiles::row).list();
    }

    /** @return what is wrong with the profile, in Korean (empty when it may be saved) */
    static List<String> problems(String displayName, String licenceNumber) {
        List<String> problems = new ArrayList<>();
        if (displayName == null || displayName.isBlank()) {
            problems.add("이름(displayName)이 비어 있습니다");
        } else if (displayName.strip().length() > MAX_NAME_LENGTH) {
            problems.add("이름(displayName)은 " + MAX_NAME_LENGTH + "자 이하여야 합니다");
        }
        if (licenceNumber == null || !LICENCE.matcher(licenceNumber.strip()).matches()) {
            problems.add("면허번호(licenceNumber)는 1~10자리 숫자여야 합니다");
        }
        return problems;
    }

    /** Creates or replaces the profile; the caller has checked {@link #problems}. */
    @Transactional
    public PhysicianProfile save(String userId, String displayName, String licenceNumber, String updatedBy) {
        int updated = jdbc.sql("""
                UPDATE cf_physician_profile SET display_name = ?, licence_number = ?, updated_at = ?, updated_by = ?
                WHERE user_id = ?""")
                .params(displayName.strip(), licenceNumber.strip(), Timestamp.from(clock.instant()), updatedBy, userId)
                .update();
        if (updated == 0) {
            insert(userId, displayName, licenceNumber, updatedBy);
        }
        return find(userId).orElseThrow();
    }

    /** For seeding: a profile an administrator already edited stays as it is. */
    public boolean saveIfAbsent(String userId, String displayName, String licenceNumber, String updatedBy) {
        if (find(userId).isPresent()) {
            return false;
        }
        insert(userId, displayName, licenceNumber, updatedBy);
        return true;
    }

    private void insert(String userId, String displayName, String licenceNumber, String updatedBy) {
        jdbc.sql("""
                INSERT INTO cf_physician_profile (user_id, display_name, licence_number, updated_at, updated_by)
                VALUES (?, ?, ?, ?, ?)""")
                .params(userId, displayName.strip(), licenceNumber.strip(), Timestamp.from(clock.instant()), updatedBy)
                .update();
    }

    private static PhysicianProfile row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new PhysicianProfile(rs.getString("user_id"), rs.getString("display_name"),
                rs.getString("licence_number"), rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"));
    }
}
