package com.checkupflow.analytics;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The stage intervals opened in the current transaction and not yet written. An async step's interval opens and
 * closes in one transaction (the job's); held here, it becomes one {@code INSERT} with both ends instead of an
 * {@code INSERT} and an {@code UPDATE}. What is still open when the transaction commits is inserted just before the
 * commit, in the transaction, after the engine's own statements; a rollback drops it with the engine's state. Kept as
 * one of the transaction's synchronizations, so that a transaction suspended for another (the delivery receipt's own)
 * keeps its own intervals.
 */
final class OpenedInTransaction implements TransactionSynchronization {

    private final TimelineRepository repository;
    private final Map<String, TimelineRepository.Interval> opened = new LinkedHashMap<>();

    private OpenedInTransaction(TimelineRepository repository) {
        this.repository = repository;
    }

    /** The current transaction's, registered on first use; null outside a transaction (write at once then). */
    static OpenedInTransaction current(TimelineRepository repository) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        OpenedInTransaction found = find();
        if (found == null) {
            found = new OpenedInTransaction(repository);
            TransactionSynchronizationManager.registerSynchronization(found);
        }
        return found;
    }

    /** Removes and answers the interval of the activity instance if it was opened in this transaction, else null. */
    static TimelineRepository.Interval take(String activityInstanceId) {
        OpenedInTransaction found = TransactionSynchronizationManager.isSynchronizationActive() ? find() : null;
        return found == null ? null : found.opened.remove(activityInstanceId);
    }

    private static OpenedInTransaction find() {
        for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
            if (s instanceof OpenedInTransaction o) {
                return o;
            }
        }
        return null;
    }

    void add(TimelineRepository.Interval interval) {
        opened.put(interval.activityInstanceId(), interval);
    }

    @Override
    public void beforeCommit(boolean readOnly) {
        opened.values().forEach(repository::openInterval);
        opened.clear();
    }
}
