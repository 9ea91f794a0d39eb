package com.checkupflow.screening;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The engine as the screening features see it; the Camunda adapter lives in {@code com.checkupflow.engine}. */
public interface ScreeningWorkflow {

    /** Starts the report workflow in the caller's transaction; returns the process instance id. */
    String start(String screeningId, Map<String, Object> variables);

    /** The open human tasks the current user may see (all of them outside a request). */
    List<OpenTask> openTasks(String screeningId);

    /** The open task of the given model element ({@code Activity_ReviewReport}…) the current user may see. */
    Optional<OpenTask> openTask(String screeningId, String taskDefinitionKey);

    /** Claims for the user; 403 problem when the engine denies it. */
    void claim(String taskId, String userId);

    /** Completes with the variables; 403 problem when the engine denies it. */
    void complete(String taskId, Map<String, Object> variables);

    /** An open human task of a screening. */
    record OpenTask(String id, String name, String taskDefinitionKey, String assignee, List<String> candidateGroups,
                    Instant created, Instant due, int priority) {
    }
}
