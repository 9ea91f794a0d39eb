package com.checkupflow;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.claim;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageConfigurator;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.checkupflow.correction.CorrectionFixtures;
import com.checkupflow.critical.CriticalFixtures;
import com.checkupflow.delivery.DeliveryFixtures;
import com.checkupflow.demo.SyntheticScreenings.Profile;
import com.checkupflow.demo.SyntheticScreenings;
import com.checkupflow.document.DocumentFixtures;
import com.checkupflow.drafting.DraftingFixtures;
import com.checkupflow.judgement.JudgementFixtures;
import com.checkupflow.judgement.JudgementService;
import com.checkupflow.kernel.ItemKey;
import com.checkupflow.kernel.ItemStatus;
import com.checkupflow.kernel.NormalizedScreening;
import com.checkupflow.process.ReferralLetterProcess;
import com.checkupflow.process.ScreeningReportProcess.Activities;
import com.checkupflow.process.ScreeningReportProcess.Events;
import com.checkupflow.process.ScreeningReportProcess.Gateways;
import com.checkupflow.process.ScreeningReportProcess.Vars;
import com.checkupflow.process.ScreeningReportProcess;
import com.checkupflow.referral.ReferralFixtures;
import com.checkupflow.report.ReportFixtures;
import com.checkupflow.review.ReviewFixtures;
import com.checkupflow.screening.JudgementRecordingFixtures;
import com.checkupflow.screening.WorkflowFixtures;

import ca.uhn.fhir.context.FhirContext;

/**
 * The paths of {@code screening-report} on an in-memory engine without Spring: the real delegates and listeners
 * (registered under their bean names through the MockExpressionManager of camunda.cfg.xml) around mocked
 * services; the judgement itself is the real DMN, the corrections the real service on H2. Async steps are driven with {@code execute(job(...))}.
 */
@Deployment(resources = {"processes/screening-report.bpmn", "processes/screening-judgement.dmn",
        "forms/review-report.form", "forms/resolve-invalid-results.form", "forms/confirm-critical-result.form",
        "forms/resolve-delivery.form", "processes/referral-letter.bpmn", "forms/sign-referral-letter.form",
        "forms/book-appointment.form"})
class ScreeningReportProcessTest {

    /**
     * Share of the deployed models' flow nodes and sequence flows the tests of this class pass through, together
     * (report: target/process-test-coverage/); the build fails below it. Measured 2026-12-01: see docs/testing.md
     * (0.838 since the consultation-summary branch joined the model; that branch is covered by
     * ConsultationSummaryProcessTest, which this figure does not count).
     */
    static final double COVERAGE_FLOOR = 0.85;

    @RegisterExtension
    static final ProcessEngineCoverageExtension ENGINE = ProcessEngineCoverageExtension.builder(coveredEngine())
            .assertClassCoverageAtLeast(COVERAGE_FLOOR).build();

