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
    void shouldLetStaffReadTheirColleaguesNamesWhenADatabaseOfVersion5IsUpgraded() {
        authorizations.createAuthorizationQuery().resourceType(Resources.USER).groupIdIn(Roles.NURSE).list()
                .forEach(a -> authorizations.deleteAuthorization(a.getId()));
        management.setProperty(AuthorizationSetup.VERSION_PROPERTY, "5");

        setup.apply();

        for (String staff : List.of(Roles.PHYSICIAN, Roles.HEAD_PHYSICIAN, Roles.NURSE, Roles.COORDINATOR)) {
            Assertions.assertThat(authorizations.isUserAuthorized(staff + "Gangnam", List.of(staff), Permissions.READ,
                    Resources.USER, "physicianGangnam")).as(staff).isTrue();
        }
        Assertions.assertThat(authorizations.isUserAuthorized("designer", List.of(Roles.DESIGNER), Permissions.READ,
                Resources.USER, "physicianGangnam")).isFalse();
        // what the Tasklist then prints for the assignee: the demo users' Korean names, the role after the name
        org.camunda.bpm.engine.identity.User physician = identity.createUserQuery().userId("physicianGangnam").singleResult();
        Assertions.assertThat(physician.getFirstName() + " " + physician.getLastName()).isEqualTo("박도윤 검진의");
        org.camunda.bpm.engine.identity.User nurse = identity.createUserQuery().userId("nurseGangnam").singleResult();
        Assertions.assertThat(nurse.getFirstName() + " " + nurse.getLastName()).isEqualTo("유나연 간호사");
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

        // own work first: the critical-result contact (critical, due soonest) before the critical review, then the
        // suspect and other reviews (in Daegu, where no other test of the shared context leaves tasks)
        Task contact = taskService.createTaskQuery().processInstanceBusinessKey(critical)
                .taskDefinitionKey(Activities.CONFIRM_CRITICAL_RESULT).singleResult();
        List<Task> physician = defaultFilterTasks("physicianDaegu", Roles.PHYSICIAN, AuthorizationSetup.FILTER_MY_WORK);
        Assertions.assertThat(physician).extracting(Task::getId)
                .contains(contact.getId(), criticalReview.getId(), normalReview.getId())
                .doesNotContain(correction.getId());
        Assertions.assertThat(physician.get(0).getId()).isEqualTo(contact.getId());
        Assertions.assertThat(physician.get(1).getId()).isEqualTo(criticalReview.getId());
        Assertions.assertThat(physician.get(physician.size() - 1).getPriority()).isLessThan(physician.get(0).getPriority());
        Assertions.assertThat(physician.get(1).getName()).startsWith("결과지 검토 – ").contains("세 ").contains("대구센터");
        Assertions.assertThat(filterTasks("physicianDaegu", Roles.PHYSICIAN, AuthorizationSetup.FILTER_CENTER_REVIEWS))
                .extracting(Task::getTaskDefinitionKey).containsOnly(Activities.REVIEW_REPORT);

        // nurses: the correction and the critical-result contact, also in the critical-result filter
        Assertions.assertThat(defaultFilterTasks("nurseDaegu", Roles.NURSE, AuthorizationSetup.FILTER_MY_WORK))
                .extracting(Task::getId).contains(correction.getId(), contact.getId()).doesNotContain(criticalReview.getId());
        Assertions.assertThat(filterTasks("nurseDaegu", Roles.NURSE, AuthorizationSetup.FILTER_CRITICAL_V2))
                .extracting(Task::getId).containsExactly(contact.getId());
        Assertions.assertThat(filterTasks("nurseDaegu", Roles.NURSE, AuthorizationSetup.FILTER_NURSE))
                .extracting(Task::getId).contains(correction.getId());

        // head physicians: nothing of their own until something is escalated, then the escalation first
        Assertions.assertThat(defaultFilterTasks("headPhysicianDaegu", Roles.HEAD_PHYSICIAN,
                AuthorizationSetup.FILTER_MY_WORK)).isEmpty();
        Assertions.assertThat(filterTasks("headPhysicianDaegu", Roles.HEAD_PHYSICIAN,
                AuthorizationSetup.FILTER_CENTER_REVIEWS)).extracting(Task::getId).contains(criticalReview.getId());
        taskService.addCandidateGroup(normalReview.getId(), Roles.HEAD_PHYSICIAN);
        management.executeJob(management.createJobQuery().processInstanceId(contact.getProcessInstanceId())
                .activityId("Event_CriticalConfirmationOverdue")
                .singleResult().getId());
        Task escalated = taskService.createTaskQuery().processInstanceBusinessKey(critical)
                .taskDefinitionKey(Activities.CONFIRM_CRITICAL_RESULT_ESCALATED).singleResult();
        Assertions.assertThat(defaultFilterTasks("headPhysicianDaegu", Roles.HEAD_PHYSICIAN,
                AuthorizationSetup.FILTER_MY_WORK)).extracting(Task::getId)
                .containsExactly(escalated.getId(), normalReview.getId());

        // coordinators: their own work only (none open in Daegu); every task still in the center filter
        Assertions.assertThat(defaultFilterTasks("coordinatorDaegu", Roles.COORDINATOR,
                AuthorizationSetup.FILTER_MY_WORK)).extracting(Task::getTaskDefinitionKey)
                .doesNotContain(Activities.REVIEW_REPORT, Activities.RESOLVE_INVALID_RESULTS,
                        Activities.CONFIRM_CRITICAL_RESULT);
        Assertions.assertThat(filterTasks("coordinatorDaegu", Roles.COORDINATOR, AuthorizationSetup.FILTER_COORDINATOR))
                .extracting(Task::getTaskDefinitionKey)
                .contains(Activities.REVIEW_REPORT, Activities.RESOLVE_INVALID_RESULTS,
                        Activities.CONFIRM_CRITICAL_RESULT_ESCALATED);
        Assertions.assertThat(defaultFilterTasks("manager", Roles.MANAGER, AuthorizationSetup.FILTER_MANAGER))
                .extracting(Task::getId).contains(correction.getId(), criticalReview.getId());
        // another center's staff sees none of them
        Assertions.assertThat(defaultFilterTasks("nurseBusan", Roles.NURSE, AuthorizationSetup.FILTER_MY_WORK))
                .extracting(Task::getId).doesNotContain(correction.getId(), contact.getId());
    }

    @Test
    void shouldLetPhysiciansHandOverAReviewAndHeadPhysiciansTakeItWhenOverdueButNotAnotherCenter() {
        Task review = ReviewTasks.awaitReview(taskService, receive("hand-over", SyntheticScreenings.Profile.SUSPECT, 31));
        as("physicianDaegu", Roles.PHYSICIAN, () -> taskService.claim(review.getId(), "physicianDaegu"));
        // the physician gives it back, another takes it
        as("physicianDaegu", Roles.PHYSICIAN, () -> taskService.setAssignee(review.getId(), null));
        Assertions.assertThat(taskService.createTaskQuery().taskId(review.getId()).singleResult().getAssignee()).isNull();
        as("physicianDaegu", Roles.PHYSICIAN, () -> taskService.claim(review.getId(), "physicianDaegu"));
        // a head physician before the review is overdue, another center's physician, a nurse, a manager: refused
        for (String[] refused : List.of(new String[] {"headPhysicianDaegu", Roles.HEAD_PHYSICIAN},
                new String[] {"physicianBusan", Roles.PHYSICIAN}, new String[] {"nurseDaegu", Roles.NURSE},
                new String[] {"manager", Roles.MANAGER})) {
            Assertions.assertThatThrownBy(() -> as(refused[0], refused[1],
                    () -> taskService.setAssignee(review.getId(), refused[0]))).as(refused[0])
                    .isInstanceOf(org.camunda.bpm.engine.ProcessEngineException.class);
        }
        // overdue: head physicians become candidates (EscalateReviewDelegate) and may take it from the physician
        taskService.addCandidateGroup(review.getId(), Roles.HEAD_PHYSICIAN);
        as("headPhysicianDaegu", Roles.HEAD_PHYSICIAN,
                () -> taskService.setAssignee(review.getId(), "headPhysicianDaegu"));
        Assertions.assertThat(taskService.createTaskQuery().taskId(review.getId()).singleResult().getAssignee())
                .isEqualTo("headPhysicianDaegu");
        Assertions.assertThatThrownBy(() -> as("headPhysicianBusan", Roles.HEAD_PHYSICIAN,
                () -> taskService.setAssignee(review.getId(), "headPhysicianBusan")))
                .isInstanceOf(org.camunda.bpm.engine.ProcessEngineException.class);
        // the hand-over grant is on this task only and goes with it
        Assertions.assertThat(authorizations.createAuthorizationQuery().resourceType(Resources.TASK)
                .resourceId(review.getId()).groupIdIn(Roles.PHYSICIAN).singleResult()
                .isPermissionGranted(org.camunda.bpm.engine.authorization.TaskPermissions.TASK_ASSIGN)).isTrue();
        ReviewTasks.approveAsDrafted(taskService, taskService.createTaskQuery().taskId(review.getId()).singleResult(),
                "headPhysicianDaegu");
        Assertions.assertThat(authorizations.createAuthorizationQuery().resourceType(Resources.TASK)
                .resourceId(review.getId()).count()).isZero();
    }

    @Test
    void shouldLetCoordinatorsReadTheCandidateGroupsNamesWhenTheyFollowTheCentersTasks() {
        Assertions.assertThat(as("coordinatorGangnam", Roles.COORDINATOR, () -> identity.createGroupQuery()
                        .groupIdIn(Roles.PHYSICIAN, Roles.HEAD_PHYSICIAN, Roles.NURSE).list()))
                .extracting(org.camunda.bpm.engine.identity.Group::getName)
                .containsExactlyInAnyOrder("검진의", "책임의사", "간호사");
        Assertions.assertThat(as("nurseGangnam", Roles.NURSE, () -> identity.createGroupQuery()
                        .groupId(Roles.PHYSICIAN).singleResult().getName())).isEqualTo("검진의");
        Assertions.assertThat(as("physicianGangnam", Roles.PHYSICIAN, () -> identity.createGroupQuery()
                        .groupIdIn(Roles.COORDINATOR, Roles.MANAGER, Roles.ADMIN).count()))
                .as("no group of tasks physicians never see").isZero();
    }

    private void as(String user, String group, Runnable action) {
        as(user, group, () -> {
            action.run();
            return null;
        });
    }

    /** Runs the action as the user with their group and centers, as a Tasklist request would. */
    private <T> T as(String user, String group, java.util.function.Supplier<T> action) {
        identity.setAuthentication(user, List.of(group), identity.createTenantQuery().userMember(user)
                .includingGroupsOfUser(true).list().stream().map(Tenant::getId).toList());
        try {
            return action.get();
        } finally {
            identity.clearAuthentication();
        }
    }

    private List<Task> filterTasks(String user, String group, String filterName) {
        return as(user, group, () -> filters.list(filters.createFilterQuery().filterName(filterName).singleResult().getId()));
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
