package com.checkupflow.analytics;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What the timeline learnt in the current transaction and has not written yet, so that a row is written once:
 * <ul>
 * <li>the stage intervals opened here: an async step's interval opens and closes in one transaction (the job's);
 * held here, it becomes one {@code INSERT} with both ends instead of an {@code INSERT} and an {@code UPDATE};</li>
 * <li>the human steps completed here: the task's completion comes just before its activity's end, and the completer
 * is written by the {@code UPDATE} that closes the interval instead of one of its own.</li>
 * </ul>
 * What is still held when the transaction commits is written just before the commit, in the transaction, after the
 * engine's own statements; a rollback drops it with the engine's state. Kept as one of the transaction's
 * synchronizations, so that a transaction suspended for another (the delivery receipt's own) keeps its own.
 */
final class TimelineInTransaction implements TransactionSynchronization {

    /**
     * @param taskStartedAt the task's start as the engine stored it (its review interval's start), null when the
     *                      engine did not give it
     */
    record Completion(String userId, Instant taskStartedAt) {
    }

    private final TimelineRepository repository;
    private final Map<String, TimelineRepository.Interval> opened = new LinkedHashMap<>();
    private final Map<String, Completion> completed = new LinkedHashMap<>();

    private TimelineInTransaction(TimelineRepository repository) {
        this.repository = repository;
    }

    /** The current transaction's, registered on first use; null outside a transaction (write at once then). */
    static TimelineInTransaction current(TimelineRepository repository) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        TimelineInTransaction found = find();
        if (found == null) {
            found = new TimelineInTransaction(repository);
            TransactionSynchronizationManager.registerSynchronization(found);
        }
        return found;
    }

    /** Removes and answers the interval of the activity instance if it was opened in this transaction, else null. */
    static TimelineRepository.Interval takeOpened(String activityInstanceId) {
        TimelineInTransaction found = TransactionSynchronizationManager.isSynchronizationActive() ? find() : null;
        return found == null ? null : found.opened.remove(activityInstanceId);
    }

    /** Removes and answers the completion of the activity instance's task if it happened here, else null. */
    static Completion takeCompletion(String activityInstanceId) {
        TimelineInTransaction found = TransactionSynchronizationManager.isSynchronizationActive() ? find() : null;
        return found == null ? null : found.completed.remove(activityInstanceId);
    }

    private static TimelineInTransaction find() {
        for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
            if (s instanceof TimelineInTransaction t) {
                return t;
            }
        }
        return null;
    }

    void open(TimelineRepository.Interval interval) {
        opened.put(interval.activityInstanceId(), interval);
    }

    void complete(String activityInstanceId, Completion completion) {
        completed.put(activityInstanceId, completion);
    }

    @Override
    public void beforeCommit(boolean readOnly) {
        opened.values().forEach(repository::openInterval);
        opened.clear();
        completed.forEach((activityInstanceId, c) -> repository.completedBy(activityInstanceId, c.userId()));
        completed.clear();
    }
}
