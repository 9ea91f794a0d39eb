package com.checkupflow.engine;

import java.util.List;
import java.util.Set;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.checkupflow.CheckupFlowHttpTest;
import com.checkupflow.IdentifiedScreenings;
import com.checkupflow.TestHttp;
import com.checkupflow.process.ScreeningReportProcess.Vars;
import com.checkupflow.screening.Screening;
import com.checkupflow.screening.ScreeningRepository;
import com.fasterxml.jackson.databind.ObjectMapper;

import ca.uhn.fhir.context.FhirContext;

/** What a delivered screening leaves in the engine's history and our tables (docs/benchmarks.md, section 6). */
@CheckupFlowHttpTest
class ScreeningHistoryHttpTest {

    /**
     * The screening's id, the gateways' inputs and the people's decisions (EngineConfiguration.RUNTIME_ONLY_VARIABLES);
     * the configured limits are no variables (workflowSettings).
     */
    private static final Set<String> KEPT = Set.of(Vars.SCREENING_ID, Vars.INVALID_ITEMS, Vars.NEW_CRITICAL_RESULT,
            Vars.OVERALL_PRIMARY, Vars.DRAFT_CHECK_PASSED, Vars.AUTO_REDRAFT_USED, Vars.DRAFT_ROUND,
            Vars.REVIEW_DECISION, Vars.REFERRAL_NEEDED);

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
    ScreeningRepository screenings;

    private String deliver(String tag) throws Exception {
        return IdentifiedScreenings.postAndDeliver(new TestHttp(port), json, taskService, IdentifiedScreenings.bundle(
                fhir, tag, new IdentifiedScreenings.Identifiers("선우다인", "930717-2518734", "010-5512-8830",
                        "dain.sunwoo@example.org", "종로 1")));
    }

    @Test
    void shouldKeepOnlyThePathAndTheDecisionsInHistoryWhenAScreeningWasDelivered() throws Exception {
        String id = deliver("history");
        String processInstance = jdbc.sql("SELECT process_instance_id FROM cf_screening WHERE id = ?").param(id)
                .query(String.class).single();

        List<String> names = jdbc.sql("SELECT DISTINCT NAME_ FROM ACT_HI_VARINST WHERE ROOT_PROC_INST_ID_ = ?")
                .param(processInstance).query(String.class).list();

        Assertions.assertThat(names).as("history variables of the delivered screening")
                .contains(Vars.SCREENING_ID, Vars.OVERALL_PRIMARY, Vars.DRAFT_CHECK_PASSED, Vars.REVIEW_DECISION)
                .isSubsetOf(KEPT);
        Assertions.assertThat(jdbc.sql("SELECT COUNT(*) FROM cf_analytics_code WHERE process_instance_id = ? AND kind = ?")
                        .params(processInstance, "ABNORMAL_ITEM").query(Long.class).single())
                .as("the timeline still saw overallPrimary's history event (suspect items counted)").isPositive();
        Assertions.assertThat(jdbc.sql("SELECT COUNT(*) FROM ACT_HI_ACTINST WHERE ROOT_PROC_INST_ID_ = ?")
                .param(processInstance).query(Long.class).single()).as("Cockpit's activity history").isPositive();
    }

    @Test
    void shouldKeepTheReportTextOnceWhenAScreeningWasSignedAsDraftedAndDelivered() throws Exception {
        String id = deliver("issued-text");
        String draft = jdbc.sql("SELECT text FROM cf_draft WHERE screening_id = ?").param(id).query(String.class).single();

        Assertions.assertThat(jdbc.sql("SELECT COUNT(*) FROM cf_screening WHERE id = ? AND final_text IS NULL").param(id)
                .query(Long.class).single()).as("no copy of the signed text in cf_screening").isOne();
        Assertions.assertThat(jdbc.sql("SELECT COUNT(*) FROM cf_review WHERE screening_id = ? AND decision = 'APPROVE'"
                + " AND signed_text IS NULL AND draft_text IS NULL").param(id).query(Long.class).single())
                .as("signed as drafted: no copy of the draft in cf_review").isOne();
        Assertions.assertThat(draft).isNotBlank();
        Assertions.assertThat(screenings.find(id).map(Screening::finalText)).contains(draft);
        Assertions.assertThat(json.readTree(new TestHttp(port).get("physicianGangnam", "/api/screenings/" + id).body())
                .path("review").path("signedText").asText()).isEqualTo(draft);
    }
}
