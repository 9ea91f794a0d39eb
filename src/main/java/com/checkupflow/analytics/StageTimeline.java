package com.checkupflow.analytics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.checkupflow.center.Centers;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Keeps the stage timeline up to date. Engine-neutral: the engine adapter ({@link CamundaTimelineHistoryHandler})
 * translates engine history events into these calls, inside the engine's transaction.
 */
@Service
class StageTimeline {

    private static final Logger log = LoggerFactory.getLogger(StageTimeline.class);
    static final String STAGE_TIMER = "checkupflow.stage.duration";
    static final String CYCLE_TIMER = "checkupflow.screening.cycle";

    private final TimelineRepository repository;
    private final AnalyticsProperties properties;
    private final Centers centers;
    private final MeterRegistry meters;
    private final ObjectMapper json;
    private final Clock clock;

    StageTimeline(TimelineRepository repository, AnalyticsProperties properties, Centers centers, MeterRegistry meters,
                  ObjectMapper json, Clock clock) {
        this.repository = repository;
        this.properties = properties;
        this.centers = centers;
        this.meters = meters;
        this.json = json;
        this.clock = clock;
    }

    boolean tracks(String processDefinitionKey) {
        return properties.processKey().equals(processDefinitionKey);
    }

    void processStarted(String processInstanceId, String screeningId, String center, Instant at) {
        repository.startCycle(new TimelineRepository.Cycle(processInstanceId, screeningId, centerOf(center), at));
    }

    /**
     * The process instance ended (completed, cancelled or deleted): its cycle is not read again, so it is forgotten
     * once the end is committed (an end rolled back leaves the instance running, and its cycle remembered).
     */
    void processEnded(String processInstanceId) {
        afterCommit(() -> repository.forget(processInstanceId));
    }

    /**
     * A step that is no user task: when it is an async step (judge, check, issue, deliver) it ends in the same
     * transaction, so its interval is held until then and written once with both ends; one still open at the
     * commit (the model's draft) is inserted just before it ({@link TimelineInTransaction}).
     */
    void activityStarted(String processInstanceId, String activityInstanceId, String activityId, String center,
                         Instant at) {
        TimelineStage stage = properties.stageOf(activityId);
        if (stage == null) {
            return;
        }
        TimelineRepository.Interval interval = new TimelineRepository.Interval(activityInstanceId, processInstanceId,
                centerOf(center), stage, activityId, at, due(stage, at, null));
        TimelineInTransaction held = TimelineInTransaction.current(repository);
        if (held == null) {
            repository.openInterval(interval);
        } else {
            held.open(interval);
        }
    }

    /**
     * A user task's interval is opened when its task is created (in the same transaction as the activity's start),
     * with the task's due date: one insert instead of an insert and an update.
     */
    void taskStarted(String processInstanceId, String activityInstanceId, String activityId, String center,
                     Instant at, Instant taskDue) {
        TimelineStage stage = properties.stageOf(activityId);
        if (stage == null) {
            return;
        }
        repository.openInterval(new TimelineRepository.Interval(activityInstanceId, processInstanceId, centerOf(center),
                stage, activityId, at, due(stage, at, taskDue)));
    }

    private Instant due(TimelineStage stage, Instant at, Instant taskDue) {
        return taskDue != null ? taskDue : stage == TimelineStage.REVIEW ? at.plus(properties.reviewDueAfter()) : null;
    }

