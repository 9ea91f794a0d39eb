package com.checkupflow.engine;

import java.util.List;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

class EngineIndexesTest {

    private ProcessEngine engine;

    @AfterEach
    void close() {
        engine.close();
    }

    private JdbcDataSource start(String name) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneProcessEngineConfiguration()
                .setProcessEngineName(name)
                .setDataSource(dataSource)
                .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
                .setJobExecutorActivate(false);
        configuration.setProcessEnginePlugins(List.<ProcessEnginePlugin>of(new EngineIndexes(dataSource)));
        engine = configuration.buildProcessEngine();
        return dataSource;
    }

    private static List<String> indexedColumns(JdbcDataSource dataSource) {
        return JdbcClient.create(dataSource).sql("SELECT COLUMN_NAME FROM INFORMATION_SCHEMA.INDEX_COLUMNS"
                        + " WHERE INDEX_NAME = 'CF_IDX_VARIABLE_EXECUTION_NAME' ORDER BY ORDINAL_POSITION")
                .query(String.class).list();
    }

    @Test
    void shouldIndexVariablesByExecutionAndNameWhenTheEngineHasCreatedItsSchema() {
        JdbcDataSource dataSource = start("indexes-new");

        Assertions.assertThat(indexedColumns(dataSource)).containsExactly("EXECUTION_ID_", "NAME_");
    }

    @Test
    void shouldStartAgainWhenTheIndexExists() {
        JdbcDataSource dataSource = start("indexes-again");
        engine.close();

        start("indexes-again");

        Assertions.assertThat(indexedColumns(dataSource)).containsExactly("EXECUTION_ID_", "NAME_");
    }
}
