package com.checkupflow.engine;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;


/**
 * Engine adapter for an in-application external task worker: a poller fetches and locks as many tasks of one topic
 * as there are free slots and hands them to a fixed pool, so slow work (a model call) never holds the engine's
 * job executor. The engine is this process's or, in the {@code worker} profile, a node's REST API
 * ({@link ExternalTasks}), so every worker bean also works as a remote worker. A subclass only maps the
 * task to a service call and says how it ended ({@link Outcome}); completing, BPMN errors and failures with
 * retries are handled here:
 * <ul>
 *   <li>{@link Complete} → the task completes with its variables;</li>
 *   <li>{@link BpmnError} → the error is thrown at the task (a boundary event takes it; no incident);</li>
 *   <li>an exception → a failure with one retry less, retried after {@link #FAILURE_RETRY_TIMEOUT_MS}; an
 *       incident when none are left. The failure carries the exception's message and stack trace, scrubbed of
 *       personal data.</li>
 * </ul>
 */
public abstract class ExternalTaskWorker implements SmartLifecycle {

    public static final int FAILURE_RETRIES = 3;
    /**
     * How long a fetched task is locked at a time: the worker extends the lock every third of it while the work runs
     * (up to the settings' lock duration), so a task of a node that died is handed out again within this lease.
     */
    public static final Duration LEASE = Duration.ofSeconds(30);
    public static final long FAILURE_RETRY_TIMEOUT_MS = 60_000;
    static final int CONCURRENT_CHANGE_ATTEMPTS = 3;
    /** The longest pause after a failed fetch (e.g. the remote engine restarting). */
    static final Duration FAILURE_PAUSE = Duration.ofSeconds(5);
    /** How often a worker whose slots are all in use looks whether it is stopping. */
    private static final long SLOT_WAIT_MS = 1000;

    /** How a task ended. */
    public sealed interface Outcome permits Complete, BpmnError {
    }

    public record Complete(Map<String, Object> variables) implements Outcome {
    }

    public record BpmnError(String errorCode, String message, Map<String, Object> variables) implements Outcome {
    }

    /**
     * @param slots        tasks in hand at once; workers given the same slots share that budget
     * @param threads      each worker's threads: as many as the slots, so no fetched task waits for a thread
     * @param lockDuration how long a fetched task may stay with this worker; must outlast the slowest successful work.
     *                     It is locked a {@link #LEASE} at a time, extended while the work runs
     * @param pollInterval how long an idle worker waits for a task to be created before it fetches anyway (a created
     *                     task wakes it at once: in this process by the engine's notice, over REST by long polling);
     *                     after a failed fetch, the pause before the next (at most {@link #FAILURE_PAUSE})
     * @param enabled      false: the worker does not poll (tests drive {@link #handle} themselves)
     */
    public record Settings(Semaphore slots, int threads, Duration lockDuration, Duration pollInterval, boolean enabled) {

        /** Settings with a budget of {@code tasks} of their own. */
        public static Settings of(int tasks, Duration lockDuration, Duration pollInterval, boolean enabled) {
            return new Settings(new Semaphore(tasks), tasks, lockDuration, pollInterval, enabled);
        }
    }

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final ExternalTasks externalTasks;
    private final String topic;
    private final List<String> topics;
    private final List<String> variables;
    private final boolean extensionProperties;
    private final Settings settings;
    private final String workerId;
    private volatile ExecutorService pool;
    private volatile Thread poller;
    private volatile CountDownLatch stopping;
    private volatile ScheduledExecutorService heartbeat;
    private volatile String fetchFailure;

    protected ExternalTaskWorker(ExternalTasks externalTasks, String topic, List<String> variables,
                                 Settings settings) {
        this(externalTasks, List.of(topic), variables, false, settings);
    }

    /**
     * A worker of several topics, fetched together within one budget: the first names the worker; the others are
     * e.g. topics that instances of older process versions still wait on.
     *
     * @param extensionProperties whether each task comes with its element's {@code camunda:property} extension
     *                            properties ({@link LockedExternalTask#getExtensionProperties()}); only workers whose
     *                            elements are configured by them ask
     */
    protected ExternalTaskWorker(ExternalTasks externalTasks, List<String> topics, List<String> variables,
                                 boolean extensionProperties, Settings settings) {
        this.externalTasks = externalTasks;
        this.topic = topics.get(0);
        this.topics = List.copyOf(topics);
        this.variables = List.copyOf(variables);
        this.extensionProperties = extensionProperties;
        this.settings = settings;
        this.workerId = "checkupflow-" + topic + "-" + UUID.randomUUID();
    }

