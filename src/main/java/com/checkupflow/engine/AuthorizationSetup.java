package com.checkupflow.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.query.Query;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.checkupflow.center.Center;
import com.checkupflow.center.Centers;
import com.checkupflow.process.ReferralLetterProcess;
import com.checkupflow.process.ScreeningReportProcess.Activities;
import com.checkupflow.process.ScreeningReportProcess;
import com.checkupflow.security.Roles;

/**
 * The engine's groups, group tenants, grants and Tasklist filters, as code: version {@link #VERSION} is applied
 * idempotently at every start whose recorded version (engine property {@value #VERSION_PROPERTY}) is older, then
 * recorded. Change a grant by changing this class and raising {@link #VERSION}; never by hand in Admin.
 * <p>
 * Tasks themselves need no grants here: with authorization on, the engine grants each candidate group
 * {@code READ} and {@code TASK_WORK} (see {@code defaultUserPermissionNameForTask}) on the task it is a candidate
 * for, plus {@code TASK_ASSIGN} on reviews for physicians and head physicians ({@link ReviewHandOverAuthorizations}),
 * and tenant checks keep every center's staff to their own center's tasks.
 */
@Component
class AuthorizationSetup implements SmartInitializingSingleton {

    static final int VERSION = 7;
    static final String VERSION_PROPERTY = "checkupflow.authorization-setup.version";

    static final String FILTER_REVIEWS = "My center's reviews (oldest first)";
    static final String FILTER_CRITICAL = "Critical results";
    static final String FILTER_OVERDUE = "Overdue";

    // Version 2: one default filter per role (priority -10, readable by that role only), Korean names.
    static final String FILTER_CENTER_REVIEWS = "센터 결과지 검토 (위험·의심 먼저)";
    static final String FILTER_NURSE = "결과 정정·전달 문제";
    static final String FILTER_COORDINATOR = "센터 진행 업무 (유형별)";
    static final String FILTER_MANAGER = "전체 센터 현황 (읽기 전용)";
    static final String FILTER_CRITICAL_V2 = "위험 결과 통보 (위험 먼저)";
    static final String FILTER_REFERRALS = "진료의뢰서 서명";
    static final String FILTER_CONSULTATIONS = "결과 상담 요약 검토";
    static final String FILTER_OVERDUE_V2 = "기한 초과";
    // Version 4: the staff's default filter is their own work (candidate or assignee), urgent first.
    static final String FILTER_MY_WORK = "내 업무 (위험 먼저)";

    private static final Logger log = LoggerFactory.getLogger(AuthorizationSetup.class);
    private static final String ANY = Authorization.ANY;

    /** Group id and display name of every role, as the Korean webapps show it (the id is the English name). */
    static final Map<String, String> GROUPS = new LinkedHashMap<>();

    static {
        GROUPS.put(Roles.PHYSICIAN, "검진의");
        GROUPS.put(Roles.HEAD_PHYSICIAN, "책임의사");
        GROUPS.put(Roles.NURSE, "간호사");
        GROUPS.put(Roles.COORDINATOR, "코디네이터");
        GROUPS.put(Roles.MANAGER, "관리자");
        GROUPS.put(Roles.DESIGNER, "프로세스 설계자");
        GROUPS.put(Roles.INTEGRATION, "연동 시스템");
        GROUPS.put(Roles.PRIVACY_OFFICER, "개인정보 보호책임자");
        GROUPS.put(Roles.WORKER, "모델 작업자");
        GROUPS.put(Roles.ADMIN, "camunda BPM Administrators");
    }

    /** Groups whose members work for every center. Designers belong to none: nothing clinical. */
    static final List<String> ALL_CENTER_GROUPS = List.of(Roles.MANAGER, Roles.INTEGRATION, Roles.WORKER,
            Roles.ADMIN);

