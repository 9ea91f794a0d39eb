package com.checkupflow.engine;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;

/**
 * What an {@link ExternalTaskWorker} asks of the engine: the engine in this process ({@link #of}) or the engine of
 * another node over its REST API ({@link RestExternalTasks}, the {@code worker} profile). The same worker bean works
 * either way.
 */
public interface ExternalTasks {

    /**
     * Fetches and locks up to {@code maxTasks} tasks of any of the topics, each with the named variables and, when
     * {@code extensionProperties}, its element's {@code camunda:property} extension properties; when none is there,
     * waits up to {@code waitMillis} for one to be created (long polling) and answers what it then locked, possibly
     * nothing.
     */
    List<LockedExternalTask> fetchAndLock(String workerId, List<String> topics, int maxTasks, long lockMillis,
                                          List<String> variables, boolean extensionProperties, long waitMillis);

    /** Fetches as above without extension properties. */
    default List<LockedExternalTask> fetchAndLock(String workerId, List<String> topics, int maxTasks, long lockMillis,
                                                  List<String> variables, long waitMillis) {
        return fetchAndLock(workerId, topics, maxTasks, lockMillis, variables, false, waitMillis);
    }

    /** Fetches and locks up to {@code maxTasks} tasks of any of the topics, answering at once. */
    default List<LockedExternalTask> fetchAndLock(String workerId, List<String> topics, int maxTasks, long lockMillis,
                                                  List<String> variables) {
        return fetchAndLock(workerId, topics, maxTasks, lockMillis, variables, 0);
    }

    default List<LockedExternalTask> fetchAndLock(String workerId, String topic, int maxTasks, long lockMillis,
                                                  List<String> variables) {
        return fetchAndLock(workerId, List.of(topic), maxTasks, lockMillis, variables);
    }

    void extendLock(String taskId, String workerId, long lockMillis);

    void complete(String taskId, String workerId, Map<String, Object> variables);

    void handleBpmnError(String taskId, String workerId, String errorCode, String message,
                         Map<String, Object> variables);

    void handleFailure(String taskId, String workerId, String message, String details, int retries,
                       long retryTimeoutMillis);

    void unlock(String taskId);

    /** Ends the waits of this process's {@link #fetchAndLock} calls soon (a worker stops). */
    default void wakeUp() {
    }

    /** False on an engine node whose topics remote workers serve ({@code checkupflow.workers.mode=remote}). */
    default boolean polls() {
        return true;
    }

    /**
     * Whether a report failed only because a parallel branch of the same process instance changed it in the same
     * moment (optimistic locking): the report can be sent again at once.
     */
    boolean concurrentChange(RuntimeException e);

    /** The engine of this process, polled by this process, each notice fetched at once. */
    static ExternalTasks of(ExternalTaskService service) {
        return of(service, true, Duration.ZERO);
    }

    /**
     * In-process long polling: a fetch that finds nothing waits for the engine's notice of a created task
     * ({@link CreatedExternalTasks}) and fetches once more. A worker that emptied the queue with its last fetch waits
     * first: nothing was created since, so a fetch would only commit an empty transaction. A worker woken by a notice
     * with room for more than one task lets the notices of {@code window} gather first, so that the tasks created in a
     * busy moment come in one fetch (one transaction) instead of one fetch each.
     */
    static ExternalTasks of(ExternalTaskService service, boolean polls, Duration window) {
        CreatedExternalTasks created = new CreatedExternalTasks();
        // per worker: the notice count read before its last fetch, when that fetch left no task behind
        Map<String, Long> drainedAt = new java.util.concurrent.ConcurrentHashMap<>();
        return new ExternalTasks() {
            @Override
            public List<LockedExternalTask> fetchAndLock(String workerId, List<String> topics, int maxTasks,
                                                         long lockMillis, List<String> variables,
                                                         boolean extensionProperties, long waitMillis) {
                Long drained = drainedAt.remove(workerId);
                long seen = created.count();
                List<LockedExternalTask> tasks;
                if (waitMillis > 0 && drained != null && drained == seen) {
                    // woken by a created task, or after a whole wait (retries due, locks of a stopped node expired)
                    if (created.awaitAfter(seen, waitMillis)) {
                        gather(maxTasks);
                    }
                    seen = created.count();
                    tasks = fetch(workerId, topics, maxTasks, lockMillis, variables, extensionProperties);
                } else {
                    tasks = fetch(workerId, topics, maxTasks, lockMillis, variables, extensionProperties);
                    if (tasks.isEmpty() && waitMillis > 0 && created.awaitAfter(seen, waitMillis)) {
                        gather(maxTasks);
                        seen = created.count();
                        tasks = fetch(workerId, topics, maxTasks, lockMillis, variables, extensionProperties);
                    }
                }
                if (waitMillis > 0 && tasks.size() < maxTasks) {
                    drainedAt.put(workerId, seen);
                }
                return tasks;
            }

            private void gather(int maxTasks) {
                if (maxTasks < 2 || window.isZero()) {
                    return;
                }
                try {
                    Thread.sleep(window.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }

            private List<LockedExternalTask> fetch(String workerId, List<String> topics, int maxTasks, long lockMillis,
                                                   List<String> variables, boolean extensionProperties) {
                var fetch = service.fetchAndLock(maxTasks, workerId);
                for (String topic : topics) {
                    var fetched = fetch.topic(topic, lockMillis).variables(variables);
                    if (extensionProperties) {
                        fetched.includeExtensionProperties();
                    }
                }
                return fetch.execute();
            }

            @Override
            public void wakeUp() {
                created.wakeUp();
            }

            @Override
            public void extendLock(String taskId, String workerId, long lockMillis) {
                service.extendLock(taskId, workerId, lockMillis);
            }

            @Override
            public void complete(String taskId, String workerId, Map<String, Object> variables) {
                service.complete(taskId, workerId, variables);
            }

            @Override
            public void handleBpmnError(String taskId, String workerId, String errorCode, String message,
                                        Map<String, Object> variables) {
                service.handleBpmnError(taskId, workerId, errorCode, message, variables);
            }

            @Override
            public void handleFailure(String taskId, String workerId, String message, String details, int retries,
                                      long retryTimeoutMillis) {
                service.handleFailure(taskId, workerId, message, details, retries, retryTimeoutMillis);
            }

            @Override
            public void unlock(String taskId) {
                service.unlock(taskId);
            }

            @Override
            public boolean polls() {
                return polls;
            }

            @Override
            public boolean concurrentChange(RuntimeException e) {
                return e instanceof OptimisticLockingException;
            }
        };
    }
}
