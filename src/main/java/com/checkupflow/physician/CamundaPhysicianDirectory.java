package com.checkupflow.physician;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

import com.checkupflow.security.Roles;

/** {@link PhysicianDirectory} on Camunda's identity service (the adapter; nothing else here knows the engine). */
@Component
class CamundaPhysicianDirectory implements PhysicianDirectory {

    private final IdentityService identity;

    CamundaPhysicianDirectory(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public boolean isPhysician(String userId) {
        return identity.createGroupQuery().groupMember(userId).list().stream()
                .anyMatch(g -> Roles.PHYSICIAN.equals(g.getId()) || Roles.HEAD_PHYSICIAN.equals(g.getId()));
    }
}
