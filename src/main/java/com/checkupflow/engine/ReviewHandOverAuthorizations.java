package com.checkupflow.engine;

import java.util.Set;

import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.Task;

import com.checkupflow.process.ScreeningReportProcess.Activities;
import com.checkupflow.security.Roles;

/**
 * The engine's grants on a task's candidate groups, plus hand-over on reviews: a physician or head physician who is
 * a candidate of a "Review report" may also (re)assign it ({@code TASK_ASSIGN}), so a physician can give back a
 * review they claimed and a head physician can take an overdue review a colleague holds. Only on that task (the
 * grant goes with it), only for those groups; tenant checks keep it to the screening's center.
 */
class ReviewHandOverAuthorizations extends DefaultAuthorizationProvider {

    static final Set<String> HAND_OVER_GROUPS = Set.of(Roles.PHYSICIAN, Roles.HEAD_PHYSICIAN);

    @Override
    public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
        AuthorizationEntity[] grants = super.newTaskGroupIdentityLink(task, groupId, type);
        if (grants != null && Activities.REVIEW_REPORT.equals(task.getTaskDefinitionKey())
                && HAND_OVER_GROUPS.contains(groupId)) {
            for (AuthorizationEntity grant : grants) {
                grant.addPermission(TaskPermissions.TASK_ASSIGN);
            }
        }
        return grants;
    }
}
