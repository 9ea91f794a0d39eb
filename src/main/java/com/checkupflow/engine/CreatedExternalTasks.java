package com.checkupflow.engine;

import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.util.SingleConsumerCondition;

/**
 * The engine's notice that an external task was created: Camunda signals {@link ProcessEngineImpl#EXT_TASK_CONDITIONS}
 * after the commit of every transaction that inserted one (the signal its REST API's long polling waits on). Counted
 * here, so that a waiter that read the count before fetching misses no task committed meanwhile.
 */
final class CreatedExternalTasks extends SingleConsumerCondition {

    private final Object monitor = new Object();
    private long created;
    private boolean registered;

    CreatedExternalTasks() {
        super(Thread.currentThread()); // the base class's consumer; signal() below never parks or unparks it
    }

    /** How many notices so far; registers with the engine on first use. */
    long count() {
        synchronized (monitor) {
            if (!registered) {
                ProcessEngineImpl.EXT_TASK_CONDITIONS.addConsumer(this);
                registered = true;
            }
            return created;
        }
    }

    @Override
    public void signal() {
        synchronized (monitor) {
            created++;
            monitor.notifyAll();
        }
    }

    /** Waits until the count differs from {@code seen} or the time is up; whether it changed. */
    boolean awaitAfter(long seen, long millis) {
        long deadline = System.nanoTime() + millis * 1_000_000;
        synchronized (monitor) {
            long left = millis;
            while (created == seen && left > 0) {
                try {
                    monitor.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return created != seen;
                }
                left = (deadline - System.nanoTime()) / 1_000_000;
            }
            return created != seen;
        }
    }

    /**
     * Ends every wait at once, as if a task had been created (a stopping worker), and leaves the engine's JVM-wide
     * condition: a stopped worker's counter would otherwise be signalled for as long as the JVM runs (a later
     * {@link #count()} registers it again).
     */
    void wakeUp() {
        synchronized (monitor) {
            if (registered) {
                ProcessEngineImpl.EXT_TASK_CONDITIONS.removeConsumer(this);
                registered = false;
            }
        }
        signal();
    }
}
