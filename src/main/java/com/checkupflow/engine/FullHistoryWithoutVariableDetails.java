package com.checkupflow.engine;

import java.util.Set;

import org.camunda.bpm.engine.impl.history.HistoryLevelFull;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;

/**
 * Full history without an {@code ACT_HI_DETAIL} row per variable write: every write was stored twice, as the
 * variable's current value ({@code ACT_HI_VARINST}, kept) and as a detail row with a copy of the value. Nothing of
 * ours reads the details (the analytics timeline and the audit read variable instances, activities and tasks), and
 * Cockpit keeps everything else of full history (incidents, job and external task logs, operation log, identity
 * links). Same id as full, so a database created at full keeps starting without a migration.
 * <p>
 * The {@code runtimeOnly} variables get no history row at all: long texts the forms need while a task is open whose
 * durable copy is in our tables (the draft and the signed text), or that are derived from stored facts; their
 * history rows were the largest part of {@code ACT_HI_VARINST}. Every event of such a variable (create, update,
 * delete, migrate) is skipped alike, so no update ever targets a missing history row.
 */
class FullHistoryWithoutVariableDetails extends HistoryLevelFull {

    static final String NAME = "full-without-variable-details";

    private final Set<String> runtimeOnly;

    FullHistoryWithoutVariableDetails(Set<String> runtimeOnly) {
        this.runtimeOnly = Set.copyOf(runtimeOnly);
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
        if (eventType == HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL) {
            return false;
        }
        return !(entity instanceof VariableInstanceEntity v && runtimeOnly.contains(v.getName()));
    }
}
