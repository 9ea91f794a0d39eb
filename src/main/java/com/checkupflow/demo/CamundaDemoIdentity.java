package com.checkupflow.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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
    /** Synthetic names per center: nurse, coordinator. */
    private static final String[][] STAFF_NAMES = {
            {"문소희", "배지호"}, {"임하은", "노시우"}, {"유나연", "홍민호"}, {"장수아", "전우진"},
            {"고은서", "남궁현"}, {"양지민", "백승현"}, {"류다은", "구태윤"}, {"차예은", "변지환"}};
    /**
     * The Korean role word the Tasklist prints after a user's name ("김서준 검진의"): it shows first name, then last
     * name, so the whole name is the first name and the role the last.
     */
    private static final java.util.Map<String, String> ROLE_WORDS = java.util.Map.of(Roles.PHYSICIAN, "검진의",
            Roles.HEAD_PHYSICIAN, "책임의사", Roles.NURSE, "간호사", Roles.COORDINATOR, "코디네이터", Roles.MANAGER, "관리자",
            Roles.DESIGNER, "프로세스 설계자", Roles.INTEGRATION, "연동 시스템", Roles.PRIVACY_OFFICER, "개인정보 보호책임자",
            Roles.WORKER, "모델 작업자");

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
        List<Center> all = centers.all();
        List<String> ids = new ArrayList<>(GLOBAL_ROLES);
        CENTER_ROLES.forEach(role -> all.forEach(center -> ids.add(userId(role, center))));
        // one query for the demo users that exist, not one per user, at every start
        Map<String, User> existing = identity.createUserQuery().userIdIn(ids.toArray(String[]::new)).list().stream()
                .collect(Collectors.toMap(User::getId, user -> user));
        int created = 0;
        for (String role : GLOBAL_ROLES) {
            created += ensureUser(existing.get(role), role, role, null, null, password) ? 1 : 0;
        }
        for (String role : CENTER_ROLES) {
            for (int i = 0; i < all.size(); i++) {
                String userId = userId(role, all.get(i));
                created += ensureUser(existing.get(userId), userId, role, all.get(i), personName(role, i), password) ? 1 : 0;
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

    /** The synthetic name of the center's {@code index}-th user of a role; null for a role without one. */
    private static String personName(String role, int index) {
        return switch (role) {
            case Roles.PHYSICIAN -> PHYSICIAN_NAMES[index % PHYSICIAN_NAMES.length][0];
            case Roles.HEAD_PHYSICIAN -> PHYSICIAN_NAMES[index % PHYSICIAN_NAMES.length][1];
            case Roles.NURSE -> STAFF_NAMES[index % STAFF_NAMES.length][0];
            case Roles.COORDINATOR -> STAFF_NAMES[index % STAFF_NAMES.length][1];
            default -> null;
        };
    }

    private boolean ensureUser(User existing, String userId, String groupId, Center center, String person, String password) {
        String first = person != null ? person : ROLE_WORDS.getOrDefault(groupId, groupId);
        String last = person != null ? ROLE_WORDS.getOrDefault(groupId, groupId) : "(전체 센터)";
        if (existing != null) {
            // demo users of earlier versions were named by their role id ("physician Gangnam"): give them their names
            if (groupId.equals(existing.getFirstName())) {
                existing.setFirstName(first);
                existing.setLastName(last);
                identity.saveUser(existing);
            }
            return false;
        }
        User user = identity.newUser(userId);
        user.setFirstName(first);
        user.setLastName(last);
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
