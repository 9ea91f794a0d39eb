package com.checkupflow.engine;

import org.assertj.core.api.Assertions;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.checkupflow.security.CurrentUser;

/** A remembered login saves the engine queries of the next requests, but never lets a wrong password in. */
@ExtendWith(ProcessEngineExtension.class)
class CamundaEngineIdentityTest {

    ProcessEngine processEngine;
    private IdentityService identityService;
    private CamundaEngineIdentity identity;

    @BeforeEach
    void createUser() {
        identityService = processEngine.getIdentityService();
        User user = identityService.newUser("physicianTest");
        user.setPassword("first-secret");
        identityService.saveUser(user);
        identityService.saveGroup(identityService.newGroup("physician"));
        identityService.createMembership("physicianTest", "physician");
        identity = new CamundaEngineIdentity(identityService);
    }

    @AfterEach
    void deleteUser() {
        identityService.deleteUser("physicianTest");
        identityService.deleteGroup("physician");
    }

    @Test
    void shouldLeaveTheLockToTheEngineWhenAWrongPasswordFollowsARememberedLogin() {
        Assertions.assertThat(identity.authenticate("physicianTest", "first-secret")).get()
                .extracting(CurrentUser::groups).asInstanceOf(InstanceOfAssertFactories.COLLECTION)
                .containsExactly("physician");

        Assertions.assertThat(identity.authenticate("physicianTest", "first-secreT")).isEmpty();

        // The engine's login throttling now delays the user; the remembered login must not get around it.
        Assertions.assertThat(identity.authenticate("physicianTest", "first-secret")).isEmpty();
    }

    @Test
    void shouldAskTheEngineWhenThePasswordDiffersFromTheRememberedOne() {
        identity.authenticate("physicianTest", "first-secret");
        User user = identityService.createUserQuery().userId("physicianTest").singleResult();
        user.setPassword("second-secret");
        identityService.saveUser(user);

        Assertions.assertThat(identity.authenticate("physicianTest", "second-secret")).isPresent();
    }
}
