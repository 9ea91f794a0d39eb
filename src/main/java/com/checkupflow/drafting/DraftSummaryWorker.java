package com.checkupflow.drafting;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Works the external task topic {@value #TOPIC} ("Draft report summary", {@code Activity_DraftSummary}) inside
 * the application: a poller fetches and locks as many tasks as there are free slots and hands them to a fixed
 * pool of {@code checkupflow.ai.max-concurrency} threads, so model latency never holds the engine's job
 * executor. The lock outlasts every attempt and backoff ({@link AiProperties#lockDuration()}).
 * <ul>
 *   <li>a draft → complete with draftRound, draftText, finalText, draftProvider;</li>
 *   <li>the model unavailable (attempts exhausted, 401/403) → BPMN error {@value #ERROR_MODEL_UNAVAILABLE}:
 *       the boundary event leads to the offline template; no incident;</li>
 *   <li>anything else (e.g. the database) → a failure with one retry less; an incident when none are left.</li>
 * </ul>
 * At least once: a task redelivered after a lost completion finds its round's draft stored and completes
 * with it (no second model call, no second draft).
 */
@Component
class DraftSummaryWorker implements SmartLifecycle {

    static final String TOPIC = "draftSummary";
    /** errorCode of {@code Error_ModelUnavailable} in screening-report.bpmn. */
    static final String ERROR_MODEL_UNAVAILABLE = "MODEL_UNAVAILABLE";
    static final int FAILURE_RETRIES = 3;
    static final long FAILURE_RETRY_TIMEOUT_MS = 60_000;

    private static final Logger log = LoggerFactory.getLogger(DraftSummaryWorker.class);

    private final ExternalTaskService externalTasks;
    private final DraftingService drafting;
    private final AiProperties properties;
    private final String workerId = "checkupflow-drafting-" + UUID.randomUUID();
    private final Semaphore slots;
    private volatile ExecutorService pool;
    private volatile ScheduledExecutorService poller;

    DraftSummaryWorker(ExternalTaskService externalTasks, DraftingService drafting, AiProperties properties) {
        this.externalTasks = externalTasks;
        this.drafting = drafting;
        this.properties = properties;
        this.slots = new Semaphore(properties.maxConcurrency());
    }

    /** The external task topic this worker serves (the {@code camunda:topic} of Activity_DraftSummary). */
    String topic() {
        return TOPIC;
    }

    String workerId() {
        return workerId;
    }

    @Override
    public void start() {
        if (!properties.workerEnabled()) {
            log.info("Draft worker disabled (checkupflow.ai.worker-enabled=false)");
            return;
        }
        AtomicInteger n = new AtomicInteger();
        pool = Executors.newFixedThreadPool(properties.maxConcurrency(), r -> daemon(r, "draft-" + n.incrementAndGet()));
        poller = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "draft-poller"));
        poller.scheduleWithFixedDelay(this::pollSafely, 0, properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        log.info("Draft worker {} serves topic {} with {} threads", workerId, TOPIC, properties.maxConcurrency());
    }

    @Override
    public void stop() {
        if (poller != null) {
            poller.shutdownNow();
        }
        if (pool != null) {
            pool.shutdown();
            try {
                pool.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            pool.shutdownNow();
        }
        poller = null;
        pool = null;
    }

    @Override
    public boolean isRunning() {
        return poller != null;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private void pollSafely() {
        try {
            while (poll() > 0) {
                // keep fetching while tasks come and slots are free
            }
        } catch (RuntimeException e) {
            log.warn("Fetching draft tasks failed: {}", e.getClass().getSimpleName());
        }
    }

    /** Fetches and locks up to the free slots and starts them; the number of tasks started. */
    int poll() {
        int free = slots.availablePermits();
        if (free == 0) {
            return 0;
        }
        List<LockedExternalTask> tasks = externalTasks.fetchAndLock(free, workerId)
                .topic(TOPIC, properties.lockDuration().toMillis())
                .variables("draftRound", "reviewNote", "screeningId")
                .execute();
        for (LockedExternalTask task : tasks) {
            slots.acquireUninterruptibly();
            try {
                pool.execute(() -> {
                    try {
                        handle(task);
                    } finally {
                        slots.release();
                    }
                });
            } catch (RuntimeException rejected) {
                slots.release();
                throw rejected;
            }
        }
        return tasks.size();
    }

    /** Drafts one locked task and completes it (or reports the BPMN error / the failure). */
    void handle(LockedExternalTask task) {
        String screeningId = task.getBusinessKey() != null ? task.getBusinessKey()
                : (String) task.getVariables().get("screeningId");
        int round = DraftVariables.nextRound(task.getVariables().get("draftRound"));
        try {
            DraftRepository.StoredDraft draft = drafting.draft(screeningId, round,
                    DraftVariables.reviewerNote(round, task.getVariables().get("reviewNote")));
            externalTasks.complete(task.getId(), workerId, DraftVariables.of(draft));
        } catch (ModelUnavailableException e) {
            log.warn("Screening {} round {}: model unavailable ({}, {} attempt(s)); drafting with the template",
                    screeningId, round, e.kind(), e.attempts());
            externalTasks.handleBpmnError(task.getId(), workerId, ERROR_MODEL_UNAVAILABLE, e.getMessage(),
                    Map.of("draftFallbackReason", e.kind()));
        } catch (RuntimeException e) {
            int retries = (task.getRetries() == null ? FAILURE_RETRIES : task.getRetries()) - 1;
            log.warn("Screening {} round {}: drafting failed ({}), {} retries left", screeningId, round,
                    e.getClass().getSimpleName(), Math.max(retries, 0));
            try {
                externalTasks.handleFailure(task.getId(), workerId, e.getClass().getSimpleName(), null,
                        Math.max(retries, 0), FAILURE_RETRY_TIMEOUT_MS);
            } catch (RuntimeException lost) {
                log.warn("Screening {} round {}: could not report the failure ({})", screeningId, round,
                        lost.getClass().getSimpleName());
            }
        }
    }
}