    /** The shared test engine's settings (camunda.cfg.xml) under a name and database of its own, with the coverage listeners. */
    private static ProcessEngineConfigurationImpl coveredEngine() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createProcessEngineConfigurationFromResource("camunda.cfg.xml")
                .setProcessEngineName("checkupflow-coverage")
                .setJdbcUrl("jdbc:h2:mem:checkupflow-coverage;DB_CLOSE_DELAY=1000");
        ProcessCoverageConfigurator.initializeProcessCoverageExtensions(configuration);
        return configuration;
    }

    private static final FhirContext FHIR = FhirContext.forR4();
    private static final String PROCESS = ScreeningReportProcess.PROCESS_ID;
    private static final int MAX_REDRAFT_ROUNDS = 3;
    private static final String PHYSICIAN = "dr.kim";
    private static final String NURSE = "nurse.lee";

    ProcessEngine processEngine;

    private final Map<String, NormalizedScreening> screenings = new HashMap<>();
    private JudgementService judgementService;
    private JudgementRecordingFixtures.RecordedJudgements judgements;
    private CorrectionFixtures corrections;
    private DraftingFixtures drafting;
    private ReviewFixtures reviews;
    private ReportFixtures reports;
    private DeliveryFixtures deliveries;
    private ReferralFixtures referrals;
    private DocumentFixtures.ResourceKinds consultations;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(processEngine);
        judgementService = JudgementFixtures.judgementService(processEngine);
        judgements = JudgementRecordingFixtures.recordedJudgements(judgementService, screenings);
        corrections = new CorrectionFixtures(judgementService, screenings);
        drafting = new DraftingFixtures();
        reviews = new ReviewFixtures();
        reports = new ReportFixtures();
        deliveries = new DeliveryFixtures();
        referrals = new ReferralFixtures();
        Mocks.register("judgeResultsDelegate", judgements.delegate());
        Mocks.register("workflowSettings", WorkflowFixtures.settings(false));
        Mocks.register("resolveInvalidResultsListener", corrections.resolveInvalidResultsListener());
        Mocks.register("applyCorrectionsDelegate", corrections.applyCorrectionsDelegate());
        Mocks.register("draftWithTemplateDelegate", drafting.draftWithTemplateDelegate());
        Mocks.register("autoRedraftListener", drafting.autoRedraftListener());
        Mocks.register("checkDraftDelegate", drafting.checkDraftDelegate());
        Mocks.register("reviewTaskListener", reviews.reviewTaskListener());
        Mocks.register("reviewDueDateListener", reviews.reviewDueDateListener());
        Mocks.register("escalateReviewDelegate", reviews.escalateReviewDelegate());
        Mocks.register("patientLabelListener", reviews.patientLabelListener());
        CriticalFixtures critical = new CriticalFixtures();
        Mocks.register("criticalContactDueDateListener", critical.criticalContactDueDateListener());
        Mocks.register("confirmCriticalResultListener", critical.confirmCriticalResultListener());
        Mocks.register("issueReportDelegate", reports.issueReportDelegate());
        Mocks.register("deliverReportDelegate", deliveries.deliverReportDelegate());
        Mocks.register("resolveDeliveryListener", deliveries.resolveDeliveryListener());
        Mocks.register("signReferralLetterListener", referrals.signReferralLetterListener());
        Mocks.register("bookAppointmentListener", referrals.bookAppointmentListener());
        consultations = new DocumentFixtures.ResourceKinds(processEngine.getExternalTaskService(), "결과 상담 요약 초안");
        Mocks.register("reviewDocumentListener", consultations.reviewDocumentListener());
        Mocks.register("consultationReviewDueDateListener", reviews.consultationReviewDueDateListener(
                Duration.ofHours(48), Duration.ofDays(30), java.time.Clock.systemUTC()));
        Mocks.register("escalateConsultationReviewDelegate", reviews.escalateConsultationReviewDelegate());
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    // ---------------------------------------------------------------- happy path

    @Test
    void shouldIssueApprovedDraftWhenResultsAreValidAndNotCritical() {
        ProcessInstance pi = start("happy-1", Profile.HEALTHY, 1);
        assertThat(pi).isWaitingAt(Activities.JUDGE_RESULTS);

        execute(job(Activities.JUDGE_RESULTS, pi));

        assertThat(pi).hasPassed(Gateways.JUDGEMENT_RECORDED, Events.NO_NEW_CRITICAL_RESULT)
                .isWaitingAt(Activities.DRAFT_SUMMARY)
                .variables().containsEntry(Vars.INVALID_ITEMS, false).containsEntry(Vars.NEW_CRITICAL_RESULT, false)
                .containsEntry(Vars.TASK_PRIORITY, 50)
                // no invalid item: nothing for "Resolve invalid results" to show
                .doesNotContainKeys(Vars.INVALID_ITEM_KEYS, Vars.INVALID_ITEMS_SUMMARY)
                // the DMN inputs and result stay in our tables, not in engine variables or history
                .doesNotContainKeys("systolicBp", "hemoglobin", "sex", "treatedHypertension", "judgementResult");
        assertThat(pi).hasNotPassed(Activities.RESOLVE_INVALID_RESULTS, Activities.CONFIRM_CRITICAL_RESULT);
        Assertions.assertThat(processEngine.getHistoryService().createHistoricDecisionInstanceQuery().count()).isZero();

        draftAndCheck(pi);
        drafting.verifyDrafted("happy-1", 1, null);
        drafting.verifyChecked("happy-1", 1);
        assertThat(pi).isWaitingAt(Activities.REVIEW_REPORT).variables()
                .containsEntry(Vars.DRAFT_ROUND, 1)
                .containsEntry(Vars.DRAFT_TEXT, DraftingFixtures.draftText(1))
                .containsEntry(Vars.FINAL_TEXT, DraftingFixtures.draftText(1))
                .containsEntry(Vars.DRAFT_CHECK_PASSED, true)
                .as("a passing draft's form hides findings and the redraft limit, its header is computed when it is read:"
                        + " no variables for them")
                .doesNotContainKeys(Vars.DRAFT_FINDINGS, Vars.REDRAFT_LIMIT_MESSAGE, Vars.PATIENT_LABEL, Vars.FORM_LANGUAGE);
        assertThat(task(Activities.REVIEW_REPORT, pi)).hasCandidateGroup("physician")
                .hasName("결과지 검토 – " + ReviewFixtures.PATIENT_LABEL);

        review(pi, "APPROVE", null, null);

        reviews.verifyRecorded("happy-1", "APPROVE", null, DraftingFixtures.draftText(1), PHYSICIAN);
        assertThat(pi).isWaitingAt(Activities.ISSUE_REPORT);
        issueAndDeliver(pi);

        assertThat(pi).isEnded().hasPassedInOrder(Activities.JUDGE_RESULTS, Activities.DRAFT_SUMMARY,
                        Activities.CHECK_DRAFT, Activities.REVIEW_REPORT, Activities.ISSUE_REPORT, Activities.DELIVER_REPORT, Events.REPORT_DELIVERED)
                .hasPassed(Events.NO_NEW_CRITICAL_RESULT);
        reports.verifyIssued("happy-1", DraftingFixtures.draftText(1));
    }

    // ---------------------------------------------------------------- invalid results

    @Test
    void shouldJudgeAgainAndDraftWhenNurseCorrectsInvalidResults() {
        ProcessInstance pi = start("invalid-1", Profile.INVALID_ITEM, 2);

        execute(job(Activities.JUDGE_RESULTS, pi));

        assertThat(pi).isWaitingAt(Activities.RESOLVE_INVALID_RESULTS).hasNotPassed(Activities.DRAFT_SUMMARY)
                .variables().containsEntry(Vars.INVALID_ITEMS, true).containsEntry(Vars.INVALID_ITEM_KEYS, ",hemoglobin,");
        Assertions.assertThat((String) runtimeService().getVariable(pi.getId(), Vars.INVALID_ITEMS_SUMMARY))
                .contains("혈색소");
        assertThat(task(Activities.RESOLVE_INVALID_RESULTS, pi)).hasCandidateGroup("nurse");

        Task resolve = task(Activities.RESOLVE_INVALID_RESULTS, pi);
        claim(resolve, NURSE);
        complete(resolve, withVariables("correction_hemoglobin", 13.5, "notMeasured_hemoglobin", false,
                Vars.CORRECTION_NOTE, "원자료 재확인: 단위 오기"));

        assertThat(pi).isWaitingAt(Activities.APPLY_CORRECTIONS).variables().containsEntry(Vars.CORRECTED_BY, NURSE);
        execute(job(Activities.APPLY_CORRECTIONS, pi));

        assertThat(pi).isWaitingAt(Activities.JUDGE_RESULTS).variables()
                .doesNotContainKeys("hemoglobin", "correction_hemoglobin", "notMeasured_hemoglobin", Vars.CORRECTION_NOTE);
        Assertions.assertThat(screenings.get("invalid-1").item(ItemKey.HEMOGLOBIN).value()).isEqualByComparingTo("13.5");
        Assertions.assertThat(corrections.recorded("invalid-1")).containsExactly(new CorrectionFixtures.Recorded(
                "hemoglobin", "CORRECTED", "원자료 재확인: 단위 오기", NURSE));

        execute(job(Activities.JUDGE_RESULTS, pi));

        assertThat(pi).isWaitingAt(Activities.DRAFT_SUMMARY).variables()
                .containsEntry(Vars.INVALID_ITEMS, false)
                .as("the corrected judgement removes the first round's invalid-item texts")
                .doesNotContainKeys(Vars.INVALID_ITEM_KEYS, Vars.INVALID_ITEMS_SUMMARY);
        Assertions.assertThat(judgements.of("invalid-1")).hasSize(2)
                .extracting(o -> o.hasInvalidItems()).containsExactly(true, false);

        draftAndCheck(pi);
        review(pi, "APPROVE", null, null);
        issueAndDeliver(pi);

        assertThat(pi).isEnded().hasPassedInOrder(Activities.JUDGE_RESULTS, Activities.RESOLVE_INVALID_RESULTS,
                Activities.APPLY_CORRECTIONS, Activities.DRAFT_SUMMARY, Activities.ISSUE_REPORT, Activities.DELIVER_REPORT, Events.REPORT_DELIVERED);
        reports.verifyIssued("invalid-1", DraftingFixtures.draftText(1));
    }

    @Test
    void shouldKeepCorrectionTaskOpenWhenNurseCorrectionIsIncompleteOrImplausible() {
        ProcessInstance pi = start("invalid-2", Profile.INVALID_ITEM, 3);
        execute(job(Activities.JUDGE_RESULTS, pi));
        Task resolve = task(Activities.RESOLVE_INVALID_RESULTS, pi);
        claim(resolve, NURSE);

        // neither a value nor "not measured"
        Assertions.assertThatThrownBy(() -> complete(resolve, withVariables("notMeasured_hemoglobin", false)))
                .hasMessageContaining("혈색소: 수정 값을 입력하거나 '측정하지 않음'을 선택하세요");
        // still outside the plausibility window
        Assertions.assertThatThrownBy(() -> complete(resolve, withVariables("correction_hemoglobin", 135)))
                .hasMessageContaining("혈색소: 135 g/dL").hasMessageContaining("측정 가능 범위를 벗어난 값");
        // both a value and "not measured"
        Assertions.assertThatThrownBy(() -> complete(resolve,
                        withVariables("correction_hemoglobin", 13.5, "notMeasured_hemoglobin", true)))
                .hasMessageContaining("동시에 선택할 수 없습니다");

        assertThat(pi).isWaitingAt(Activities.RESOLVE_INVALID_RESULTS).hasNotPassed(Activities.RESOLVE_INVALID_RESULTS);
        Assertions.assertThat(taskService().createTaskQuery().processInstanceId(pi.getId()).count()).isEqualTo(1);
        Assertions.assertThat(runtimeService().getVariable(pi.getId(), Vars.CORRECTED_BY)).isNull();

        complete(task(Activities.RESOLVE_INVALID_RESULTS, pi), withVariables("notMeasured_hemoglobin", true));
        execute(job(Activities.APPLY_CORRECTIONS, pi));
        execute(job(Activities.JUDGE_RESULTS, pi));

        assertThat(pi).hasPassed(Activities.RESOLVE_INVALID_RESULTS).isWaitingAt(Activities.DRAFT_SUMMARY)
                .variables().containsEntry(Vars.INVALID_ITEMS, false).doesNotContainKey("hemoglobin");
        Assertions.assertThat(screenings.get("invalid-2").item(ItemKey.HEMOGLOBIN).status()).isEqualTo(ItemStatus.MISSING);
    }

    // ---------------------------------------------------------------- critical results

    @Test
    void shouldEscalateCriticalConfirmationToHeadPhysicianWhenTimerFiresWhileReportIsIssued() {
        ProcessInstance pi = start("critical-1", Profile.CRITICAL, 4);

        execute(job(Activities.JUDGE_RESULTS, pi));

        assertThat(pi).isWaitingAt(Activities.CONFIRM_CRITICAL_RESULT, Activities.DRAFT_SUMMARY)
                .variables().containsEntry(Vars.NEW_CRITICAL_RESULT, true).containsEntry(Vars.TASK_PRIORITY, 100);
        Assertions.assertThat(runtimeService().getVariables(pi.getId())).as("no invalid item, so no invalid-item texts")
                .doesNotContainKeys(Vars.INVALID_ITEM_KEYS, Vars.INVALID_ITEMS_SUMMARY);
        Task confirm = task(Activities.CONFIRM_CRITICAL_RESULT, pi);
        assertThat(confirm).hasCandidateGroup("physician");
        assertThat(confirm).hasCandidateGroup("nurse");
        // the form's header is computed when the form is read (engine.ComputedFormVariables)
        Assertions.assertThat(taskService().getVariables(confirm.getId()))
                .doesNotContainKeys(Vars.PATIENT_LABEL, Vars.FORM_LANGUAGE);
        Assertions.assertThat(confirm.getPriority()).as("a contact before the reviews of the same urgency").isEqualTo(110);
        Assertions.assertThat(confirm.getName()).isEqualTo("위험 결과 통보 – " + ReviewFixtures.PATIENT_LABEL);
        Assertions.assertThat(confirm.getDueDate()).isCloseTo(job(Events.CRITICAL_CONFIRMATION_OVERDUE, pi).getDuedate(),
                Duration.ofMinutes(1).toMillis());
        Assertions.assertThat((String) taskService().getVariableLocal(confirm.getId(), Vars.CRITICAL_FACTS))
                .contains("180 mmHg 이상").contains("010-0000-0000").contains("통보 기한");
        Job timer = job(Events.CRITICAL_CONFIRMATION_OVERDUE, pi);
        Assertions.assertThat(timer.getDuedate().getTime() - System.currentTimeMillis())
                .isBetween(Duration.ofMinutes(59).toMillis(), Duration.ofHours(1).toMillis());

        // the report path does not wait for the confirmation
        draftAndCheck(pi);
        assertThat(pi).isWaitingAt(Activities.CONFIRM_CRITICAL_RESULT, Activities.REVIEW_REPORT);

        execute(timer);

        assertThat(pi).isWaitingAt(Activities.CONFIRM_CRITICAL_RESULT_ESCALATED, Activities.REVIEW_REPORT)
                .hasPassed(Events.CRITICAL_CONFIRMATION_OVERDUE).hasNotPassed(Events.CRITICAL_RESULT_CONFIRMED);
        Task escalated = task(Activities.CONFIRM_CRITICAL_RESULT_ESCALATED, pi);
        assertThat(escalated).hasCandidateGroup("headPhysician");
        Assertions.assertThat(processEngine.getFormService().getTaskFormData(escalated.getId()).getCamundaFormRef()
                .getKey()).isEqualTo("confirm-critical-result");
        Assertions.assertThat(processEngine.getFormService().getDeployedTaskForm(escalated.getId())).isNotNull();

        // the patient is not reached yet: the form says so and approving needs "sign anyway" with a reason
        Task review = task(Activities.REVIEW_REPORT, pi);
        Assertions.assertThat((String) taskService().getVariable(review.getId(), Vars.CRITICAL_CONTACT_OPEN_MESSAGE))
                .startsWith("⚠ 환자와 아직 연락되지 않았습니다");
        claim(review, PHYSICIAN);
        Assertions.assertThatThrownBy(() -> complete(review, withVariables(Vars.REVIEW_DECISION, "APPROVE")))
                .hasMessageContaining("환자와 아직 연락되지 않았습니다");
        Assertions.assertThatThrownBy(() -> complete(review, withVariables(Vars.REVIEW_DECISION, "APPROVE",
                        Vars.SIGN_ANYWAY, true, Vars.SIGN_ANYWAY_REASON, " ")))
                .hasMessageContaining("사유를 적어 주세요");
        assertThat(pi).isWaitingAt(Activities.CONFIRM_CRITICAL_RESULT_ESCALATED, Activities.REVIEW_REPORT);
        complete(review, withVariables(Vars.REVIEW_DECISION, "APPROVE", Vars.SIGN_ANYWAY, true,
                Vars.SIGN_ANYWAY_REASON, "세 번 통화 실패, 결과지로 내원 권고"));
        reviews.verifySignedAnyway("critical-1", "APPROVE", DraftingFixtures.draftText(1), PHYSICIAN,
                "세 번 통화 실패, 결과지로 내원 권고");
        issueAndDeliver(pi);

        assertThat(pi).isNotEnded().hasPassed(Events.REPORT_DELIVERED).isWaitingAt(Activities.CONFIRM_CRITICAL_RESULT_ESCALATED);
        reports.verifyIssued("critical-1", DraftingFixtures.draftText(1));

        complete(task(Activities.CONFIRM_CRITICAL_RESULT_ESCALATED, pi),
                withVariables(Vars.PATIENT_CONTACTED, true, Vars.CONTACT_METHOD, "PHONE", Vars.CONTACT_NOTE, "내원 권고"));

        assertThat(pi).isEnded().hasPassed(Events.ESCALATED_CRITICAL_RESULT_CONFIRMED, Events.PATIENT_INFORMED,
                Events.REPORT_DELIVERED);
    }

    @Test
    void shouldOpenANewAttemptThatKeepsTheDeadlineWhenThePatientIsNotReached() {
        ProcessInstance pi = start("critical-3", Profile.CRITICAL, 6);
        execute(job(Activities.JUDGE_RESULTS, pi));
        Task first = task(Activities.CONFIRM_CRITICAL_RESULT, pi);
        java.util.Date deadline = job(Events.CRITICAL_CONFIRMATION_OVERDUE, pi).getDuedate();
        Assertions.assertThat(first.getDueDate()).isEqualTo(deadline);

        complete(first, withVariables(Vars.PATIENT_REACHED, "NOT_REACHED", Vars.CONTACT_NOTE, "부재중"));

        assertThat(pi).hasPassed(Gateways.PATIENT_REACHED).hasNotPassed(Events.CRITICAL_RESULT_CONFIRMED)
                .isWaitingAt(Activities.CONFIRM_CRITICAL_RESULT, Activities.DRAFT_SUMMARY);
        Task second = task(Activities.CONFIRM_CRITICAL_RESULT, pi);
        Assertions.assertThat(second.getId()).isNotEqualTo(first.getId());
        Assertions.assertThat(second.getDueDate()).as("the deadline does not reset").isEqualTo(deadline);
        Assertions.assertThat(job(Events.CRITICAL_CONFIRMATION_OVERDUE, pi).getDuedate()).isEqualTo(deadline);
        Assertions.assertThat(taskService().getVariables(second.getId()))
                .as("the next attempt opens with an empty form")
                .containsEntry(Vars.PATIENT_REACHED, null).containsEntry(Vars.CONTACT_NOTE, null);
        Assertions.assertThat(runtimeService().getVariable(pi.getId(), Vars.PATIENT_REACHED))
                .as("the form's answers stay in the contact subprocess").isNull();

        execute(job(Events.CRITICAL_CONFIRMATION_OVERDUE, pi));
        Task escalated = task(Activities.CONFIRM_CRITICAL_RESULT_ESCALATED, pi);
        Assertions.assertThat(escalated.getDueDate()).isEqualTo(deadline);
        complete(escalated, withVariables(Vars.PATIENT_REACHED, "NOT_REACHED"));
        Task escalatedAgain = task(Activities.CONFIRM_CRITICAL_RESULT_ESCALATED, pi);
        Assertions.assertThat(escalatedAgain.getId()).isNotEqualTo(escalated.getId());
        assertThat(escalatedAgain).hasCandidateGroup("headPhysician");
        complete(escalatedAgain, withVariables(Vars.PATIENT_REACHED, "REACHED", Vars.CONTACT_METHOD, "PHONE"));

        assertThat(pi).hasPassed(Gateways.ESCALATED_PATIENT_REACHED, Events.ESCALATED_CRITICAL_RESULT_CONFIRMED,
                Events.PATIENT_INFORMED).isWaitingAt(Activities.DRAFT_SUMMARY);
    }

    @Test
    void shouldEndCriticalBranchWhenPhysicianConfirmsBeforeTheTimer() {
        ProcessInstance pi = start("critical-2", Profile.CRITICAL, 5);
        execute(job(Activities.JUDGE_RESULTS, pi));

        complete(task(Activities.CONFIRM_CRITICAL_RESULT, pi),
                withVariables(Vars.PATIENT_CONTACTED, true, Vars.CONTACT_METHOD, "PHONE"));

        assertThat(pi).hasPassed(Events.CRITICAL_RESULT_CONFIRMED, Events.PATIENT_INFORMED)
                .hasNotPassed(Activities.CONFIRM_CRITICAL_RESULT_ESCALATED)
                .isWaitingAt(Activities.DRAFT_SUMMARY);
        Assertions.assertThat(processEngine.getManagementService().createJobQuery().processInstanceId(pi.getId())
                .timers().count()).isZero();
    }

    // ---------------------------------------------------------------- review decisions

    @Test
    void shouldRedraftWithReviewerNoteWhenPhysicianRequestsChanges() {
        ProcessInstance pi = start("redraft-1", Profile.BORDERLINE, 6);
        execute(job(Activities.JUDGE_RESULTS, pi));
        draftAndCheck(pi);

        Task first = task(Activities.REVIEW_REPORT, pi);
        claim(first, PHYSICIAN);
        Assertions.assertThatThrownBy(() -> complete(first, withVariables(Vars.REVIEW_DECISION, "REQUEST_CHANGES")))
                .hasMessageContaining("수정 요청에는 무엇을 고칠지 적어 주세요");
        Assertions.assertThatThrownBy(() -> complete(first, withVariables(Vars.REVIEW_DECISION, "MAYBE")))
                .hasMessageContaining("검토 결정을 고르세요");
        assertThat(pi).isWaitingAt(Activities.REVIEW_REPORT).hasNotPassed(Activities.REVIEW_REPORT);

        complete(first, withVariables(Vars.REVIEW_DECISION, "REQUEST_CHANGES", Vars.REVIEW_NOTE, "혈압 설명을 더 쉽게"));

        assertThat(pi).hasPassed(Gateways.REDRAFT_ALLOWED).isWaitingAt(Activities.DRAFT_SUMMARY);
        draftAndCheck(pi);
        drafting.verifyDrafted("redraft-1", 2, "혈압 설명을 더 쉽게");
        drafting.verifyChecked("redraft-1", 2);
        assertThat(pi).isWaitingAt(Activities.REVIEW_REPORT).variables()
                .containsEntry(Vars.DRAFT_ROUND, 2).containsEntry(Vars.DRAFT_TEXT, DraftingFixtures.draftText(2))
                // a template redraft leaves the text as the physician left it, for them to edit
                .containsEntry(Vars.FINAL_TEXT, DraftingFixtures.draftText(1))
                .doesNotContainKeys(Vars.REVIEW_DECISION, Vars.REVIEW_NOTE);

        review(pi, "APPROVE", null, null);
        issueAndDeliver(pi);

        assertThat(pi).isEnded().hasPassed(Events.REPORT_DELIVERED);
        reviews.verifyRecorded("redraft-1", "REQUEST_CHANGES", "혈압 설명을 더 쉽게", DraftingFixtures.draftText(1), PHYSICIAN);
        reports.verifyIssued("redraft-1", DraftingFixtures.draftText(1));
    }

    @Test
    void shouldKeepTheFirstReviewsDueDateWhenReviewReopensAfterRequestChanges() {
        ProcessInstance pi = start("due-1", Profile.BORDERLINE, 8);
        execute(job(Activities.JUDGE_RESULTS, pi));
        draftAndCheck(pi);
        Task first = task(Activities.REVIEW_REPORT, pi);
        java.util.Date due = first.getDueDate();
        Assertions.assertThat(due).isNotNull();
        Assertions.assertThat(job(Events.REVIEW_OVERDUE, pi).getDuedate()).isEqualTo(due);

        review(pi, "REQUEST_CHANGES", "혈압 설명을 더 쉽게", null);
        draftAndCheck(pi);

        Task reopened = task(Activities.REVIEW_REPORT, pi);
        Assertions.assertThat(reopened.getId()).isNotEqualTo(first.getId());
        Assertions.assertThat(reopened.getDueDate()).isEqualTo(due);
        Assertions.assertThat(job(Events.REVIEW_OVERDUE, pi).getDuedate()).isEqualTo(due);
    }

    @Test
    void shouldReturnToReviewWithoutNewDraftWhenRedraftLimitIsReached() {
        ProcessInstance pi = start("limit-1", Profile.BORDERLINE, 7);
        execute(job(Activities.JUDGE_RESULTS, pi));
        draftAndCheck(pi);

        for (int round = 1; round <= MAX_REDRAFT_ROUNDS; round++) {
            assertThat(pi).variables().doesNotContainKey(Vars.REDRAFT_LIMIT_MESSAGE);
            review(pi, "REQUEST_CHANGES", "다시 " + round, null);
            assertThat(pi).isWaitingAt(Activities.DRAFT_SUMMARY);
            draftAndCheck(pi);
        }
        assertThat(pi).isWaitingAt(Activities.REVIEW_REPORT).variables()
                .containsEntry(Vars.DRAFT_ROUND, MAX_REDRAFT_ROUNDS + 1);
        Assertions.assertThat((String) runtimeService().getVariable(pi.getId(), Vars.REDRAFT_LIMIT_MESSAGE))
                .contains("재작성 한도(" + MAX_REDRAFT_ROUNDS + "회)");

        review(pi, "REQUEST_CHANGES", "한 번 더", null);

        assertThat(pi).isWaitingAt(Activities.REVIEW_REPORT).variables()
                .containsEntry(Vars.DRAFT_ROUND, MAX_REDRAFT_ROUNDS + 1);
        // No redraft job; only the review's overdue timer waits.
        Assertions.assertThat(processEngine.getManagementService().createJobQuery().processInstanceId(pi.getId())
                .messages().count()).isZero();
        Assertions.assertThat(processEngine.getHistoryService().createHistoricActivityInstanceQuery()
                .processInstanceId(pi.getId()).activityId(Activities.DRAFT_SUMMARY).count())
                .isEqualTo(MAX_REDRAFT_ROUNDS + 1);
        Assertions.assertThat(processEngine.getHistoryService().createHistoricActivityInstanceQuery()
                .processInstanceId(pi.getId()).activityId(Activities.REVIEW_REPORT).count())
                .isEqualTo(MAX_REDRAFT_ROUNDS + 2);

        review(pi, "WRITE_MANUALLY", null, "의사가 직접 작성한 소견");
        issueAndDeliver(pi);

        assertThat(pi).isEnded().hasPassed(Events.REPORT_DELIVERED);
        reports.verifyIssued("limit-1", "의사가 직접 작성한 소견");
    }

    @Test
    void shouldIssuePhysicianTextWhenReportIsWrittenManually() {
        ProcessInstance pi = start("manual-1", Profile.KNOWN_DISEASE, 8);
        execute(job(Activities.JUDGE_RESULTS, pi));
        draftAndCheck(pi);

        Task review = task(Activities.REVIEW_REPORT, pi);
        claim(review, PHYSICIAN);
        Assertions.assertThatThrownBy(() -> complete(review,
                        withVariables(Vars.REVIEW_DECISION, "WRITE_MANUALLY", Vars.FINAL_TEXT, " ")))
                .hasMessageContaining("결과지 본문이 비어 있습니다");

        complete(review, withVariables(Vars.REVIEW_DECISION, "WRITE_MANUALLY", Vars.FINAL_TEXT, "고혈압 치료를 계속하세요."));
        assertThat(pi).hasPassed(Gateways.REPORT_TEXT_FINAL).isWaitingAt(Activities.ISSUE_REPORT);
        issueAndDeliver(pi);

        assertThat(pi).isEnded().hasPassed(Events.REPORT_DELIVERED).hasNotPassed(Gateways.REDRAFT_ALLOWED);
        reviews.verifyRecorded("manual-1", "WRITE_MANUALLY", null, "고혈압 치료를 계속하세요.", PHYSICIAN);
        reports.verifyIssued("manual-1", "고혈압 치료를 계속하세요.");
    }

    // ---------------------------------------------------------------- delivery

    @Test
    void shouldRetryDeliveryAsAJobWhenTheChannelFailsBelowTheLimit() {
        ProcessInstance pi = issued("deliver-1", 21);
        deliveries.failDelivery("deliver-1", 3);

        Job deliver = job(Activities.DELIVER_REPORT, pi);
        Assertions.assertThatThrownBy(() -> execute(deliver)).hasMessageContaining("mail_send_failed");
        assertThat(pi).isWaitingAt(Activities.DELIVER_REPORT);
        Assertions.assertThat(taskService().createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
    }

    @Test
    void shouldOpenResolveDeliveryForCoordinatorWhenDeliveryKeepsFailingAndRetryAfterwards() {
        ProcessInstance pi = issued("deliver-2", 22);
        deliveries.failDelivery("deliver-2", 1);

        execute(job(Activities.DELIVER_REPORT, pi));

        assertThat(pi).hasPassed(Events.DELIVERY_FAILED).isWaitingAt(Activities.RESOLVE_DELIVERY)
                .variables().containsEntry(Vars.DELIVERY_PROBLEM, "mail_send_failed (1 attempts)");
        assertThat(task(Activities.RESOLVE_DELIVERY, pi)).hasCandidateGroup("coordinator");
        Task resolve = task(Activities.RESOLVE_DELIVERY, pi);
        claim(resolve, "coordinator.park");
        complete(resolve, withVariables(Vars.DELIVERY_RESOLUTION, "RETRY_BY_POST", Vars.DELIVERY_NOTE, "주소 확인"));

        deliveries.verifyResolved("deliver-2", "RETRY_BY_POST", "coordinator.park");
        assertThat(pi).hasPassed(Gateways.DELIVERY_RESOLUTION).isWaitingAt(Activities.DELIVER_REPORT);
        execute(job(Activities.DELIVER_REPORT, pi));
        assertThat(pi).isEnded().hasPassed(Events.REPORT_DELIVERED).hasNotPassed(Activities.REFER_TO_SPECIALIST);
        deliveries.verifyDeliveryRuns("deliver-2", 2);
    }

    @Test
    void shouldEndAsDeliveredByHandWhenCoordinatorHandedTheReportOver() {
        ProcessInstance pi = issued("deliver-3", 23);
        deliveries.failDelivery("deliver-3", 1);
        execute(job(Activities.DELIVER_REPORT, pi));

        Task resolve = task(Activities.RESOLVE_DELIVERY, pi);
        claim(resolve, "coordinator.park");
        Assertions.assertThatThrownBy(() -> complete(resolve, withVariables(Vars.DELIVERY_RESOLUTION, "LOST")))
                .hasMessageContaining("처리 방법을 고르세요");
        complete(resolve, withVariables(Vars.DELIVERY_RESOLUTION, "DELIVERED_MANUALLY"));

        assertThat(pi).isEnded().hasPassed(Gateways.REPORT_HANDED_OVER, Events.REPORT_DELIVERED)
                .hasNotPassed(Activities.REFER_TO_SPECIALIST);
        deliveries.verifyResolved("deliver-3", "DELIVERED_MANUALLY", "coordinator.park");
    }

    // ---------------------------------------------------------------- referral

    @Test
    void shouldReferToSpecialistWhenIssuedReportHasSuspectFindingsOfReferralUnits() {
        ProcessInstance pi = start("referral-1", Profile.HEALTHY, 31);
        reports.referUnits("referral-1", java.util.List.of("creatinine", "egfr"));
        execute(job(Activities.JUDGE_RESULTS, pi));
        draftAndCheck(pi);
        review(pi, "APPROVE", null, null);
        issueAndDeliver(pi);

        assertThat(pi).hasPassed(Gateways.REFERRAL_NEEDED).isWaitingAt(Activities.REFER_TO_SPECIALIST)
                .variables().containsEntry(Vars.REFERRAL_NEEDED, true).containsEntry(Vars.REFERRAL_UNITS, "creatinine,egfr");
        ProcessInstance letter = runtimeService().createProcessInstanceQuery().processDefinitionKey(ReferralLetterProcess.PROCESS_ID)
                .superProcessInstanceId(pi.getId()).singleResult();
        Assertions.assertThat(letter.getBusinessKey()).isEqualTo("referral-1");
        assertThat(letter).isWaitingAt(ReferralLetterProcess.Activities.DRAFT_REFERRAL_LETTER);
        referrals.workDraftReferralLetterTasks(processEngine.getExternalTaskService());
        referrals.verifyDrafted("referral-1", java.util.List.of("creatinine", "egfr"));

        assertThat(letter).isWaitingAt(ReferralLetterProcess.Activities.SIGN_REFERRAL_LETTER).variables()
                .containsEntry(ReferralLetterProcess.Vars.REFERRAL_TEXT, ReferralFixtures.DRAFT)
                .as("the caller passes no header in: the form computes it").doesNotContainKey(Vars.PATIENT_LABEL);
        Task sign = task(ReferralLetterProcess.Activities.SIGN_REFERRAL_LETTER, letter);
        assertThat(sign).hasCandidateGroup("physician");
        claim(sign, PHYSICIAN);
        Assertions.assertThatThrownBy(() -> complete(sign, withVariables(ReferralLetterProcess.Vars.REFERRAL_TEXT, " ")))
                .hasMessageContaining("의뢰서 내용이 비어 있습니다");
        complete(sign, withVariables(ReferralLetterProcess.Vars.REFERRAL_TEXT, "수정한 의뢰서"));
        referrals.verifySigned("referral-1", "수정한 의뢰서", PHYSICIAN);

        Task book = task(ReferralLetterProcess.Activities.BOOK_APPOINTMENT, letter);
        assertThat(book).hasCandidateGroup("coordinator");
        claim(book, "coordinator.park");
        complete(book, withVariables(ReferralLetterProcess.Vars.APPOINTMENT_AT, "2026-12-01T10:30", ReferralLetterProcess.Vars.APPOINTMENT_PLACE, "서울대병원 신장내과"));
        referrals.verifyBooked("referral-1", "2026-12-01T10:30", "서울대병원 신장내과", "coordinator.park");

        assertThat(letter).isEnded().hasPassed(ReferralLetterProcess.Events.APPOINTMENT_BOOKED);
        assertThat(pi).isEnded().hasPassed(Activities.REFER_TO_SPECIALIST, Events.SPECIALIST_REFERRED)
                .hasNotPassed(Events.REPORT_DELIVERED);
    }

    @Test
    void shouldEndWithoutReferralWhenNoReferralUnitIsSuspect() {
        ProcessInstance pi = issued("referral-2", 32);
        execute(job(Activities.DELIVER_REPORT, pi));

        assertThat(pi).isEnded().hasPassed(Gateways.REFERRAL_NEEDED, Events.REPORT_DELIVERED)
                .hasNotPassed(Activities.REFER_TO_SPECIALIST).variables().containsEntry(Vars.REFERRAL_NEEDED, false);
    }

    // ---------------------------------------------------------------- helpers

    /** Starts the process with the variables {@code IntakeService.store} sets (default workflow properties). */
    private ProcessInstance start(String screeningId, Profile profile, long seed) {
        NormalizedScreening normalized = JudgementFixtures.normalize(
                new SyntheticScreenings(FHIR).bundle(screeningId, profile, seed));
        screenings.put(screeningId, normalized);
        corrections.store(screeningId, "gangnam", normalized);
        Map<String, Object> variables = new HashMap<>();
        variables.put("screeningId", screeningId);
        // as intake starts it: the center only as the tenant, configuration read where it applies (workflowSettings)
        variables.put("center", Variables.stringValue("gangnam", true));
        variables.put("language", "ko");
        variables.put(Vars.DRAFT_ROUND, 0);
        variables.put(Vars.AUTO_REDRAFT_USED, false);
        return runtimeService().startProcessInstanceByKey(PROCESS, screeningId, variables);
    }

    /** Runs "Issue report" and then "Deliver report", each an async step of its own. */
    private void issueAndDeliver(ProcessInstance pi) {
        execute(job(Activities.ISSUE_REPORT, pi));
        assertThat(pi).isWaitingAt(Activities.DELIVER_REPORT);
        execute(job(Activities.DELIVER_REPORT, pi));
    }

    /** Approves the first draft of a healthy screening up to the issued report, waiting at "Deliver report". */
    private ProcessInstance issued(String screeningId, long seed) {
        ProcessInstance pi = start(screeningId, Profile.HEALTHY, seed);
        execute(job(Activities.JUDGE_RESULTS, pi));
        draftAndCheck(pi);
        review(pi, "APPROVE", null, null);
        execute(job(Activities.ISSUE_REPORT, pi));
        assertThat(pi).isWaitingAt(Activities.DELIVER_REPORT);
        return pi;
    }

    @Test
    void shouldEndOnceTheConsultationReviewExpiresWhenTheReportIsDeliveredAndNobodyReviewsTheSummary() {
        ProcessInstance pi = start("consultation-1", Profile.HEALTHY, 11);
        Mocks.register("workflowSettings", WorkflowFixtures.settings(true));
        execute(job(Activities.JUDGE_RESULTS, pi));
        execute(job(Activities.DRAFT_CONSULTATION_SUMMARY, pi));
        consultations.work(processEngine.getExternalTaskService());
        assertThat(pi).isWaitingAt(Activities.REVIEW_CONSULTATION_SUMMARY, Activities.DRAFT_SUMMARY);

        draftAndCheck(pi);
        review(pi, "APPROVE", null, null);
        issueAndDeliver(pi);
        assertThat(pi).hasPassed(Events.REPORT_DELIVERED).isWaitingAt(Activities.REVIEW_CONSULTATION_SUMMARY);
        execute(job(Events.CONSULTATION_REVIEW_OVERDUE, pi));
        assertThat(task(Activities.REVIEW_CONSULTATION_SUMMARY, pi)).hasCandidateGroup("headPhysician");
        execute(job(Events.CONSULTATION_REVIEW_EXPIRED, pi));

        assertThat(pi).isEnded().hasPassed(Activities.ESCALATE_CONSULTATION_REVIEW,
                Events.CONSULTATION_REVIEW_ESCALATED, Events.CONSULTATION_SUMMARY_NOT_REVIEWED);
        consultations.verifyNotReviewed();
    }

    @Test
    void shouldKeepTheReviewOpenUntilThePhysicianSignsAnywayWithAReasonWhenTheTextToSignHasCheckFindings() {
        ProcessInstance pi = start("signed-check-1", Profile.SUSPECT, 9);
        execute(job(Activities.JUDGE_RESULTS, pi));
        draftAndCheck(pi);
        reviews.signedTextFindings(new com.checkupflow.drafting.DraftCheck.Finding("PLACEHOLDER", "the text has 2 letters"));

        Task review = task(Activities.REVIEW_REPORT, pi);
        claim(review, PHYSICIAN);
        Assertions.assertThatThrownBy(() -> complete(review, withVariables(Vars.REVIEW_DECISION, "WRITE_MANUALLY", Vars.FINAL_TEXT, "확인")))
                .hasMessageContaining("점검을 통과하지 못했습니다").hasMessageContaining("본문이 비어 있거나 임시 문구가 남아 있습니다").hasMessageNotContaining("PLACEHOLDER");
        Assertions.assertThatThrownBy(() -> complete(review, withVariables(Vars.REVIEW_DECISION, "WRITE_MANUALLY", Vars.FINAL_TEXT, "확인",
                        Vars.SIGN_ANYWAY, true, Vars.SIGN_ANYWAY_REASON, " ")))
                .hasMessageContaining("그대로 서명하려면 사유를 적어 주세요");
        assertThat(pi).isWaitingAt(Activities.REVIEW_REPORT);

        complete(review, withVariables(Vars.REVIEW_DECISION, "WRITE_MANUALLY", Vars.FINAL_TEXT, "확인",
                Vars.SIGN_ANYWAY, true, Vars.SIGN_ANYWAY_REASON, "전화로 설명함"));

        assertThat(pi).hasPassed(Gateways.REPORT_TEXT_FINAL).isWaitingAt(Activities.ISSUE_REPORT);
        reviews.verifySignedAnyway("signed-check-1", "WRITE_MANUALLY", "확인", PHYSICIAN, "전화로 설명함");
    }

    @Test
    void shouldRefuseTheReviewWhenTheUserCompletingItDoesNotHoldItOrIsNoPhysician() {
        ProcessInstance pi = start("reviewer-1", Profile.HEALTHY, 43);
        execute(job(Activities.JUDGE_RESULTS, pi));
        draftAndCheck(pi);
        Task review = task(Activities.REVIEW_REPORT, pi);
        claim(review, "physicianOne");
        org.camunda.bpm.engine.IdentityService identity = users("physicianOne", "physician", "nurseOne", "nurse");
        try {
            // the hand-over grant lets a physician assign the task or add candidates: a report is still signed only by
            // the physician holding it
            identity.setAuthenticatedUserId("nurseOne");
            Assertions.assertThatThrownBy(() -> complete(review, withVariables(Vars.REVIEW_DECISION, "APPROVE")))
                    .hasMessageContaining("다른 사용자가 맡고 있습니다");
            // a user cannot hand it to a nurse (shouldRefuseToHandAReviewToANurse...); held by one all the same, the
            // nurse still cannot sign it
            identity.clearAuthentication();
            taskService().setAssignee(review.getId(), "nurseOne");
            identity.setAuthenticatedUserId("nurseOne");
            Assertions.assertThatThrownBy(() -> complete(review, withVariables(Vars.REVIEW_DECISION, "APPROVE")))
                    .hasMessageContaining("검진의 또는 책임의사만");
            assertThat(pi).isWaitingAt(Activities.REVIEW_REPORT);

            identity.clearAuthentication();
            taskService().setAssignee(review.getId(), "physicianOne");
            identity.setAuthenticatedUserId("physicianOne");
            complete(review, withVariables(Vars.REVIEW_DECISION, "APPROVE"));
            assertThat(pi).isWaitingAt(Activities.ISSUE_REPORT);
        } finally {
            identity.clearAuthentication();
            identity.deleteUser("nurseOne");
            identity.deleteUser("physicianOne");
        }
    }

    /** Users in groups (user id, group id, ...), the groups made when missing; the test deletes the users. */
    private org.camunda.bpm.engine.IdentityService users(String... userAndGroup) {
        org.camunda.bpm.engine.IdentityService identity = processEngine.getIdentityService();
        for (int i = 0; i < userAndGroup.length; i += 2) {
            if (identity.createGroupQuery().groupId(userAndGroup[i + 1]).count() == 0) {
                identity.saveGroup(identity.newGroup(userAndGroup[i + 1]));
            }
            identity.saveUser(identity.newUser(userAndGroup[i]));
            identity.createMembership(userAndGroup[i], userAndGroup[i + 1]);
        }
        return identity;
    }

    @Test
    void shouldRefuseToHandAReviewToANurseOrAnotherCentersPhysicianWhenAPhysicianAssignsIt() {
        ProcessInstance pi = start("hand-over-1", Profile.HEALTHY, 44);
        execute(job(Activities.JUDGE_RESULTS, pi));
        draftAndCheck(pi);
        Task review = task(Activities.REVIEW_REPORT, pi);
        org.camunda.bpm.engine.IdentityService identity = users("physicianTwo", "physician", "physicianThree", "physician",
                "nurseTwo", "nurse");
        try {
            identity.setAuthenticatedUserId("physicianTwo");
            taskService().claim(review.getId(), "physicianTwo");
            Assertions.assertThatThrownBy(() -> taskService().setAssignee(review.getId(), "nurseTwo"))
                    .hasMessageContaining("검진의 또는 책임의사에게만");
            Assertions.assertThat(taskService().createTaskQuery().taskId(review.getId()).singleResult().getAssignee())
                    .isEqualTo("physicianTwo");

            taskService().setAssignee(review.getId(), "physicianThree");
            Assertions.assertThat(taskService().createTaskQuery().taskId(review.getId()).singleResult().getAssignee())
                    .as("a colleague may take it over").isEqualTo("physicianThree");
            taskService().setAssignee(review.getId(), null);
        } finally {
            identity.clearAuthentication();
            identity.deleteUser("physicianTwo");
            identity.deleteUser("physicianThree");
            identity.deleteUser("nurseTwo");
        }
    }

    @Test
    void shouldAddTheHeadPhysiciansAndKeepTheReviewOpenWhenTheReviewIsOverdue() {
        ProcessInstance pi = start("overdue-1", Profile.HEALTHY, 42);
        execute(job(Activities.JUDGE_RESULTS, pi));
        draftAndCheck(pi);
        assertThat(pi).isWaitingAt(Activities.REVIEW_REPORT);

        execute(job(Events.REVIEW_OVERDUE, pi));

        assertThat(pi).hasPassed(Activities.ESCALATE_REVIEW, Events.REVIEW_ESCALATED).isWaitingAt(Activities.REVIEW_REPORT);
        assertThat(task(Activities.REVIEW_REPORT, pi)).hasCandidateGroup("physician").hasCandidateGroup("headPhysician");
    }

    private void draftAndCheck(ProcessInstance pi) {
        drafting.workDraftTasks(processEngine.getExternalTaskService());
        execute(job(Activities.CHECK_DRAFT, pi));
    }

    /** The physician claims "Review report" and submits the form; a null finalText keeps the prefilled one. */
    private void review(ProcessInstance pi, String decision, String note, String finalText) {
        assertThat(pi).isWaitingAt(Activities.REVIEW_REPORT);
        Task review = task(Activities.REVIEW_REPORT, pi);
        claim(review, PHYSICIAN);
        Map<String, Object> form = new HashMap<>();
        form.put(Vars.REVIEW_DECISION, decision);
        if (note != null) {
            form.put(Vars.REVIEW_NOTE, note);
        }
        if (finalText != null) {
            form.put(Vars.FINAL_TEXT, finalText);
        }
        complete(review, form);
    }
}
