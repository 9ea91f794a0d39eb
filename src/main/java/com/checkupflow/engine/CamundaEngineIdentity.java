package com.checkupflow.engine;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.stereotype.Component;

import com.checkupflow.security.CurrentUser;
import com.checkupflow.security.EngineIdentity;

/** {@link EngineIdentity} on Camunda's identity service (passwords, group and tenant memberships). */
@Component
class CamundaEngineIdentity implements EngineIdentity {

    private final IdentityService identity;
    private final ProcessEngine engine;

    CamundaEngineIdentity(IdentityService identity, ProcessEngine engine) {
        this.identity = identity;
        this.engine = engine;
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
    public Optional<CurrentUser> webappUser(HttpSession session) {
        if (session == null) {
            return Optional.empty();
        }
        Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
        Authentication auth = authentications == null ? null
                : authentications.getAuthenticationForProcessEngine(engine.getName());
        if (!(auth instanceof UserAuthentication user)) {
            return Optional.empty();
        }
        return Optional.of(new CurrentUser(user.getIdentityId(), Set.copyOf(user.getGroupIds()),
                Set.copyOf(user.getTenantIds())));
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
