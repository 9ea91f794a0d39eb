package com.checkupflow.physician;

import java.net.http.HttpResponse;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.checkupflow.CheckupFlowHttpTest;
import com.checkupflow.TestHttp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Administrators keep the physicians' profiles; the demo physicians have synthetic ones. */
@CheckupFlowHttpTest
class PhysicianProfileHttpTest {

    private static final String JSON = "application/json";

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    PhysicianProfiles profiles;

    private TestHttp http;

    @BeforeEach
    void client() {
        http = new TestHttp(port);
    }

    @Test
    void shouldListSyntheticProfilesOfEveryDemoPhysicianWhenAdministratorAsks() throws Exception {
        HttpResponse<String> list = http.get("admin", "/api/physicians");

        Assertions.assertThat(list.statusCode()).isEqualTo(200);
        JsonNode all = json.readTree(list.body());
        Assertions.assertThat(all).hasSizeGreaterThanOrEqualTo(16);
        Assertions.assertThat(all).anySatisfy(p -> {
            Assertions.assertThat(p.get("userId").asText()).isEqualTo("headPhysicianBusan");
            Assertions.assertThat(p.get("displayName").asText()).isNotBlank();
            Assertions.assertThat(p.get("licenceNumber").asText()).matches("\\d+");
        });
    }

    @Test
    void shouldSaveTheProfileWhenAdministratorPutsIt() throws Exception {
        HttpResponse<String> put = http.put("admin", "/api/physicians/physicianJeju", JSON,
                "{\"displayName\":\"고은비\",\"licenceNumber\":\"54321\"}");

        Assertions.assertThat(put.statusCode()).isEqualTo(200);
        Assertions.assertThat(profiles.find("physicianJeju")).hasValueSatisfying(p -> {
            Assertions.assertThat(p.displayName()).isEqualTo("고은비");
            Assertions.assertThat(p.licenceNumber()).isEqualTo("54321");
            Assertions.assertThat(p.updatedBy()).isEqualTo("admin");
        });
    }

    @Test
    void shouldRefuseWithProblemWhenProfileIsInvalidOrNotAPhysician() throws Exception {
        HttpResponse<String> invalid = http.put("admin", "/api/physicians/physicianDaegu", JSON,
                "{\"displayName\":\" \",\"licenceNumber\":\"12-34\"}");
        HttpResponse<String> nurse = http.put("admin", "/api/physicians/nurseDaegu", JSON,
                "{\"displayName\":\"이간호\",\"licenceNumber\":\"1234\"}");

        Assertions.assertThat(invalid.statusCode()).isEqualTo(400);
        Assertions.assertThat(invalid.headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> Assertions.assertThat(ct).startsWith("application/problem+json"));
        Assertions.assertThat(json.readTree(invalid.body()).get("problems")).hasSize(2);
        Assertions.assertThat(nurse.statusCode()).isEqualTo(400);
        Assertions.assertThat(nurse.body()).contains("not_a_physician");
        Assertions.assertThat(profiles.find("nurseDaegu")).isEmpty();
        Assertions.assertThat(profiles.find("physicianDaegu").orElseThrow().licenceNumber()).isEqualTo("20105");
    }

    @Test
    void shouldForbidProfilesToEveryoneButAdministrators() throws Exception {
        for (String user : new String[] {"physicianGangnam", "headPhysicianGangnam", "manager"}) {
            Assertions.assertThat(http.get(user, "/api/physicians").statusCode()).as(user).isEqualTo(403);
            Assertions.assertThat(http.put(user, "/api/physicians/" + user, JSON,
                    "{\"displayName\":\"나\",\"licenceNumber\":\"1\"}").statusCode()).as(user).isEqualTo(403);
        }
        Assertions.assertThat(http.get(null, "/api/physicians").statusCode()).isEqualTo(401);
    }
}
