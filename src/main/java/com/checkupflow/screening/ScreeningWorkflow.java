package com.checkupflow.screening;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The engine as the screening features see it; the Camunda adapter lives in {@code com.checkupflow.engine}. */
public interface ScreeningWorkflow {

    String PROCESS_KEY = "screening-report";

    /** Starts the report workflow in the caller's transaction; returns the process instance id. */
    String start(String screeningId, Map<String, Object> variables);

    List<OpenTask> openTasks(String screeningId);

    /** An open human task of a screening. */
    record OpenTask(String id, String name, String taskDefinitionKey, String assignee, List<String> candidateGroups,
                    Instant created, Instant due, int priority) {
    }
}
