package com.checkupflow.engine;

import org.camunda.bpm.engine.delegate.DelegateExecution;
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
}
