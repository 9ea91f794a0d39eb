package com.checkupflow.engine;

import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;

/** Which activities of a task's process instance are active, from the command's own executions (no query). */
public final class ActiveActivities {

    private ActiveActivities() {
    }

    /**
     * Whether any of the activities is active in the task's process instance: an open user task is an active
     * activity of its execution, and the command that runs a task listener has loaded the instance's executions, so
     * this asks no statement where a task query counted rows (with its dynamic SQL). Asked without authorization
     * checks, like the listener's own questions: the answer is about the instance of the user's task.
     */
    public static boolean anyOf(DelegateTask task, Set<String> activityIds) {
        return Context.getCommandContext().runWithoutAuthorization(() -> task.getProcessEngineServices().getRuntimeService()
                .getActiveActivityIds(task.getProcessInstanceId())).stream().anyMatch(activityIds::contains);
    }
}
