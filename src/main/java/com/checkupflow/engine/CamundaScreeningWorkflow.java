package com.checkupflow.engine;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import com.checkupflow.process.ScreeningReportProcess;
import com.checkupflow.process.ScreeningReportProcess.Vars;
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
        VariableMap start = Variables.fromMap(new HashMap<>(variables));
        // The center is the instance's tenant (CenterTenantIdProvider reads it from the start variables), stored with
        // the instance and our screening: transient, it is seen at the start and never written as a variable.
        Object center = start.remove(Vars.CENTER);
        if (center != null) {
            start.putValueTyped(Vars.CENTER, Variables.stringValue(center.toString(), true));
        }
        return runtime.createProcessInstanceByKey(ScreeningReportProcess.PROCESS_ID)
                .processDefinitionWithoutTenantId()
                .businessKey(screeningId)
                .setVariables(start)
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
        try {
            return tasks.createTaskQuery().processInstanceBusinessKey(screeningId).taskDefinitionKey(taskDefinitionKey)
                    .orderByTaskCreateTime().desc().list().stream().findFirst().map(this::toOpenTask);
        } catch (AuthorizationException | NullValueException e) {
            // The query found the task, reading its candidates was refused or found no task: another request
            // completed it in between (seen under concurrent approvals), so it is no longer the caller's to work on.
            throw conflict();
        }
    }

    @Override
    public void claim(String taskId, String userId) {
        try {
            tasks.claim(taskId, userId);
        } catch (AuthorizationException e) {
            throw deniedOrGone(taskId);
        } catch (RuntimeException e) {
            // as in complete: a claim racing another request's decision may meet the execution that decision ended
            if (isConcurrentChange(e) || tasks.createTaskQuery().taskId(taskId).count() == 0) {
                throw conflict();
            }
            throw e;
        }
    }

    @Override
    public void complete(String taskId, Map<String, Object> variables) {
        try {
            tasks.complete(taskId, variables);
        } catch (AuthorizationException e) {
            throw deniedOrGone(taskId);
        } catch (RuntimeException e) {
            // Completed by another request in the same moment, the engine may also fail on the execution the winner
            // just ended (seen: a NullPointerException in its history producer under kill -9 load); the task being
            // gone afterwards says which case it was.
            if (isConcurrentChange(e) || tasks.createTaskQuery().taskId(taskId).count() == 0) {
                throw conflict();
            }
            throw e;
        }
    }

    /**
     * Two decisions on one task at once: the loser meets the engine's optimistic lock, a task another request just
     * claimed, completed or deleted, or a unique key of a row the winner wrote. That is a 409 for the client (the
     * loser's transaction rolled back, nothing of it is stored); anything else stays an error.
     */
    private static ProblemException conflict() {
        return new ProblemException(HttpStatus.CONFLICT, "The review was decided concurrently",
                new Problem("concurrent_decision",
                        "Another decision on this task was being saved at the same time; reload and check it"));
    }

    /** Whether the failure was a concurrent change, as {@link #conflict()} says. */
    static boolean isConcurrentChange(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OptimisticLockingException || t instanceof TaskAlreadyClaimedException
                    || t instanceof NullValueException || t instanceof NotFoundException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && ("23505".equals(sql.getSQLState()) || sql.getSQLState().startsWith("40"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The caller found the task a moment ago (openTask); a refusal now, with the task gone, means another request
     * completed it in between (its grants went with it): a 409. A task still there is a real refusal.
     */
    private ProblemException deniedOrGone(String taskId) {
        return tasks.createTaskQuery().taskId(taskId).count() == 0 ? conflict() : denied();
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
