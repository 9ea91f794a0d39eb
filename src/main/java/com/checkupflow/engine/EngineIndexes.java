package com.checkupflow.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Indexes of ours on the engine's tables, created once the engine has created or checked its schema (Flyway runs
 * before the engine exists, so a migration cannot index an {@code ACT_*} table on a new database). Runs inside the
 * cluster start lock. H2 answered the model workers' fetch of an execution's named variables through the engine's
 * task-name index, reading every running screening's variables (docs/benchmarks.md); this index keeps it to the
 * execution's own rows.
 */
class EngineIndexes extends AbstractProcessEnginePlugin {

    static final String VARIABLE_EXECUTION_NAME =
            "CREATE INDEX IF NOT EXISTS CF_IDX_VARIABLE_EXECUTION_NAME ON ACT_RU_VARIABLE (EXECUTION_ID_, NAME_)";

    private static final Logger log = LoggerFactory.getLogger(EngineIndexes.class);

    private final DataSource dataSource;

    EngineIndexes(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(VARIABLE_EXECUTION_NAME);
        } catch (SQLException e) {
            // e.g. a production schema owned by a DBA account this application may not alter: slower, not wrong
            log.warn("Could not create index CF_IDX_VARIABLE_EXECUTION_NAME on ACT_RU_VARIABLE ({}); create it as the"
                    + " schema owner: {}", e.getSQLState(), VARIABLE_EXECUTION_NAME);
        }
    }
}
