package com.checkupflow.analytics;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

import com.checkupflow.process.ScreeningReportProcess.Vars;

/**
 * Engine adapter: Camunda history events → {@link StageTimeline}. Registered after the engine's database handler
 * in one composite ({@link AnalyticsEngineConfiguration}), so it runs in the engine's command and transaction: the
 * timeline commits or rolls back with the engine state it describes. Running after it, an end event carries the
 * start the engine stored for the activity or task (the engine reads it to update its own row when the start was
 * in an earlier transaction), so the timeline need not read its own.
 */
class CamundaTimelineHistoryHandler implements HistoryEventHandler {

    private static final String USER_TASK = "userTask";

    private final StageTimeline timeline;

    CamundaTimelineHistoryHandler(StageTimeline timeline) {
        this.timeline = timeline;
    }

    @Override
    public void handleEvent(HistoryEvent event) {
        if (!timeline.tracks(event.getProcessDefinitionKey())) {
            return;
        }
        if (event instanceof HistoricProcessInstanceEventEntity p) {
            if (p.isEventOfType(HistoryEventTypes.PROCESS_INSTANCE_START)) {
                timeline.processStarted(p.getProcessInstanceId(), p.getBusinessKey(), p.getTenantId(),
                        instant(p.getStartTime()));
            } else if (p.isEventOfType(HistoryEventTypes.PROCESS_INSTANCE_END)) {
                // also when the instance is deleted (cancelled in Cockpit, say)
                timeline.processEnded(p.getProcessInstanceId());
            }
        } else if (event instanceof HistoricActivityInstanceEventEntity a) {
            // a user task's interval opens with its task (below), which knows the due date
            if (a.isEventOfType(HistoryEventTypes.ACTIVITY_INSTANCE_START) && !USER_TASK.equals(a.getActivityType())) {
                timeline.activityStarted(a.getProcessInstanceId(), a.getActivityInstanceId(), a.getActivityId(),
                        a.getTenantId(), instant(a.getStartTime()));
            } else if (a.isEventOfType(HistoryEventTypes.ACTIVITY_INSTANCE_END)) {
                // the engine's handler ran first: the start is the activity instance's, also when it started in an
                // earlier transaction (read for its own update); a user task's interval starts with its task instead
                Instant startedAt = USER_TASK.equals(a.getActivityType()) ? null : instant(a.getStartTime());
                timeline.activityEnded(a.getProcessInstanceId(), a.getActivityInstanceId(), a.getActivityId(),
                        a.getTenantId(), startedAt, instant(a.getEndTime()));
            }
        } else if (event instanceof HistoricTaskInstanceEventEntity t) {
            if (t.isEventOfType(HistoryEventTypes.TASK_INSTANCE_CREATE)) {
                if (t.getActivityInstanceId() != null) {
                    timeline.taskStarted(t.getProcessInstanceId(), t.getActivityInstanceId(), t.getTaskDefinitionKey(),
                            t.getTenantId(), instant(t.getStartTime()), instant(t.getDueDate()));
                }
            } else if (t.isEventOfType(HistoryEventTypes.TASK_INSTANCE_COMPLETE)) {
                // the start as stored with the task (the engine's handler read it for the completion's update)
                timeline.taskCompleted(t.getActivityInstanceId(), t.getTaskDefinitionKey(), completer(t),
                        instant(t.getStartTime()));
            } else if (t.getDueDate() != null && t.isEventOfType(HistoryEventTypes.TASK_INSTANCE_UPDATE)) {
                timeline.taskDue(t.getActivityInstanceId(), instant(t.getDueDate()));
            }
        } else if (event instanceof HistoricVariableUpdateEventEntity v) {
            if (Vars.OVERALL_PRIMARY.equals(v.getVariableName()) && v.getTextValue() != null) {
                timeline.judged(v.getProcessInstanceId(), v.getTextValue());
            } else if (Vars.DRAFT_CHECK_PASSED.equals(v.getVariableName())) {
                timeline.draftChecked(v.getProcessInstanceId());
            }
        }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
        events.forEach(this::handleEvent);
    }

    /** The user who completed the task (the Tasklist's authenticated user), else its assignee. */
    private static String completer(HistoricTaskInstanceEventEntity task) {
        CommandContext context = Context.getCommandContext();
        String user = context == null ? null : context.getAuthenticatedUserId();
        return user != null ? user : task.getAssignee();
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
