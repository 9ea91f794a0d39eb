package com.checkupflow.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import com.checkupflow.screening.ScreeningWorkflow;
import com.checkupflow.web.Problem;
import com.checkupflow.web.ProblemException;

@Component
class CamundaScreeningWorkflow implements ScreeningWorkflow {

    private final RuntimeService runtime;
    private final TaskService tasks;

    CamundaScreeningWorkflow(RuntimeService runtime, TaskService tasks) {
        this.runtime = runtime;
        this.tasks = tasks;
    }

    @Override
    public String start(String screeningId, Map<String, Object> variables) {
        return runtime.createProcessInstanceByKey(PROCESS_KEY)
                .processDefinitionWithoutTenantId()
                .businessKey(screeningId)
                .setVariables(variables)
                .execute()
                .getId();
    }

    @Override
    public List<OpenTask> openTasks(String screeningId) {
        return tasks.createTaskQuery().processInstanceBusinessKey(screeningId).orderByTaskCreateTime().asc().list()
                .stream().map(this::toOpenTask).toList();
    }

    @Override
    public Optional<OpenTask> openTask(String screeningId, String taskDefinitionKey) {
        return tasks.createTaskQuery().processInstanceBusinessKey(screeningId).taskDefinitionKey(taskDefinitionKey)
                .orderByTaskCreateTime().desc().list().stream().findFirst().map(this::toOpenTask);
    }

    @Override
    public void claim(String taskId, String userId) {
        try {
            tasks.claim(taskId, userId);
        } catch (AuthorizationException e) {
            throw denied();
        }
    }

    @Override
    public void complete(String taskId, Map<String, Object> variables) {
        try {
            tasks.complete(taskId, variables);
        } catch (AuthorizationException e) {
            throw denied();
        }
    }

    private static ProblemException denied() {
        return new ProblemException(HttpStatus.FORBIDDEN, "Not allowed to work on this task",
                new Problem("task_forbidden", "The engine's authorizations do not let you work on this task"));
    }

    private OpenTask toOpenTask(Task t) {
        List<String> groups = tasks.getIdentityLinksForTask(t.getId()).stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                .map(l -> l.getGroupId()).toList();
        return new OpenTask(t.getId(), t.getName(), t.getTaskDefinitionKey(), t.getAssignee(), groups,
                t.getCreateTime() == null ? null : t.getCreateTime().toInstant(),
                t.getDueDate() == null ? null : t.getDueDate().toInstant(), t.getPriority());
    }
}
