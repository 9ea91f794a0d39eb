package com.checkupflow.engine;

import org.camunda.bpm.engine.impl.history.HistoryLevelFull;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;

/**
 * Full history without an {@code ACT_HI_DETAIL} row per variable write: every write was stored twice, as the
 * variable's current value ({@code ACT_HI_VARINST}, kept) and as a detail row with a copy of the value. Nothing of
 * ours reads the details (the analytics timeline and the audit read variable instances, activities and tasks), and
 * Cockpit keeps everything else of full history (incidents, job and external task logs, operation log, identity
 * links). Same id as full, so a database created at full keeps starting without a migration.
 */
class FullHistoryWithoutVariableDetails extends HistoryLevelFull {

    static final String NAME = "full-without-variable-details";

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
        return eventType != HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL;
    }
}
