package com.checkupflow.engine;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.checkupflow.CheckupFlowHttpTest;
import com.checkupflow.IdentifiedScreenings;
import com.checkupflow.ReviewTasks;
import com.checkupflow.TestHttp;
import com.checkupflow.process.ScreeningReportProcess.Vars;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ca.uhn.fhir.context.FhirContext;

/**
 * The engine variables a screening holds on the happy path at its busiest moment, the open review (docs/benchmarks.md,
 * section 12.1): every expression, listener, fetch-and-lock and form read loads all of them, so only what gateways,
 * forms, timers and the task list need is an engine variable; the rest lives in our tables or in configuration.
 */
@CheckupFlowHttpTest
class ScreeningVariablesHttpTest {

    /**
     * Process scope: the screening's id and language, the gateways' inputs, what the task list shows (priority, due
     * date), the draft and the text the physician edits, and the review form's texts that are not empty. Not among
     * them: the judgement beside the draft, the draft's origin and every form's header and language (computed when the
     * form is read, ComputedFormVariables), its drafter and the AI document step's settings (cf_draft; extension
     * properties), copies of configuration (criticalEscalationAfter, maxRedraftRounds, reviewSla,
     * consultationSummaryWanted), the center (the tenant), the invalid items' and critical findings' texts of a
     * screening that has none, and the empty texts the form hides (findings of a passing draft, the redraft limit, an
     * open critical contact, a reopened review's note, patient problems).
     */
    private static final Set<String> PROCESS = Set.of(Vars.SCREENING_ID, Vars.LANGUAGE, Vars.TASK_PRIORITY,
            Vars.INVALID_ITEMS, Vars.NEW_CRITICAL_RESULT, Vars.OVERALL_PRIMARY, Vars.DRAFT_ROUND, Vars.AUTO_REDRAFT_USED,
            Vars.DRAFT_TEXT, Vars.FINAL_TEXT, Vars.DRAFT_CHECK_PASSED, Vars.REVIEW_DUE_DATE);

    @LocalServerPort
    int port;
    @Autowired
    FhirContext fhir;
    @Autowired
    ObjectMapper json;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;

