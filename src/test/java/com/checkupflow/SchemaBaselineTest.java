package com.checkupflow;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.assertj.core.api.Assertions;
import org.assertj.core.api.SoftAssertions;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * {@code db/h2/B32__h2_schema.sql}, the baseline a new H2 database gets from application.yaml's Flyway locations, against
 * the versioned migrations it stands for: the same tables, columns, indexes, constraints and rows, and every database
 * that has a history (or the engine's tables) still migrating version by version.
 */
class SchemaBaselineTest {

    private static final String VERSIONED = "classpath:db/migration";

    @TempDir
    Path dir;

    @Test
    void shouldCreateWhatTheVersionedMigrationsCreateWhenTheDatabaseIsNew() throws Exception {
        DataSource versioned = database("versioned");
        flyway(versioned, VERSIONED).load().migrate();
        DataSource baseline = database("baseline");
        flyway(baseline, applicationLocations()).load().migrate();

        List<String> after = history(versioned).stream().filter(SchemaBaselineTest::pastBaseline).toList();
        Assertions.assertThat(history(baseline)).as("the new database ran the baseline and the migrations after it")
                .containsExactlyElementsOf(java.util.stream.Stream.concat(java.util.stream.Stream.of("32 SQL_BASELINE"),
                        after.stream()).toList());
        assertSameSchema(baseline, versioned);
    }

    @Test
    void shouldMigrateVersionByVersionWhenTheDatabaseHasAHistory() throws Exception {
        DataSource upgraded = database("upgraded");
        flyway(upgraded, VERSIONED).target("20").load().migrate();
        flyway(upgraded, applicationLocations()).load().migrate();
        DataSource versioned = database("versioned");
        flyway(versioned, VERSIONED).load().migrate();

        Assertions.assertThat(history(upgraded)).doesNotContain("32 SQL_BASELINE")
                .containsSubsequence("20 SQL", "30 SQL", "31 SQL", "32 SQL")
                .endsWith(history(versioned).stream().filter(SchemaBaselineTest::pastBaseline).toArray(String[]::new));
        assertSameSchema(upgraded, versioned);
    }

    @Test
    void shouldMigrateVersionByVersionWhenTheSchemaAlreadyHoldsTheEngineTables() throws Exception {
        DataSource engineFirst = database("engine-first");
        JdbcClient.create(engineFirst).sql("CREATE TABLE ACT_GE_PROPERTY (NAME_ VARCHAR(64) PRIMARY KEY)").update();
        flyway(engineFirst, applicationLocations()).load().migrate();

        Assertions.assertThat(history(engineFirst)).startsWith("0 BASELINE", "1 SQL").doesNotContain("32 SQL_BASELINE")
                .contains("32 SQL");
    }

    /** A versioned migration after the H2 baseline's version (32): a new database runs it after the baseline. */
    private static boolean pastBaseline(String entry) {
        String version = entry.substring(0, entry.indexOf(' '));
        return Integer.parseInt(version.contains(".") ? version.substring(0, version.indexOf('.')) : version) > 32;
    }

    private static void assertSameSchema(DataSource actual, DataSource expected) {
        Map<String, List<String>> is = schema(actual);
        Map<String, List<String>> shouldBe = schema(expected);
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(is.keySet()).containsExactlyElementsOf(shouldBe.keySet());
        shouldBe.forEach((what, rows) -> soft.assertThat(is.get(what)).as(what).containsExactlyElementsOf(rows));
        soft.assertAll();
    }

    private DataSource database(String name) {
        return new DriverManagerDataSource("jdbc:h2:file:" + dir.resolve(name).toAbsolutePath(), "sa", "");
    }

    /** As the application configures Flyway (application.yaml). */
    private static FluentConfiguration flyway(DataSource ds, String... locations) {
        return Flyway.configure().dataSource(ds).baselineOnMigrate(true).baselineVersion("0").locations(locations);
    }

    private static String[] applicationLocations() throws Exception {
        List<PropertySource<?>> yaml = new YamlPropertySourceLoader().load("application.yaml",
                new ClassPathResource("application.yaml"));
        return String.valueOf(yaml.get(0).getProperty("spring.flyway.locations")).split(",");
    }

    private static List<String> history(DataSource ds) {
        return JdbcClient.create(ds).sql("SELECT \"version\", \"type\" FROM \"flyway_schema_history\" "
                        + "WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\"")
                .query((rs, i) -> rs.getString(1) + " " + rs.getString(2)).list();
    }

    /** Everything H2 knows of our objects (Flyway's own table left out), and the rows of every table. */
    private static Map<String, List<String>> schema(DataSource ds) {
        JdbcClient jdbc = JdbcClient.create(ds);
        String ours = " TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME <> 'flyway_schema_history'";
        // H2 names the indexes behind keys itself (PRIMARY_KEY_A0, CONSTRAINT_4C_INDEX_9), differently even between two
        // databases that ran the same versions in two steps: nothing can refer to them, so they are compared by their columns.
        String index = " CASE WHEN INDEX_NAME LIKE 'PRIMARY\\_KEY\\_%' OR INDEX_NAME LIKE '%\\_INDEX\\_%' THEN '(named by H2)' "
                + "ELSE INDEX_NAME END";
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("tables", "SELECT TABLE_NAME, TABLE_TYPE, STORAGE_TYPE FROM INFORMATION_SCHEMA.TABLES WHERE" + ours);
        queries.put("columns", "SELECT TABLE_NAME, COLUMN_NAME, ORDINAL_POSITION, DATA_TYPE, CHARACTER_MAXIMUM_LENGTH, "
                + "NUMERIC_PRECISION, NUMERIC_SCALE, DATETIME_PRECISION, IS_NULLABLE, COLUMN_DEFAULT, IS_IDENTITY, "
                + "IDENTITY_GENERATION, IDENTITY_START, IDENTITY_INCREMENT FROM INFORMATION_SCHEMA.COLUMNS WHERE" + ours);
        queries.put("indexes", "SELECT TABLE_NAME," + index + ", INDEX_TYPE_NAME FROM INFORMATION_SCHEMA.INDEXES WHERE" + ours);
        queries.put("index columns", "SELECT TABLE_NAME," + index + ", COLUMN_NAME, ORDINAL_POSITION, ORDERING_SPECIFICATION, "
                + "NULL_ORDERING, IS_UNIQUE FROM INFORMATION_SCHEMA.INDEX_COLUMNS WHERE" + ours);
        queries.put("constraints", "SELECT TABLE_NAME, CONSTRAINT_NAME, CONSTRAINT_TYPE, NULLS_DISTINCT "
                + "FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS WHERE" + ours);
        queries.put("constraint columns", "SELECT TABLE_NAME, CONSTRAINT_NAME, COLUMN_NAME, ORDINAL_POSITION "
                + "FROM INFORMATION_SCHEMA.KEY_COLUMN_USAGE WHERE" + ours);
        queries.put("references", "SELECT CONSTRAINT_NAME, UNIQUE_CONSTRAINT_NAME, UPDATE_RULE, DELETE_RULE "
                + "FROM INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = 'PUBLIC'");
        queries.put("checks", "SELECT CONSTRAINT_NAME, CHECK_CLAUSE FROM INFORMATION_SCHEMA.CHECK_CONSTRAINTS "
                + "WHERE CONSTRAINT_SCHEMA = 'PUBLIC'");
        Map<String, List<String>> schema = new LinkedHashMap<>();
        queries.forEach((name, sql) -> schema.put(name, rows(jdbc, sql).stream().sorted().toList()));
        for (String table : jdbc.sql("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE" + ours + " ORDER BY 1")
                .query(String.class).list()) {
            schema.put("rows of " + table, rows(jdbc, "SELECT * FROM \"" + table + "\" ORDER BY 1"));
        }
        return schema;
    }

    private static List<String> rows(JdbcClient jdbc, String sql) {
        return jdbc.sql(sql).query((rs, i) -> {
            List<String> values = new ArrayList<>();
            for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                values.add(rs.getString(c));
            }
            return String.join(" | ", values);
        }).list();
    }
}
