package com.checkupflow.engine;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import com.checkupflow.screening.ScreeningWorkflow;

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

    private OpenTask toOpenTask(Task t) {
        List<String> groups = tasks.getIdentityLinksForTask(t.getId()).stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                .map(l -> l.getGroupId()).toList();
        return new OpenTask(t.getId(), t.getName(), t.getTaskDefinitionKey(), t.getAssignee(), groups,
                t.getCreateTime() == null ? null : t.getCreateTime().toInstant(),
                t.getDueDate() == null ? null : t.getDueDate().toInstant(), t.getPriority());
    }
}
