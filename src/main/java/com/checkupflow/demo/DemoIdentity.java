package com.checkupflow.demo;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

import com.checkupflow.center.Center;
import com.checkupflow.center.Centers;
import com.checkupflow.security.Roles;

/**
 * Demo users {@code <role><Center>} (e.g. physicianGangnam) in their center's tenant, plus {@code manager},
 * {@code designer} and {@code integration} for all centers; created only when absent. The groups, their tenants
 * and grants are not demo data: {@code engine.AuthorizationSetup} creates them in every profile.
 */
@Component
class DemoIdentity {

    /** Roles with one user per center. */
    static final List<String> CENTER_ROLES = Roles.CENTER_STAFF;
    /** Roles with one user for all centers (their group belongs to every tenant, designers and privacy officers to none). */
    static final List<String> GLOBAL_ROLES = List.of(Roles.MANAGER, Roles.DESIGNER, Roles.INTEGRATION,
            Roles.PRIVACY_OFFICER);

    private final IdentityService identity;
    private final Centers centers;

    DemoIdentity(IdentityService identity, Centers centers) {
        this.identity = identity;
        this.centers = centers;
    }

    static String userId(String role, Center center) {
        return role + Character.toUpperCase(center.id().charAt(0)) + center.id().substring(1);
    }

    /** @return the number of users created */
    int seed(String password) {
        int created = 0;
        for (String role : GLOBAL_ROLES) {
            created += ensureUser(role, role, null, password) ? 1 : 0;
        }
        for (String role : CENTER_ROLES) {
            for (Center center : centers.all()) {
                created += ensureUser(userId(role, center), role, center, password) ? 1 : 0;
            }
        }
        return created;
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