    @Test
    void shouldHoldOnlyWhatGatewaysFormsAndTheTaskListReadWhenTheReviewOfASuspectScreeningOpens() throws Exception {
        String id = posted("variables", new IdentifiedScreenings.Identifiers("남궁하린", "880214-2734519", "010-7731-2044",
                "harin.namgung@example.org", "중구 2"));
        Task review = ReviewTasks.awaitReview(taskService, id);

        List<VariableInstance> variables = runtimeService.createVariableInstanceQuery()
                .processInstanceIdIn(review.getProcessInstanceId()).disableBinaryFetching().disableCustomObjectDeserialization()
                .list();
        // the table of docs/benchmarks.md 12.1 comes from this line's output
        variables.stream().sorted(Comparator.comparing(VariableInstance::getName)).forEach(v -> System.out.printf(
                "variable %-28s %-8s %s%n", v.getName(), v.getTaskId() != null ? "task" : "process", v.getTypeName()));

        Assertions.assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(review.getProcessInstanceId())
                .singleResult().getTenantId()).as("the center, a transient start variable, is the tenant").isEqualTo("gangnam");
        Assertions.assertThat(names(variables, true)).as("task-local variables of the open review").isEmpty();
        Assertions.assertThat(names(variables, false)).as("process variables while the review is open")
                .containsExactlyInAnyOrderElementsOf(PROCESS);
    }

    @Test
    void shouldAddTheJudgementToTheReviewFormWhenTheFormVariablesAreReadAndNoEngineVariableHoldsIt() throws Exception {
        TestHttp http = new TestHttp(port);
        String id = posted("form-texts", new IdentifiedScreenings.Identifiers("제갈민준", "850303-1734512", "010-4410-2290",
                "minjun.jegal@example.org", "서초 3"));
        Task review = ReviewTasks.awaitReview(taskService, id);

        JsonNode form = json.readTree(http.get("physicianGangnam",
                "/engine-rest/task/" + review.getId() + "/form-variables").body());
        JsonNode some = json.readTree(http.get("physicianGangnam", "/engine-rest/task/" + review.getId()
                + "/form-variables?variableNames=" + Vars.FINAL_TEXT + "," + Vars.OVERALL_SUMMARY).body());

        Assertions.assertThat(taskService.getVariables(review.getId())).as("engine variables of the review")
                .doesNotContainKeys(Vars.JUDGEMENT_SUMMARY, Vars.OVERALL_SUMMARY, Vars.PATIENT_PROBLEMS);
        Assertions.assertThat(form.path(Vars.JUDGEMENT_SUMMARY).path("value").asText()).as("the table per item")
                .contains("|");
        Assertions.assertThat(form.path(Vars.OVERALL_SUMMARY).path("type").asText()).isEqualTo("String");
        Assertions.assertThat(form.path(Vars.OVERALL_SUMMARY).path("value").asText()).contains("종합판정");
        Assertions.assertThat(form.path(Vars.FINAL_TEXT).path("value").asText()).isNotBlank();
        Assertions.assertThat(some.properties()).extracting(Map.Entry::getKey).as("only the names asked for")
                .containsExactlyInAnyOrder(Vars.FINAL_TEXT, Vars.OVERALL_SUMMARY);
    }

    @Test
    void shouldAddTheHeaderToEveryFormWhenTheFormVariablesAreReadAndNoEngineVariableHoldsIt() throws Exception {
        TestHttp http = new TestHttp(port);
        String id = posted("form-header", new IdentifiedScreenings.Identifiers("독고은서", "870521-2734516", "010-6620-1183",
                "eunseo.dokgo@example.org", "강남 5"));
        Task review = ReviewTasks.awaitReview(taskService, id);

        JsonNode form = json.readTree(http.get("physicianGangnam",
                "/engine-rest/task/" + review.getId() + "/form-variables").body());
        JsonNode language = json.readTree(http.get("physicianGangnam", "/engine-rest/task/" + review.getId()
                + "/form-variables?variableNames=" + Vars.FORM_LANGUAGE).body());

        Assertions.assertThat(runtimeService.createVariableInstanceQuery().processInstanceIdIn(review.getProcessInstanceId())
                .variableNameIn(Vars.PATIENT_LABEL, Vars.FORM_LANGUAGE).count()).as("engine variables of the header").isZero();
        Assertions.assertThat(form.path(Vars.PATIENT_LABEL).path("value").asText()).as("the masked patient, as the task's name")
                .isEqualTo(review.getName().substring(review.getName().indexOf(" – ") + 3)).startsWith("독*")
                .contains("강남센터").doesNotContain("고은");
        Assertions.assertThat(form.path(Vars.FORM_LANGUAGE).path("value").asText()).isEqualTo("ko");
        Assertions.assertThat(language.properties()).extracting(Map.Entry::getKey).as("only the name asked for")
                .containsExactly(Vars.FORM_LANGUAGE);
    }

    @Test
    void shouldShowTheComputedDraftOriginWhenAnInstanceStartedBeforeStillHoldsAnOldRoundsCopy() throws Exception {
        TestHttp http = new TestHttp(port);
        String id = posted("old-origin", new IdentifiedScreenings.Identifiers("선우다은", "910405-2734518", "010-5520-3381",
                "daeun.sunwoo@example.org", "종로 4"));
        Task review = ReviewTasks.awaitReview(taskService, id);
        // what the code before wrote in every round; a redraft after the upgrade no longer updates it
        runtimeService.setVariable(review.getProcessInstanceId(), Vars.DRAFT_ORIGIN, "생성형 AI 초안 (이전 회차)");

        JsonNode form = json.readTree(http.get("physicianGangnam",
                "/engine-rest/task/" + review.getId() + "/form-variables").body());

        Assertions.assertThat(form.path(Vars.DRAFT_ORIGIN).path("value").asText()).as("the origin of the draft in cf_draft")
                .isNotBlank().doesNotContain("이전 회차");
    }

    /** Posts a suspect screening of Gangnam as the integration does; its id. */
    private String posted(String source, IdentifiedScreenings.Identifiers person) throws Exception {
        return json.readTree(new TestHttp(port).post("integration", "/api/screenings?center=gangnam",
                "application/fhir+json", IdentifiedScreenings.bundle(fhir, source, person)).body()).get("id").asText();
    }

    private static Set<String> names(List<VariableInstance> variables, boolean taskLocal) {
        return variables.stream().filter(v -> (v.getTaskId() != null) == taskLocal).map(VariableInstance::getName)
                .collect(Collectors.toSet());
    }
}
