package com.checkupflow.engine;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.stereotype.Component;

import com.checkupflow.security.CurrentUser;
import com.checkupflow.security.EngineIdentity;

/** {@link EngineIdentity} on Camunda's identity service (passwords, group and tenant memberships). */
@Component
class CamundaEngineIdentity implements EngineIdentity {

    private final IdentityService identity;

    CamundaEngineIdentity(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public Optional<CurrentUser> authenticate(String userId, String password) {
        if (userId == null || userId.isBlank() || password == null || !identity.checkPassword(userId, password)) {
            return Optional.empty();
        }
        Set<String> groups = identity.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId).collect(Collectors.toSet());
        Set<String> tenants = identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list()
                .stream().map(Tenant::getId).collect(Collectors.toSet());
        return Optional.of(new CurrentUser(userId, groups, tenants));
    }

    @Override
    public void bind(CurrentUser user) {
        identity.setAuthentication(user.id(), List.copyOf(user.groups()), List.copyOf(user.tenants()));
    }

    @Override
    public void unbind() {
        identity.clearAuthentication();
    }
}
