package com.checkupflow.engine;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Tenant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.checkupflow.CheckupFlowHttpTest;
import com.checkupflow.ReviewTasks;
import com.checkupflow.demo.SyntheticScreenings;
import com.checkupflow.intake.IntakeService;
import com.checkupflow.process.ScreeningReportProcess.Activities;
import com.checkupflow.security.Roles;

import ca.uhn.fhir.context.FhirContext;

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
    @Autowired
    TaskService taskService;
    @Autowired
    IntakeService intake;
    @Autowired
    FhirContext fhir;

    @Test
    void shouldRecordAppliedVersionWhenApplicationStarts() {
        Assertions.assertThat(management.getProperties()).containsEntry(AuthorizationSetup.VERSION_PROPERTY,
                Integer.toString(AuthorizationSetup.VERSION));
        Assertions.assertThat(setup.appliedVersion()).isEqualTo(AuthorizationSetup.VERSION);
    }

    @Test
    void shouldRenameAGroupToItsKoreanNameWhenItWasMadeWithTheOldBilingualOne() {
        org.camunda.bpm.engine.identity.Group physicians = identity.createGroupQuery().groupId(Roles.PHYSICIAN).singleResult();
        physicians.setName("검진의 (Physicians)");
        identity.saveGroup(physicians);

        setup.apply();

        Assertions.assertThat(identity.createGroupQuery().groupId(Roles.PHYSICIAN).singleResult().getName())
                .isEqualTo("검진의");
        Assertions.assertThat(identity.createGroupQuery().list()).filteredOn(g -> !Roles.ADMIN.equals(g.getId()))
                .extracting(org.camunda.bpm.engine.identity.Group::getName).noneMatch(name -> name.matches(".*[A-Za-z].*"));
    }

    @Test
    void shouldChangeNothingWhenTheSameVersionIsAppliedAgain() {
        long grants = authorizations.createAuthorizationQuery().count();
        long filterCount = filters.createFilterQuery().count();
        setup.apply();
        setup.applyVersion(AuthorizationSetup.VERSION);
        setup.applyVersion(AuthorizationSetup.VERSION);
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

    @Test
    void shouldShowEveryRoleItsWorkInItsDefaultFilterWhenTheCenterHasOpenTasks() {
        String critical = receive("filters-critical", SyntheticScreenings.Profile.CRITICAL, 21);
        String suspect = receive("filters-suspect", SyntheticScreenings.Profile.SUSPECT, 22);
        String normal = receive("filters-healthy", SyntheticScreenings.Profile.BORDERLINE, 23);
        String invalid = receive("filters-invalid", SyntheticScreenings.Profile.INVALID_ITEM, 24);
        Task criticalReview = ReviewTasks.awaitReview(taskService, critical);
        ReviewTasks.awaitReview(taskService, suspect);
        Task normalReview = ReviewTasks.awaitReview(taskService, normal);
        Task correction = await().atMost(Duration.ofSeconds(30)).until(() -> taskService.createTaskQuery()
                .processInstanceBusinessKey(invalid).taskDefinitionKey(Activities.RESOLVE_INVALID_RESULTS)
                .singleResult(), java.util.Objects::nonNull);

        // critical and suspect first, then the oldest (in Daegu, where no other test of the shared context leaves tasks)
        List<Task> physician = defaultFilterTasks("physicianDaegu", Roles.PHYSICIAN,
                AuthorizationSetup.FILTER_CENTER_REVIEWS);
        Assertions.assertThat(physician).extracting(Task::getTaskDefinitionKey).containsOnly(Activities.REVIEW_REPORT);
        Assertions.assertThat(physician).extracting(Task::getId).contains(criticalReview.getId(), normalReview.getId());
        Assertions.assertThat(physician.get(0).getId()).isEqualTo(criticalReview.getId());
        Assertions.assertThat(physician.get(physician.size() - 1).getPriority()).isLessThan(physician.get(0).getPriority());
        Assertions.assertThat(physician.get(0).getName()).startsWith("결과지 검토 – ").contains("세 ").contains("대구센터");

        Assertions.assertThat(defaultFilterTasks("nurseDaegu", Roles.NURSE, AuthorizationSetup.FILTER_NURSE))
                .extracting(Task::getId).contains(correction.getId());
        Assertions.assertThat(defaultFilterTasks("headPhysicianDaegu", Roles.HEAD_PHYSICIAN,
                AuthorizationSetup.FILTER_CENTER_REVIEWS)).extracting(Task::getId).contains(criticalReview.getId());
        Assertions.assertThat(defaultFilterTasks("coordinatorDaegu", Roles.COORDINATOR,
                AuthorizationSetup.FILTER_COORDINATOR)).extracting(Task::getTaskDefinitionKey)
                .contains(Activities.REVIEW_REPORT, Activities.RESOLVE_INVALID_RESULTS, Activities.CONFIRM_CRITICAL_RESULT);
        Assertions.assertThat(defaultFilterTasks("manager", Roles.MANAGER, AuthorizationSetup.FILTER_MANAGER))
                .extracting(Task::getId).contains(correction.getId(), criticalReview.getId());
        // another center's staff sees none of them
        Assertions.assertThat(defaultFilterTasks("nurseBusan", Roles.NURSE, AuthorizationSetup.FILTER_NURSE))
                .extracting(Task::getId).doesNotContain(correction.getId());
    }

    /** The tasks of the user's default filter (the readable one of lowest priority), as the Tasklist lists them. */
    private List<Task> defaultFilterTasks(String user, String group, String expectedFilter) {
        identity.setAuthentication(user, List.of(group), identity.createTenantQuery().userMember(user)
                .includingGroupsOfUser(true).list().stream().map(Tenant::getId).toList());
        try {
            Filter first = filters.createFilterQuery().list().stream()
                    .min(Comparator.comparingInt(f -> ((Number) f.getProperties().get("priority")).intValue()))
                    .orElseThrow();
            Assertions.assertThat(first.getName()).as(user + "'s default filter").isEqualTo(expectedFilter);
            return filters.list(first.getId());
        } finally {
            identity.clearAuthentication();
        }
    }

    private String receive(String identifier, SyntheticScreenings.Profile profile, long seed) {
        String bundle = new SyntheticScreenings(fhir).bundleJson(identifier, profile, seed);
        return intake.receive("daegu", null, bundle.getBytes(StandardCharsets.UTF_8)).id();
    }
}
