package com.checkupflow.engine;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who completes the user task an execution listener runs for (engine internals stay in the adapter package). */
public final class CompletingUser {

    private CompletingUser() {
    }

    /**
     * The user completing the task; without one (a REST call as the engine itself, a test) its assignee. The history
     * query runs without authorization checks: physicians hold no history grant, and the answer is about their task.
     */
    public static String of(DelegateExecution execution) {
        Authentication current = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (current != null && current.getUserId() != null) {
            return current.getUserId();
        }
        return Context.getCommandContext().runWithoutAuthorization(() -> {
            HistoricTaskInstance task = execution.getProcessEngineServices().getHistoryService()
                    .createHistoricTaskInstanceQuery().activityInstanceIdIn(execution.getActivityInstanceId())
                    .singleResult();
            return task == null ? null : task.getAssignee();
        });
    }

    /** The user completing the task through a request; null when none is authenticated (the engine itself, a test). */
    public static String authenticated(DelegateTask task) {
        Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return current == null ? null : current.getUserId();
    }

    /** Whether the user belongs to any of the groups; asked without authorization checks (staff may not read users). */
    public static boolean memberOfAny(DelegateTask task, String userId, String... groups) {
        return Context.getCommandContext().runWithoutAuthorization(() -> {
            for (String group : groups) {
                if (task.getProcessEngineServices().getIdentityService().createUserQuery().userId(userId)
                        .memberOfGroup(group).count() > 0) {
                    return true;
                }
            }
            return false;
        });
    }

    /** Whether the user belongs to the task's tenant (center), directly or through a group; true for a task without one. */
    public static boolean memberOfTaskTenant(DelegateTask task, String userId) {
        String tenant = task.getTenantId();
        return tenant == null || Context.getCommandContext().runWithoutAuthorization(() -> task.getProcessEngineServices()
                .getIdentityService().createTenantQuery().userMember(userId).includingGroupsOfUser(true)
                .tenantId(tenant).count() > 0);
    }
}
