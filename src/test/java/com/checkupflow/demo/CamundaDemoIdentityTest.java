package com.checkupflow.demo;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.checkupflow.center.Center;
import com.checkupflow.center.Centers;
import com.checkupflow.physician.PhysicianProfiles;
import com.checkupflow.security.Roles;

/** The demo users carry Korean names, which the Tasklist prints for assignees and candidates (name, then role). */
@ExtendWith(ProcessEngineExtension.class)
class CamundaDemoIdentityTest {

    ProcessEngine processEngine;

    private final Centers centers = mock(Centers.class);

    @AfterEach
    void tearDown() {
        IdentityService identity = processEngine.getIdentityService();
        identity.createUserQuery().list().forEach(u -> identity.deleteUser(u.getId()));
        identity.createGroupQuery().list().forEach(g -> identity.deleteGroup(g.getId()));
        identity.createTenantQuery().list().forEach(t -> identity.deleteTenant(t.getId()));
    }

    @Test
    void shouldNameAnEarlierVersionsDemoUserInKoreanWhenItStillCarriesItsRoleId() {
        for (String center : List.of("gwanghwamun", "yeouido", "gangnam")) {
            processEngine.getIdentityService().saveTenant(processEngine.getIdentityService().newTenant(center));
        }
        when(centers.all()).thenReturn(List.of(new Center("gwanghwamun", "광화문센터", "Gwanghwamun", "ko"),
                new Center("yeouido", "여의도센터", "Yeouido", "ko"), new Center("gangnam", "강남센터", "Gangnam", "ko")));
        IdentityService identity = processEngine.getIdentityService();
        // the groups are engine.AuthorizationSetup's, made in every profile
        java.util.stream.Stream.concat(CamundaDemoIdentity.GLOBAL_ROLES.stream(), CamundaDemoIdentity.CENTER_ROLES.stream())
                .forEach(role -> identity.saveGroup(identity.newGroup(role)));
        User old = identity.newUser("nurseGangnam");
        old.setFirstName(Roles.NURSE);
        old.setLastName("Gangnam");
        identity.saveUser(old);

        new CamundaDemoIdentity(identity, centers, mock(PhysicianProfiles.class)).seed("demo");

        User nurse = identity.createUserQuery().userId("nurseGangnam").singleResult();
        Assertions.assertThat(nurse.getFirstName() + " " + nurse.getLastName()).isEqualTo("유나연 간호사");
        User physician = identity.createUserQuery().userId("physicianGangnam").singleResult();
        Assertions.assertThat(physician.getFirstName() + " " + physician.getLastName()).isEqualTo("박도윤 검진의");
        Assertions.assertThat(identity.createUserQuery().userId("manager").singleResult().getFirstName()).isEqualTo("관리자");
    }
}
