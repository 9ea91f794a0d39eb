package com.checkupflow.demo;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

import com.checkupflow.center.Center;
import com.checkupflow.center.Centers;

/** Demo groups and users {@code <role><Center>} (e.g. physicianGangnam), created only when absent. */
@Component
class DemoIdentity {

    /** Group id, Korean name, whether each center has a user of this role. */
    static final List<String[]> ROLES = List.of(
            new String[]{"physician", "검진의 (Physicians)", "center"},
            new String[]{"headPhysician", "책임의사 (Head physicians)", "center"},
            new String[]{"nurse", "간호사 (Nurses)", "center"},
            new String[]{"coordinator", "코디네이터 (Coordinators)", "center"},
            new String[]{"manager", "관리자 (Managers)", "global"},
            new String[]{"designer", "프로세스 설계자 (Process designers)", "global"});

    private final IdentityService identity;
    private final Centers centers;

    DemoIdentity(IdentityService identity, Centers centers) {
        this.identity = identity;
        this.centers = centers;
    }

    /** @return the number of users created */
    int seed(String password) {
        int created = 0;
        for (String[] role : ROLES) {
            ensureGroup(role[0], role[1]);
            if ("global".equals(role[2])) {
                created += ensureUser(role[0], role[0], null, password) ? 1 : 0;
                continue;
            }
            for (Center center : centers.all()) {
                String userId = role[0] + Character.toUpperCase(center.id().charAt(0)) + center.id().substring(1);
                created += ensureUser(userId, role[0], center, password) ? 1 : 0;
            }
        }
        return created;
    }

    private void ensureGroup(String id, String name) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(name);
            group.setType("WORKFLOW");
            identity.saveGroup(group);
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
