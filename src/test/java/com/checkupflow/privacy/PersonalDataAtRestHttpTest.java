package com.checkupflow.privacy;

import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.checkupflow.CheckupFlowHttpTest;
import com.checkupflow.IdentifiedScreenings;
import com.checkupflow.TestHttp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ca.uhn.fhir.context.FhirContext;

/** Encryption at rest seen from outside: the whole database read with JDBC, and the API on top of it. */
@CheckupFlowHttpTest
class PersonalDataAtRestHttpTest {

    private static final IdentifiedScreenings.Identifiers IDS = new IdentifiedScreenings.Identifiers("황보다솜",
            "910203-2748156", "010-4821-9375", "dasom.hwangbo@example.org", "테헤란로 427");

    @LocalServerPort
    int port;
    @Autowired
    FhirContext fhir;
    @Autowired
    ObjectMapper json;
    @Autowired
    TaskService taskService;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;

    private TestHttp http;

    @BeforeEach
    void client() {
        http = new TestHttp(port);
    }

    @Test
    void shouldFindNoDirectIdentifierInAnyTableWhenAScreeningWasPostedIssuedAndDelivered() throws Exception {
        String id = IdentifiedScreenings.postAndDeliver(http, json, taskService,
                IdentifiedScreenings.bundle(fhir, "at-rest", IDS));

        Assertions.assertThat(plainTextFindings(IDS.all())).as("tables and columns holding an identifier in plain text")
                .isEmpty();
        Assertions.assertThat(plainTextFindings(List.of("황**솜"))).as("the scan finds text: the masked name of the task")
                .anySatisfy(f -> Assertions.assertThat(f).startsWith("ACT_"));
        Assertions.assertThat(jdbc.sql("SELECT patient_rrn FROM cf_screening WHERE id = ?").param(id)
                .query(String.class).single()).startsWith(FieldCipher.PREFIX + "dk-");
        Assertions.assertThat(jdbc.sql("SELECT patient_rrn_hash FROM cf_screening WHERE id = ?").param(id)
                .query(String.class).single()).matches("[0-9a-f]{64}");

        JsonNode screening = json.readTree(http.get("physicianGangnam", "/api/screenings/" + id).body());
        Assertions.assertThat(screening.get("patient").get("name").asText()).isEqualTo("황**솜");
        Assertions.assertThat(screening.get("patient").get("rrn").asText()).isEqualTo("910203-2******");
        Assertions.assertThat(http.get("physicianGangnam", "/api/screenings/" + id + "/report.html").body())
                .contains(IDS.name(), "910203-2******").doesNotContain(IDS.rrn());
    }

    @Test
    void shouldReadEveryValueAgainWhenTheAdministratorRotatedTheMasterKey() throws Exception {
        IdentifiedScreenings.Identifiers ids = new IdentifiedScreenings.Identifiers("남궁하람", "880512-1637284",
                "010-3391-2047", "haram.namgung@example.org", "세종대로 110");
        String id = IdentifiedScreenings.postAndDeliver(http, json, taskService,
                IdentifiedScreenings.bundle(fhir, "rotation", ids));
        List<String> before = jdbc.sql("SELECT DISTINCT kek_id FROM cf_data_key").query(String.class).list();

        Assertions.assertThat(http.post("manager", "/api/admin/keys/rotate", "application/json", "").statusCode())
                .isEqualTo(403);
        JsonNode rotated = json.readTree(http.post("admin", "/api/admin/keys/rotate", "application/json", "").body());

        Assertions.assertThat(rotated.get("newMasterKey").asBoolean()).isTrue();
        Assertions.assertThat(rotated.get("rewrapped").asInt()).isGreaterThanOrEqualTo(2);
        Assertions.assertThat(before).doesNotContain(rotated.get("masterKeyId").asText());
        Assertions.assertThat(rotated.get("retiredMasterKeys")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrderElementsOf(before);
        Assertions.assertThat(jdbc.sql("SELECT DISTINCT kek_id FROM cf_data_key").query(String.class).list())
                .containsExactly(rotated.get("masterKeyId").asText());
        Assertions.assertThat(http.get("physicianGangnam", "/api/screenings/" + id + "/report.html").body())
                .contains(ids.name());
        Assertions.assertThat(json.readTree(http.get("physicianGangnam", "/api/screenings/" + id).body())
                .get("patient").get("rrn").asText()).isEqualTo("880512-1******");
    }

    /** Every "table.column" of the database in which one of the values appears as it is. */
    private List<String> plainTextFindings(List<String> values) throws Exception {
        List<String> findings = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getTables(null, "PUBLIC", "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
            Assertions.assertThat(tables).as("the scan reads our tables and the engine's")
                    .contains("CF_SCREENING", "CF_SCREENING_BUNDLE", "ACT_RU_VARIABLE", "ACT_GE_BYTEARRAY");
            for (String table : tables) {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM \"" + table + "\"")) {
                    ResultSetMetaData meta = rs.getMetaData();
                    while (rs.next()) {
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            String text = text(rs.getObject(i));
                            for (String value : values) {
                                if (text != null && text.contains(value)) {
                                    findings.add(table + "." + meta.getColumnName(i) + " holds " + value);
                                }
                            }
                        }
                    }
                }
            }
        }
        return findings;
    }

    private static String text(Object value) throws Exception {
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        if (value instanceof Blob blob) {
            return new String(blob.getBytes(1, (int) blob.length()), StandardCharsets.UTF_8);
        }
        if (value instanceof Clob clob) {
            return clob.getSubString(1, (int) clob.length());
        }
        return value == null ? null : value.toString();
    }
}
