package com.checkupflow.engine;

import java.util.List;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Tenant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.checkupflow.CheckupFlowHttpTest;
import com.checkupflow.security.Roles;

/** The grants are code: applied at start, recorded by version, and applying them again changes nothing. */
@CheckupFlowHttpTest
class AuthorizationSetupTest {

    @Autowired
    AuthorizationSetup setup;
    @Autowired
    AuthorizationService authorizations;
    @Autowired
    FilterService filters;
    @Autowired
    IdentityService identity;
    @Autowired
    ManagementService management;

    @Test
    void shouldRecordAppliedVersionWhenApplicationStarts() {
        Assertions.assertThat(management.getProperties()).containsEntry(AuthorizationSetup.VERSION_PROPERTY,
                Integer.toString(AuthorizationSetup.VERSION));
        Assertions.assertThat(setup.appliedVersion()).isEqualTo(AuthorizationSetup.VERSION);
    }

    @Test
    void shouldChangeNothingWhenTheSameVersionIsAppliedAgain() {
        long grants = authorizations.createAuthorizationQuery().count();
        long filterCount = filters.createFilterQuery().count();
        setup.apply();
        setup.apply();
        Assertions.assertThat(authorizations.createAuthorizationQuery().count()).isEqualTo(grants);
        Assertions.assertThat(filters.createFilterQuery().count()).isEqualTo(filterCount);
    }

    @Test
    void shouldGrantDesignersDeploymentAndDefinitionsButNothingClinical() {
        Assertions.assertThat(authorizations.isUserAuthorized("designer", List.of(Roles.DESIGNER),
                Permissions.CREATE, Resources.DEPLOYMENT)).isTrue();
        Assertions.assertThat(authorizations.isUserAuthorized("designer", List.of(Roles.DESIGNER),
                Permissions.READ, Resources.TASK)).isFalse();
        Assertions.assertThat(authorizations.createAuthorizationQuery().groupIdIn(Roles.DESIGNER)
                .resourceType(Resources.PROCESS_INSTANCE).count()).isZero();
        Assertions.assertThat(identity.createTenantQuery().groupMember(Roles.DESIGNER).count()).isZero();
    }

    @Test
    void shouldPutManagersIntegrationAndAdministratorsInEveryCenter() {
        for (String group : AuthorizationSetup.ALL_CENTER_GROUPS) {
            Assertions.assertThat(identity.createTenantQuery().groupMember(group).count()).as(group).isEqualTo(8);
        }
        Assertions.assertThat(identity.createTenantQuery().userMember("physicianGangnam").list())
                .extracting(Tenant::getId).containsExactly("gangnam");
    }
}
