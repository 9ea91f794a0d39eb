package com.checkupflow.engine;

import org.camunda.bpm.engine.impl.batch.BatchMonitorJobHandler;
import org.camunda.bpm.engine.impl.batch.BatchSeedJobHandler;
import org.camunda.bpm.engine.impl.batch.history.HistoricBatchEntity;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.producer.CacheAwareHistoryEventProducer;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricJobLogEventEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;

/**
 * The engine's history event producer, except that a job log row of a process's own job (an async continuation, a
 * timer) no longer looks for a batch: under removal-time strategy {@code start} the engine takes any job definition's
 * configuration for a batch id ({@code async-before}, a timer's activity) and reads {@code ACT_HI_BATCH} by it, which
 * finds nothing for these (9 reads of no row per screening, docs/benchmarks.md 14.6). Their removal time comes from
 * the root process instance as before. Jobs of a batch (its seed, its monitor and its own jobs, whose job definition's
 * configuration is the batch's id) still take the batch's removal time.
 */
class JobLogRemovalTimes extends CacheAwareHistoryEventProducer {

    /** Set while the engine fills in the job log row of a job that belongs to no batch. */
    private static final ThreadLocal<Boolean> NO_BATCH = new ThreadLocal<>();

    @Override
    protected void initHistoricJobLogEvent(HistoricJobLogEventEntity evt, Job job, HistoryEventType eventType) {
        JobDefinition definition = ((JobEntity) job).getJobDefinition();
        if (definition == null || ofBatch(definition.getJobType())) {
            super.initHistoricJobLogEvent(evt, job, eventType);
            return;
        }
        NO_BATCH.set(Boolean.TRUE);
        try {
            super.initHistoricJobLogEvent(evt, job, eventType);
        } finally {
            NO_BATCH.remove();
        }
    }

    @Override
    protected HistoricBatchEntity getHistoricBatchById(String batchId) {
        return NO_BATCH.get() != null ? null : super.getHistoricBatchById(batchId);
    }

    /** A batch's seed and monitor jobs have these types; its own jobs have the batch's type. */
    private static boolean ofBatch(String jobType) {
        return BatchSeedJobHandler.TYPE.equals(jobType) || BatchMonitorJobHandler.TYPE.equals(jobType)
                || Context.getProcessEngineConfiguration().getBatchHandlers().containsKey(jobType);
    }
}
