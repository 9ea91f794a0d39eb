package com.checkupflow.demo;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.checkupflow.center.Center;
import com.checkupflow.center.Centers;
import com.checkupflow.physician.PhysicianProfiles;
import com.checkupflow.security.Roles;

/**
 * Demo users {@code <role><Center>} (e.g. physicianGangnam) in their center's tenant, plus {@code manager},
 * {@code designer}, {@code integration} and {@code worker} for all centers; created only when absent. The groups, their tenants
 * and grants are not demo data: {@code engine.AuthorizationSetup} creates them in every profile.
 */
@Component
class CamundaDemoIdentity {

    /** Roles with one user per center. */
    static final List<String> CENTER_ROLES = Roles.CENTER_STAFF;
    /** Roles with one user for all centers (their group belongs to every tenant, designers and privacy officers to none). */
    static final List<String> GLOBAL_ROLES = List.of(Roles.MANAGER, Roles.DESIGNER, Roles.INTEGRATION,
            Roles.PRIVACY_OFFICER, Roles.WORKER);

    /** Synthetic signing names per center (in the order of checkupflow.centers): physician, head physician. */
    private static final String[][] PHYSICIAN_NAMES = {
            {"김서준", "한지훈"}, {"이하린", "오유나"}, {"박도윤", "서준혁"}, {"최지우", "신예린"},
            {"정민재", "권태민"}, {"강서아", "황수빈"}, {"조현우", "안재원"}, {"윤채원", "송다인"}};

    private final IdentityService identity;
    private final Centers centers;
    private final PhysicianProfiles profiles;
    private final TransactionTemplate transaction;

    CamundaDemoIdentity(IdentityService identity, Centers centers, PhysicianProfiles profiles, TransactionTemplate transaction) {
        this.identity = identity;
        this.centers = centers;
        this.profiles = profiles;
        this.transaction = transaction;
    }

    static String userId(String role, Center center) {
        return role + Character.toUpperCase(center.id().charAt(0)) + center.id().substring(1);
    }

    /**
     * In one transaction that the engine calls join: the job executor starts only after the seeding (ApplicationReadyEvent),
     * so the ~50 checks of every start and the ~150 writes of the first one commit once rather than once each.
     *
     * @return the number of users created
     */
    int seed(String password) {
        return transaction.execute(status -> seedUsers(password));
    }

    private int seedUsers(String password) {
        int created = 0;
        for (String role : GLOBAL_ROLES) {
            created += ensureUser(role, role, null, password) ? 1 : 0;
        }
        for (String role : CENTER_ROLES) {
            for (Center center : centers.all()) {
                created += ensureUser(userId(role, center), role, center, password) ? 1 : 0;
            }
        }
        seedPhysicianProfiles();
        return created;
    }

    /**
     * Synthetic profiles (name, licence number) for the demo physicians, so that demo reports are signed as a real
     * result notice is; also for users created by an earlier version. A profile an administrator edited stays.
     */
    private void seedPhysicianProfiles() {
        List<Center> all = centers.all();
        for (int i = 0; i < all.size(); i++) {
            String[] names = PHYSICIAN_NAMES[i % PHYSICIAN_NAMES.length];
            profiles.saveIfAbsent(userId(Roles.PHYSICIAN, all.get(i)), names[0], String.valueOf(20101 + i), "demo");
            profiles.saveIfAbsent(userId(Roles.HEAD_PHYSICIAN, all.get(i)), names[1], String.valueOf(30101 + i), "demo");
        }
    }

    private boolean ensureUser(String userId, String groupId, Center center, String password) {
        if (identity.createUserQuery().userId(userId).count() > 0) {
            return false;
        }
        User user = identity.newUser(userId);
        user.setFirstName(groupId);
        user.setLastName(center == null ? "(all centers)" : center.nameEn());
        user.setEmail(userId + "@demo.checkupflow.example");
        user.setPassword(password);
        identity.saveUser(user);
        identity.createMembership(userId, groupId);
        if (center != null) {
            identity.createTenantUserMembership(center.id(), userId);
        }
        return true;
    }
}