    /** Works one task; throws when the work failed in a way worth retrying. */
    protected abstract Outcome work(LockedExternalTask task);

    /** The external task topic this worker serves (the {@code camunda:topic} of its service task). */
    public String topic() {
        return topic;
    }

    /** Every topic this worker fetches: {@link #topic()} first. */
    public List<String> topics() {
        return topics;
    }

    public String workerId() {
        return workerId;
    }

    /** The variables fetched with each task. */
    public List<String> variables() {
        return variables;
    }

    /** Whether each task is fetched with its element's extension properties. */
    public boolean extensionProperties() {
        return extensionProperties;
    }

    @Override
    public void start() {
        if (!settings.enabled()) {
            log.info("Worker for topic {} disabled", topic);
            return;
        }
        if (!externalTasks.polls()) {
            log.info("Topic {} is served by remote workers (checkupflow.workers.mode=remote)", topic);
            return;
        }
        AtomicInteger n = new AtomicInteger();
        pool = Executors.newFixedThreadPool(settings.threads(), r -> daemon(r, topic + "-" + n.incrementAndGet()));
        heartbeat = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, topic + "-lock-extender"));
        CountDownLatch stop = new CountDownLatch(1);
        stopping = stop;
        poller = daemon(() -> pollUntil(stop), topic + "-poller");
        poller.start();
        log.info("Worker {} serves topics {} with {} threads", workerId, topics, settings.threads());
    }

    /**
     * Stops fetching, then gives the tasks in progress a moment to finish; the rest are interrupted and unlocked so
     * that another instance takes them at once (see {@link #handle}).
     */
    @Override
    public void stop() {
        Thread fetching = poller;
        ExecutorService working = pool;
        if (fetching != null) {
            stopping.countDown();
            externalTasks.wakeUp();
            try {
                // a remote long poll in flight may answer later: what it fetched is then unlocked (see fetch)
                fetching.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (working != null) {
            working.shutdown();
            if (!await(working)) {
                working.shutdownNow();
                await(working);
            }
        }
        ScheduledExecutorService extending = heartbeat;
        if (extending != null) {
            extending.shutdownNow();
        }
        heartbeat = null;
        poller = null;
        pool = null;
    }

    private static boolean await(ExecutorService executor) {
        try {
            return executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
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

    /** Fetches whenever a slot is free, waiting for tasks to be created while there are none, until stopped. */
    private void pollUntil(CountDownLatch stop) {
        while (stop.getCount() > 0) {
            try {
                if (!settings.slots().tryAcquire(SLOT_WAIT_MS, TimeUnit.MILLISECONDS)) {
                    continue;
                }
                fetch(1, settings.pollInterval().toMillis());
                if (fetchFailure != null) {
                    log.info("Fetching {} tasks works again", topic);
                    fetchFailure = null;
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // Once per kind of failure, not every poll while a remote engine is down.
                String failure = e.getClass().getSimpleName();
                if (!failure.equals(fetchFailure)) {
                    log.warn("Fetching {} tasks failed: {}", topic, failure);
                    fetchFailure = failure;
                }
                try {
                    stop.await(Math.min(settings.pollInterval().toMillis(), FAILURE_PAUSE.toMillis()),
                            TimeUnit.MILLISECONDS);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    /** Takes the free slots, fetches and locks that many tasks at once and starts them; the number of tasks started. */
    public int poll() {
        if (!settings.slots().tryAcquire()) {
            return 0;
        }
        return fetch(1, 0);
    }

    /**
     * With {@code taken} slots in hand, takes the other free ones, fetches and locks that many tasks (waiting up to
     * {@code waitMillis} for one when none is there) and starts them; the number of tasks started.
     */
    private int fetch(int taken, long waitMillis) {
        Semaphore slots = settings.slots();
        while (taken < settings.threads() && slots.tryAcquire()) {
            taken++;
        }
        List<LockedExternalTask> tasks;
        try {
            tasks = externalTasks.fetchAndLock(workerId, topics, taken, lease().toMillis(), variables,
                    extensionProperties, waitMillis);
        } catch (RuntimeException e) {
            slots.release(taken);
            throw e;
        }
        slots.release(taken - tasks.size());
        ExecutorService working = pool;
        for (int i = 0; i < tasks.size(); i++) {
            LockedExternalTask task = tasks.get(i);
            try {
                if (working == null) {
                    throw new RejectedExecutionException("stopped");
                }
                working.execute(() -> {
                    try {
                        handle(task);
                    } finally {
                        slots.release();
                    }
                });
            } catch (RejectedExecutionException rejected) {
                // stopping: hand back what was fetched but not started
                tasks.subList(i, tasks.size()).forEach(this::unlock);
                slots.release(tasks.size() - i);
                return i;
            }
        }
        return tasks.size();
    }

    private Duration lease() {
        return settings.lockDuration().compareTo(LEASE) < 0 ? settings.lockDuration() : LEASE;
    }

    /** Extends the task's lock by a lease every third of a lease while it is worked, up to the lock duration. */
    private ScheduledFuture<?> keepLocked(LockedExternalTask task) {
        ScheduledExecutorService extending = heartbeat;
        Duration lease = lease();
        if (extending == null || lease.equals(settings.lockDuration())) {
            return null;
        }
        long until = System.nanoTime() + settings.lockDuration().minus(lease).toNanos();
        long every = Math.max(lease.toMillis() / 3, 1);
        return extending.scheduleWithFixedDelay(() -> {
            if (System.nanoTime() > until) {
                throw new IllegalStateException("lock duration reached"); // ends the repetition; the lease runs out
            }
            try {
                externalTasks.extendLock(task.getId(), workerId, lease.toMillis());
            } catch (RuntimeException e) {
                log.warn("{} task of {}: could not extend its lock ({})", topic, task.getBusinessKey(),
                        e.getClass().getSimpleName());
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    /** Works one locked task and reports how it ended to the engine. */
    public void handle(LockedExternalTask task) {
        Outcome outcome;
        ScheduledFuture<?> extending = keepLocked(task);
        try {
            outcome = work(task);
        } catch (RuntimeException e) {
            cancel(extending);
            // Interrupted because the application stops: not a failure of the task; clear the flag so that the
            // database call below is not interrupted too.
            if (Thread.interrupted()) {
                unlock(task);
            } else {
                fail(task, e);
            }
            return;
        }
        cancel(extending);
        for (int attempt = 1; ; attempt++) {
            try {
                report(task, outcome);
                return;
            } catch (RuntimeException e) {
                // A parallel branch (e.g. the consultation summary beside the report) changed the instance at the
                // same moment: sent again at once instead of failing the task into the 60 s failure retry.
                if (attempt < CONCURRENT_CHANGE_ATTEMPTS && externalTasks.concurrentChange(e)) {
                    log.debug("{} task of {}: concurrent change, reported again", topic, task.getBusinessKey());
                    continue;
                }
                fail(task, e);
                return;
            }
        }
    }

    private void report(LockedExternalTask task, Outcome outcome) {
        if (outcome instanceof BpmnError b) {
            externalTasks.handleBpmnError(task.getId(), workerId, b.errorCode(), b.message(), b.variables());
        } else {
            externalTasks.complete(task.getId(), workerId, ((Complete) outcome).variables());
        }
    }

    private static void cancel(ScheduledFuture<?> extending) {
        if (extending != null) {
            extending.cancel(false);
        }
    }

    private void unlock(LockedExternalTask task) {
        try {
            externalTasks.unlock(task.getId());
        } catch (RuntimeException e) {
            log.warn("{} task of {}: could not unlock it ({}); it is handed out again when its lock expires", topic,
                    task.getBusinessKey(), e.getClass().getSimpleName());
        }
    }

    private void fail(LockedExternalTask task, RuntimeException e) {
        int retries = Math.max((task.getRetries() == null ? FAILURE_RETRIES : task.getRetries()) - 1, 0);
        // The incident and the log line say what went wrong and where, scrubbed of personal data like a failed job's.
        ScrubbedJobFailures.ScrubbedFailure scrubbed = ScrubbedJobFailures.ScrubbedFailure.of(e);
        String message = e.getClass().getSimpleName() + (scrubbed.getMessage() == null ? "" : ": " + scrubbed.getMessage());
        log.warn("{} task of {} failed ({}), {} retries left", topic, task.getBusinessKey(), message, retries, scrubbed);
        try {
            externalTasks.handleFailure(task.getId(), workerId, message, scrubbed.stackTrace(), retries,
                    FAILURE_RETRY_TIMEOUT_MS);
        } catch (RuntimeException lost) {
            // the lock expired or the task is gone: the engine hands it out again; nothing else to do here
            log.warn("{} task of {}: could not report the failure ({})", topic, task.getBusinessKey(),
                    lost.getClass().getSimpleName());
        }
    }
}