    /**
     * An interval opened in this transaction and not yet written is written here once, with both ends; a human step
     * completed in this transaction is closed together with its completer, from its task's start; any other is closed
     * from {@code startedAt}, or from its stored start when that is null.
     *
     * @param startedAt the interval's start as the engine gave it with the end (its activity instance's, which the
     *                  engine read for the end: not a user task's, whose interval starts with its task), else null
     */
    void activityEnded(String processInstanceId, String activityInstanceId, String activityId, String center,
                       Instant startedAt, Instant at) {
        TimelineStage stage = properties.stageOf(activityId);
        if (stage == null) {
            return;
        }
        TimelineRepository.Interval opened = TimelineInTransaction.takeOpened(activityInstanceId);
        TimelineInTransaction.Completion completion = TimelineInTransaction.takeCompletion(activityInstanceId);
        long durationMs;
        if (opened != null) {
            durationMs = Math.max(0, at.toEpochMilli() - opened.startedAt().toEpochMilli());
            repository.writeInterval(opened, at, durationMs);
        } else if (completion != null && completion.taskStartedAt() != null) {
            durationMs = repository.closeCompleted(activityInstanceId, completion.taskStartedAt(), at,
                    completion.userId());
            completion = durationMs < 0 ? completion : null;
        } else {
            durationMs = repository.closeInterval(activityInstanceId, startedAt, at);
        }
        if (completion != null) {
            repository.completedBy(activityInstanceId, completion.userId());
        }
        if (durationMs < 0) {
            return;
        }
        String centerTag = centerOf(center);
        afterCommit(() -> Timer.builder(STAGE_TIMER)
                .description("Time a screening spends in a stage of the report path")
                .tags("stage", stage.name(), "center", centerTag)
                .register(meters).record(Duration.ofMillis(durationMs)));
        if (stage == TimelineStage.DRAFTING) {
            repository.draftRound(processInstanceId);
        }
        if (stage == TimelineStage.ISSUED || stage == TimelineStage.DELIVERED) {
            repository.cycle(processInstanceId).ifPresent(cycle -> milestone(cycle, stage, at, centerTag));
        }
    }

    private void milestone(TimelineRepository.Cycle cycle, TimelineStage stage, Instant at, String centerTag) {
        long sinceReceipt = Math.max(0, Duration.between(cycle.receivedAt(), at).toMillis());
        if (stage == TimelineStage.ISSUED) {
            repository.issued(cycle.processInstanceId(), at, sinceReceipt);
        } else {
            repository.delivered(cycle.processInstanceId(), at, sinceReceipt);
        }
        if (stage == properties.deliveredStage()) {
            // now, not at the end: the instance may stay open for weeks after it (a consultation summary under review)
            repository.forget(cycle.processInstanceId());
            afterCommit(() -> Timer.builder(CYCLE_TIMER)
                    .description("Receipt to delivery of a screening report")
                    .tags("center", centerTag)
                    .register(meters).record(Duration.ofMillis(sinceReceipt)));
        }
    }

    /**
     * Held until the activity's end in the same transaction, which writes the completer with the end.
     *
     * @param taskStartedAt the task's start as the engine stored it, null when not known
     */
    void taskCompleted(String activityInstanceId, String activityId, String userId, Instant taskStartedAt) {
        if (activityInstanceId == null || userId == null || properties.stageOf(activityId) == null) {
            return;
        }
        TimelineInTransaction held = TimelineInTransaction.current(repository);
        if (held == null) {
            repository.completedBy(activityInstanceId, userId);
        } else {
            held.complete(activityInstanceId, new TimelineInTransaction.Completion(userId, taskStartedAt));
        }
    }

    void taskDue(String activityInstanceId, Instant due) {
        if (activityInstanceId != null && due != null) {
            repository.dueAt(activityInstanceId, due);
        }
    }

    /** The judgement was stored (cf_screening.judgement_json) and its overall.primary set. */
    void judged(String processInstanceId, String primary) {
        Optional<TimelineRepository.Cycle> cycle = repository.cycle(processInstanceId);
        if (cycle.isEmpty()) {
            return;
        }
        List<String> abnormal = new ArrayList<>();
        repository.judgementJson(cycle.get().screeningId()).ifPresent(text -> {
            JsonNode items = read(text).path("items");
            items.fieldNames().forEachRemaining(key -> {
                if ("DISEASE_SUSPECT".equals(items.path(key).path("category").asText())) {
                    abnormal.add(key);
                }
            });
        });
        repository.outcome(cycle.get(), primary, abnormal, clock.instant());
    }

    /** A draft was checked: count its finding types. */
    void draftChecked(String processInstanceId) {
        repository.cycle(processInstanceId).ifPresent(cycle ->
                repository.latestCheckFindings(cycle.screeningId()).ifPresent(text -> {
                    List<String> types = new ArrayList<>();
                    read(text).forEach(f -> types.add(f.path("type").asText("unknown")));
                    repository.addCodes(cycle, TimelineRepository.CHECK_FINDING, types, clock.instant());
                }));
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            log.warn("Unreadable JSON for analytics ({}); skipped", e.getClass().getSimpleName());
            return json.createObjectNode();
        }
    }

    /** Bounded tag values: a configured center or "other". */
    String centerOf(String tenantId) {
        return centers.find(tenantId).map(c -> c.id()).orElse("other");
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }
}
