package com.checkupflow.demo;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.checkupflow.CheckupFlowHttpTest;
import com.checkupflow.RollingBackTransactions;
import com.checkupflow.center.Centers;
import com.checkupflow.physician.PhysicianProfiles;
import com.checkupflow.security.Roles;

/** The demo users are seeded in one transaction (the job executor waits for the seeding at every start). */
@CheckupFlowHttpTest
class CamundaDemoIdentityTest {

    @Autowired
    CamundaDemoIdentity demoIdentity;
    @Autowired
    IdentityService identity;
    @Autowired
    Centers centers;
    @Autowired
    PhysicianProfiles profiles;
    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void shouldUndoEverySeededUserWhenTheSeedingsOneTransactionRollsBack() {
        identity.deleteUser(Roles.DESIGNER);
        TransactionTemplate rollingBack = RollingBackTransactions.rollingBack(transactionManager);

        int created = new CamundaDemoIdentity(identity, centers, profiles, rollingBack).seed("demo");

        // the user was created inside the seeding's transaction, and went with it
        Assertions.assertThat(created).isEqualTo(1);
        Assertions.assertThat(identity.createUserQuery().userId(Roles.DESIGNER).count()).isZero();
        Assertions.assertThat(demoIdentity.seed("demo")).isEqualTo(1);
        Assertions.assertThat(identity.createUserQuery().userId(Roles.DESIGNER).count()).isEqualTo(1);
        Assertions.assertThat(identity.createUserQuery().memberOfGroup(Roles.DESIGNER).userId(Roles.DESIGNER).count())
                .isEqualTo(1);
    }
}