    record Grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    }

    /** Version 1 of the grants. */
    static List<Grant> grants() {
        List<Grant> g = new ArrayList<>();
        for (String staff : Roles.CENTER_STAFF) {
            g.add(new Grant(staff, Resources.APPLICATION, "tasklist", Permissions.ACCESS));
            g.add(new Grant(staff, Resources.PROCESS_DEFINITION, ScreeningReportProcess.PROCESS_ID,
                    ProcessDefinitionPermissions.READ));
        }
        // Coordinators follow every task of their center (read only); nobody else reads tasks beyond their own.
        g.add(new Grant(Roles.COORDINATOR, Resources.PROCESS_DEFINITION, ScreeningReportProcess.PROCESS_ID,
                ProcessDefinitionPermissions.READ_TASK));
        // The judgement dry run (POST /api/judgements) evaluates the DMN as the caller.
        for (String dryRun : List.of(Roles.PHYSICIAN, Roles.DESIGNER)) {
            g.add(new Grant(dryRun, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.CREATE_INSTANCE));
        }
        g.add(new Grant(Roles.INTEGRATION, Resources.PROCESS_DEFINITION, ScreeningReportProcess.PROCESS_ID,
                ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.CREATE_INSTANCE));
        g.add(new Grant(Roles.INTEGRATION, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE));
        // Managers: Cockpit and read-only insight into every center, never task work.
        g.add(new Grant(Roles.MANAGER, Resources.APPLICATION, "cockpit", Permissions.ACCESS));
        g.add(new Grant(Roles.MANAGER, Resources.APPLICATION, "tasklist", Permissions.ACCESS));
        g.add(new Grant(Roles.MANAGER, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_TASK,
                ProcessDefinitionPermissions.READ_HISTORY));
        g.add(new Grant(Roles.MANAGER, Resources.PROCESS_INSTANCE, ANY, Permissions.READ));
        g.add(new Grant(Roles.MANAGER, Resources.TASK, ANY, Permissions.READ));
        g.add(new Grant(Roles.MANAGER, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY));
        g.add(new Grant(Roles.MANAGER, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ));
        g.add(new Grant(Roles.MANAGER, Resources.DEPLOYMENT, ANY, Permissions.READ));
        // Designers: deploy from Camunda Modeler and see definitions; no instances, tasks or history.
        g.add(new Grant(Roles.DESIGNER, Resources.APPLICATION, "cockpit", Permissions.ACCESS));
        g.add(new Grant(Roles.DESIGNER, Resources.DEPLOYMENT, ANY, Permissions.CREATE, Permissions.READ,
                Permissions.DELETE));
        g.add(new Grant(Roles.DESIGNER, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.UPDATE));
        g.add(new Grant(Roles.DESIGNER, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ));
        return g;
    }

    /**
     * Version 2 of the grants: head physicians follow (read) every task of their center, as coordinators already
     * did; coordinators also read the referral letters' tasks. Tenant checks keep both to their own center.
     */
    static List<Grant> grantsV2() {
        return List.of(
                new Grant(Roles.HEAD_PHYSICIAN, Resources.PROCESS_DEFINITION, ScreeningReportProcess.PROCESS_ID,
                        ProcessDefinitionPermissions.READ_TASK),
                new Grant(Roles.HEAD_PHYSICIAN, Resources.PROCESS_DEFINITION, ReferralLetterProcess.PROCESS_ID,
                        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_TASK),
                new Grant(Roles.COORDINATOR, Resources.PROCESS_DEFINITION, ReferralLetterProcess.PROCESS_ID,
                        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_TASK));
    }

    /**
     * Version 3: remote model workers fetch, lock, extend, complete and fail external tasks over /engine-rest (the
     * engine asks READ_INSTANCE and UPDATE_INSTANCE on the task's process definition for each); no application (no
     * Tasklist, Cockpit, Admin), no task, no history, no decision, and /api refuses their role.
     */
    static List<Grant> grantsV3() {
        return List.of(new Grant(Roles.WORKER, Resources.PROCESS_DEFINITION, ANY,
                ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.UPDATE_INSTANCE));
    }

    /**
     * Version 5: the Tasklist names a task's candidate groups only for a reader of those groups (else it shows the
     * raw ids). Each role reads the groups of the tasks it sees: coordinators, head physicians and managers read
     * every task of the center(s), physicians and nurses only the tasks they are candidates of (with whom they share them).
     */
    static List<Grant> grantsV5() {
        Map<String, List<String>> seen = new LinkedHashMap<>();
        seen.put(Roles.COORDINATOR, Roles.CENTER_STAFF);
        seen.put(Roles.HEAD_PHYSICIAN, Roles.CENTER_STAFF);
        seen.put(Roles.MANAGER, Roles.CENTER_STAFF);
        seen.put(Roles.PHYSICIAN, List.of(Roles.PHYSICIAN, Roles.HEAD_PHYSICIAN, Roles.NURSE));
        seen.put(Roles.NURSE, List.of(Roles.PHYSICIAN, Roles.NURSE, Roles.COORDINATOR));
        List<Grant> g = new ArrayList<>();
        seen.forEach((reader, groups) -> groups.forEach(
                group -> g.add(new Grant(reader, Resources.GROUP, group, Permissions.READ))));
        return g;
    }

    /**
     * Version 6: the Tasklist names a task's assignee and candidate users (their first and last name, GET
     * /user/{id}/profile) only for a reader of those users, else it shows the raw id ("physicianGangnam"). Staff and
     * managers read every user's profile (staff names, no patient data; users are no tenant resource, so all centers').
     */
    static List<Grant> grantsV6() {
        List<Grant> g = new ArrayList<>();
        for (String reader : List.of(Roles.PHYSICIAN, Roles.HEAD_PHYSICIAN, Roles.NURSE, Roles.COORDINATOR,
                Roles.MANAGER)) {
            g.add(new Grant(reader, Resources.USER, ANY, Permissions.READ));
        }
        return g;
    }

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final TaskService tasks;
    private final ManagementService management;
    private final Centers centers;
    private final TransactionTemplate transaction;

    AuthorizationSetup(IdentityService identity, AuthorizationService authorizations, FilterService filters,
                       TaskService tasks, ManagementService management, Centers centers, TransactionTemplate transaction) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.filters = filters;
        this.tasks = tasks;
        this.management = management;
        this.centers = centers;
        this.transaction = transaction;
    }

    /**
     * In one transaction: the engine calls join it (Spring transactions), so the start commits once instead of once per
     * engine call (~250 writes on a new database, each commit a file write on H2 with WRITE_DELAY=0), and a start that
     * fails part-way leaves the recorded version and its grants as they were.
     */
    @Override
    public void afterSingletonsInstantiated() {
        transaction.executeWithoutResult(status -> setUp());
    }

    private void setUp() {
        // Groups and their tenants follow the configured centers at every start (a new center needs no new version).
        ensureGroupsAndTenants();
        int applied = appliedVersion();
        if (applied >= VERSION) {
            log.info("Authorization setup version {} already applied", applied);
            return;
        }
        applyVersionsAfter(applied);
        log.info("Authorization setup version {} applied (was {})", VERSION, applied);
    }

    int appliedVersion() {
        String value = management.getProperties().get(VERSION_PROPERTY);
        return value == null ? 0 : Integer.parseInt(value);
    }

    /**
     * Applies the versions after the recorded one, in order, and records {@link #VERSION}. Each version is
     * idempotent on the state its predecessor left, so running it again changes nothing.
     */
    void apply() {
        ensureGroupsAndTenants();
        applyVersionsAfter(appliedVersion());
    }

    private void applyVersionsAfter(int applied) {
        for (int version = applied + 1; version <= VERSION; version++) {
            applyVersion(version);
        }
        management.setProperty(VERSION_PROPERTY, Integer.toString(VERSION));
    }

    void applyVersion(int version) {
        switch (version) {
            case 1 -> applyVersion1();
            case 2 -> applyVersion2();
            case 3 -> applyVersion3();
            case 4 -> applyVersion4();
            case 5 -> grantsV5().forEach(this::grant);
            case 6 -> grantsV6().forEach(this::grant);
            case 7 -> applyVersion7();
            default -> throw new IllegalArgumentException("No authorization setup version " + version);
        }
    }

    private void applyVersion1() {
        grants().forEach(this::grant);
        ensureFilter(FILTER_REVIEWS, "검토 대기 결과지, 오래된 순 (Reviews of my center, oldest first)", -10,
                tasks.createTaskQuery().taskDefinitionKey(Activities.REVIEW_REPORT).orderByTaskCreateTime().asc(),
                Roles.PHYSICIAN, Roles.HEAD_PHYSICIAN, Roles.COORDINATOR);
        ensureFilter(FILTER_CRITICAL, "위험 결과 환자 확인 (Critical results to confirm)", -5,
                tasks.createTaskQuery().taskDefinitionKeyIn(Activities.CONFIRM_CRITICAL_RESULT,
                        Activities.CONFIRM_CRITICAL_RESULT_ESCALATED).orderByTaskCreateTime().asc(),
                Roles.PHYSICIAN, Roles.HEAD_PHYSICIAN, Roles.COORDINATOR, Roles.MANAGER);
        ensureFilter(FILTER_OVERDUE, "기한 초과 (Overdue)", 0,
                tasks.createTaskQuery().dueBeforeExpression("${now()}").orderByDueDate().asc(),
                Roles.PHYSICIAN, Roles.HEAD_PHYSICIAN, Roles.NURSE, Roles.COORDINATOR, Roles.MANAGER);
    }

    /**
     * Version 2: every role finds its work in its default filter (the readable filter of lowest priority). The
     * version 1 filters are renamed in place (their grants stay with their ids); a role that no longer reads one
     * loses its grant. Critical and suspect results first: the task priority comes from the judgement
     * ({@code taskPriority}), then the oldest.
     */
    private void applyVersion2() {
        grantsV2().forEach(this::grant);
        Filter reviews = ensureFilter(FILTER_CENTER_REVIEWS, FILTER_REVIEWS,
                "검토할 결과지: 위험·질환의심 먼저, 그다음 오래된 순", -10,
                urgentFirst(tasks.createTaskQuery().taskDefinitionKey(Activities.REVIEW_REPORT)),
                Roles.PHYSICIAN, Roles.HEAD_PHYSICIAN);
        revokeFilterRead(reviews, Roles.COORDINATOR);
        ensureFilter(FILTER_NURSE, null, "부적합 결과 정정과 결과지 전달 실패, 오래된 순", -10,
                tasks.createTaskQuery()
                        .taskDefinitionKeyIn(Activities.RESOLVE_INVALID_RESULTS, Activities.RESOLVE_DELIVERY)
                        .orderByTaskCreateTime().asc(), Roles.NURSE);
        // Task names begin with the kind of task, so ordering by name groups the center's work by type.
        ensureFilter(FILTER_COORDINATOR, null, "센터의 모든 진행 중 업무, 유형별 (열람; 전달 실패·진료 예약은 처리)", -10,
                tasks.createTaskQuery().orderByTaskName().asc().orderByTaskCreateTime().asc(), Roles.COORDINATOR);
        ensureFilter(FILTER_MANAGER, null, "모든 센터의 진행 중 업무, 위험·의심 먼저 (열람 전용)", -10,
                urgentFirst(tasks.createTaskQuery()), Roles.MANAGER);
        ensureFilter(FILTER_CRITICAL_V2, FILTER_CRITICAL, "위험 결과(패닉 값) 환자 통보, 오래된 순", -5,
                tasks.createTaskQuery().taskDefinitionKeyIn(Activities.CONFIRM_CRITICAL_RESULT,
                        Activities.CONFIRM_CRITICAL_RESULT_ESCALATED).orderByTaskCreateTime().asc(),
                Roles.PHYSICIAN, Roles.HEAD_PHYSICIAN, Roles.COORDINATOR, Roles.MANAGER);
        ensureFilter(FILTER_REFERRALS, null, "서명할 진료의뢰서, 위험·의심 먼저", -3,
                urgentFirst(tasks.createTaskQuery()
                        .taskDefinitionKey(ReferralLetterProcess.Activities.SIGN_REFERRAL_LETTER)),
                Roles.PHYSICIAN, Roles.HEAD_PHYSICIAN);
        ensureFilter(FILTER_OVERDUE_V2, FILTER_OVERDUE, "기한이 지난 업무, 기한 순", 0,
                tasks.createTaskQuery().dueBeforeExpression("${now()}").orderByDueDate().asc(),
                Roles.PHYSICIAN, Roles.HEAD_PHYSICIAN, Roles.NURSE, Roles.COORDINATOR, Roles.MANAGER);
    }

    /**
     * Version 3: remote model workers get their grants ({@link #grantsV3()}); physicians find the consultation
     * summaries to review (AI document step) in a filter of their own.
     */
    private void applyVersion3() {
        grantsV3().forEach(this::grant);
        ensureFilter(FILTER_CONSULTATIONS, null, "검토할 결과 상담 요약, 위험·의심 먼저", -2,
                urgentFirst(tasks.createTaskQuery().taskDefinitionKey(Activities.REVIEW_CONSULTATION_SUMMARY)),
                Roles.PHYSICIAN, Roles.HEAD_PHYSICIAN);
    }

    /**
     * Version 4: physicians, head physicians, nurses and coordinators open on their own work — the tasks their role
     * is a candidate for (claimed ones included), critical first, then the oldest: a critical-result contact (its
     * priority a step above, see {@code ConfirmCriticalResultListener}) before the reviews, a head physician's escalations
     * and overdue reviews, a coordinator's deliveries and bookings rather than the tasks they only follow. Nurses also
     * read the critical-result filter (they are candidates of the contact). Reviews opened before this version get
     * the hand-over grant {@link ReviewHandOverAuthorizations} gives new ones.
     */
    private void applyVersion4() {
        ensureFilter(FILTER_MY_WORK, null, "내 역할이 맡을 업무와 내가 맡은 업무: 위험 결과 통보와 위험·의심 먼저, 그다음 오래된 순", -20,
                urgentFirst(tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                        .includeAssignedTasks()),
                Roles.PHYSICIAN, Roles.HEAD_PHYSICIAN, Roles.NURSE, Roles.COORDINATOR);
        Filter critical = filters.createFilterQuery().filterName(FILTER_CRITICAL_V2).singleResult();
        grant(new Grant(Roles.NURSE, Resources.FILTER, critical.getId(), Permissions.READ));
        for (Task review : tasks.createTaskQuery().taskDefinitionKey(Activities.REVIEW_REPORT).list()) {
            for (IdentityLink link : tasks.getIdentityLinksForTask(review.getId())) {
                if (IdentityLinkType.CANDIDATE.equals(link.getType())
                        && ReviewHandOverAuthorizations.HAND_OVER_GROUPS.contains(link.getGroupId())) {
                    grant(new Grant(link.getGroupId(), Resources.TASK, review.getId(), TaskPermissions.TASK_ASSIGN));
                }
            }
        }
    }

    /**
     * Version 7 of the grants, with {@code enforceSpecificVariablePermission} on (application.yaml): reading a task's or
     * an instance's variables (results, draft texts, the patient's phone on a critical-result contact) needs a variable
     * permission of its own, not only READ. The engine gives a task's candidates and assignee READ_VARIABLE with the
     * task; head physicians and coordinators keep reading the tasks of their center they follow; remote model workers
     * read the variables of the tasks they fetch. Managers keep READ on tasks and instances (the overview, Cockpit's
     * counts and times) without reading any patient's data. Tasks opened before this version get READ_VARIABLE beside
     * the TASK_WORK their candidates already hold.
     */
    static List<Grant> grantsV7() {
        List<Grant> g = new ArrayList<>();
        for (String follower : List.of(Roles.HEAD_PHYSICIAN, Roles.COORDINATOR)) {
            for (String process : List.of(ScreeningReportProcess.PROCESS_ID, ReferralLetterProcess.PROCESS_ID)) {
                g.add(new Grant(follower, Resources.PROCESS_DEFINITION, process,
                        ProcessDefinitionPermissions.READ_TASK_VARIABLE));
            }
        }
        g.add(new Grant(Roles.WORKER, Resources.PROCESS_DEFINITION, ANY,
                ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE));
        return g;
    }

    private void applyVersion7() {
        // again version 6's grants: a database that recorded 6 from a build where 6 was this version has none of them
        grantsV6().forEach(this::grant);
        grantsV7().forEach(this::grant);
        for (Authorization open : authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
                .resourceType(Resources.TASK).hasPermission(TaskPermissions.TASK_WORK).list()) {
            open.addPermission(TaskPermissions.READ_VARIABLE);
            authorizations.saveAuthorization(open);
        }
    }

    private static TaskQuery urgentFirst(TaskQuery query) {
        return query.orderByTaskPriority().desc().orderByTaskCreateTime().asc();
    }

    /** At every start: one query for the groups and one per all-center group for its tenants, not one per pair. */
    private void ensureGroupsAndTenants() {
        Map<String, Group> existing = identity.createGroupQuery().groupIdIn(GROUPS.keySet().toArray(String[]::new)).list()
                .stream().collect(Collectors.toMap(Group::getId, group -> group));
        GROUPS.forEach((id, name) -> {
            Group group = existing.get(id);
            if (group == null) {
                group = identity.newGroup(id);
                group.setName(name);
                group.setType(Roles.ADMIN.equals(id) ? "SYSTEM" : "WORKFLOW");
                identity.saveGroup(group);
            } else if (!name.equals(group.getName())) {
                // a name changed since the group was made (they were bilingual): the webapps show the current one
                group.setName(name);
                identity.saveGroup(group);
            }
        });
        EngineConfiguration.createMissingTenants(identity, centers.all());
        for (String groupId : ALL_CENTER_GROUPS) {
            Set<String> member = identity.createTenantQuery().groupMember(groupId).list().stream().map(Tenant::getId)
                    .collect(Collectors.toSet());
            for (Center center : centers.all()) {
                if (!member.contains(center.id())) {
                    identity.createTenantGroupMembership(center.id(), groupId);
                }
            }
        }
    }

    private void grant(Grant grant) {
        Authorization auth = authorizations.createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GRANT).groupIdIn(grant.groupId())
                .resourceType(grant.resource()).resourceId(grant.resourceId()).singleResult();
        if (auth == null) {
            auth = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            auth.setGroupId(grant.groupId());
            auth.setResource(grant.resource());
            auth.setResourceId(grant.resourceId());
        }
        for (Permission p : grant.permissions()) {
            auth.addPermission(p);
        }
        authorizations.saveAuthorization(auth);
    }

    private Filter ensureFilter(String name, String description, int priority, Query<?, ?> query, String... groups) {
        return ensureFilter(name, null, description, priority, query, groups);
    }

    /** Creates or updates the filter {@code name}; one still called {@code formerName} is renamed instead. */
    private Filter ensureFilter(String name, String formerName, String description, int priority, Query<?, ?> query,
                                String... groups) {
        Filter filter = filters.createFilterQuery().filterName(name).singleResult();
        if (filter == null && formerName != null) {
            filter = filters.createFilterQuery().filterName(formerName).singleResult();
        }
        if (filter == null) {
            filter = filters.newTaskFilter(name);
        }
        filter.setName(name);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("description", description);
        properties.put("priority", priority);
        properties.put("refresh", true);
        filter.setProperties(properties);
        filter.setQuery(query);
        filters.saveFilter(filter);
        for (String group : groups) {
            grant(new Grant(group, Resources.FILTER, filter.getId(), Permissions.READ));
        }
        return filter;
    }

    private void revokeFilterRead(Filter filter, String group) {
        authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT).groupIdIn(group)
                .resourceType(Resources.FILTER).resourceId(filter.getId()).list()
                .forEach(auth -> authorizations.deleteAuthorization(auth.getId()));
    }
}
