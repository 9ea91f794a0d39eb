package com.checkupflow.process;

/**
 * The names {@code processes/screening-report.bpmn} and its forms share with the code: element ids, external task
 * topics, BPMN error codes and process variables. {@code ProcessContractTest} checks them against the model both
 * ways, so a renamed element or variable fails the build instead of a running process.
 */
public final class ScreeningReportProcess {

    public static final String PROCESS_ID = "screening-report";

    private ScreeningReportProcess() {
    }

    /** Ids of the tasks and the call activity. */
    public static final class Activities {
        public static final String JUDGE_RESULTS = "Activity_JudgeResults";
        /** Embedded subprocess (versionTag 4): the contact attempts of one new critical result. */
        public static final String CRITICAL_CONTACT = "Activity_CriticalContact";
        public static final String CONFIRM_CRITICAL_RESULT = "Activity_ConfirmCriticalResult";
        public static final String CONFIRM_CRITICAL_RESULT_ESCALATED = "Activity_ConfirmCriticalResultEscalated";
        public static final String RESOLVE_INVALID_RESULTS = "Activity_ResolveInvalidResults";
        public static final String APPLY_CORRECTIONS = "Activity_ApplyCorrections";
        public static final String DRAFT_SUMMARY = "Activity_DraftSummary";
        public static final String DRAFT_WITH_TEMPLATE = "Activity_DraftWithTemplate";
        public static final String CHECK_DRAFT = "Activity_CheckDraft";
        public static final String REVIEW_REPORT = "Activity_ReviewReport";
        public static final String ESCALATE_REVIEW = "Activity_EscalateReview";
        public static final String ISSUE_REPORT = "Activity_IssueReport";
        public static final String DELIVER_REPORT = "Activity_DeliverReport";
        public static final String RESOLVE_DELIVERY = "Activity_ResolveDelivery";
        public static final String REFER_TO_SPECIALIST = "Activity_ReferToSpecialist";
        /** AI document step (element template com.checkupflow.ai-document-step). */
        public static final String DRAFT_CONSULTATION_SUMMARY = "Activity_DraftConsultationSummary";
        /** Document review (element template com.checkupflow.document-review). */
        public static final String REVIEW_CONSULTATION_SUMMARY = "Activity_ReviewConsultationSummary";
        public static final String ESCALATE_CONSULTATION_REVIEW = "Activity_EscalateConsultationReview";

        private Activities() {
        }
    }

    /** Ids of the start, boundary and end events. */
    public static final class Events {
        public static final String SCREENING_RECEIVED = "Event_ScreeningReceived";
        public static final String CRITICAL_CONTACT_STARTED = "Event_CriticalContactStarted";
        public static final String CRITICAL_CONFIRMATION_OVERDUE = "Event_CriticalConfirmationOverdue";
        public static final String CRITICAL_RESULT_CONFIRMED = "Event_CriticalResultConfirmed";
        public static final String ESCALATED_CRITICAL_RESULT_CONFIRMED = "Event_EscalatedCriticalResultConfirmed";
        public static final String PATIENT_INFORMED = "Event_PatientInformed";
        public static final String NO_NEW_CRITICAL_RESULT = "Event_NoNewCriticalResult";
        public static final String MODEL_UNAVAILABLE = "Event_ModelUnavailable";
        public static final String REVIEW_OVERDUE = "Event_ReviewOverdue";
        public static final String REVIEW_ESCALATED = "Event_ReviewEscalated";
        public static final String DELIVERY_FAILED = "Event_DeliveryFailed";
        public static final String SPECIALIST_REFERRED = "Event_SpecialistReferred";
        public static final String REPORT_DELIVERED = "Event_ReportDelivered";
        public static final String CONSULTATION_SUMMARY_REVIEWED = "Event_ConsultationSummaryReviewed";
        public static final String NO_CONSULTATION_SUMMARY = "Event_NoConsultationSummary";
        public static final String CONSULTATION_REVIEW_OVERDUE = "Event_ConsultationReviewOverdue";
        public static final String CONSULTATION_REVIEW_ESCALATED = "Event_ConsultationReviewEscalated";
        public static final String CONSULTATION_REVIEW_EXPIRED = "Event_ConsultationReviewExpired";
        public static final String CONSULTATION_SUMMARY_NOT_REVIEWED = "Event_ConsultationSummaryNotReviewed";

        private Events() {
        }
    }

    /** Ids of the gateways. */
    public static final class Gateways {
        public static final String JUDGE_AGAIN = "Gateway_JudgeAgain";
        public static final String JUDGEMENT_RECORDED = "Gateway_JudgementRecorded";
        public static final String NEW_CRITICAL_RESULT = "Gateway_NewCriticalResult";
        public static final String CONTACT_AGAIN = "Gateway_ContactAgain";
        public static final String PATIENT_REACHED = "Gateway_PatientReached";
        public static final String ESCALATED_CONTACT_AGAIN = "Gateway_EscalatedContactAgain";
        public static final String ESCALATED_PATIENT_REACHED = "Gateway_EscalatedPatientReached";
        public static final String INVALID_ITEMS = "Gateway_InvalidItems";
        public static final String DRAFT_AGAIN = "Gateway_DraftAgain";
        public static final String DRAFT_STORED = "Gateway_DraftStored";
        public static final String DRAFT_OK = "Gateway_DraftOk";
        public static final String REVIEW_AGAIN = "Gateway_ReviewAgain";
        public static final String REVIEW_DECISION = "Gateway_ReviewDecision";
        public static final String REDRAFT_ALLOWED = "Gateway_RedraftAllowed";
        public static final String REPORT_TEXT_FINAL = "Gateway_ReportTextFinal";
        public static final String DELIVER_AGAIN = "Gateway_DeliverAgain";
        public static final String DELIVERY_RESOLUTION = "Gateway_DeliveryResolution";
        public static final String REPORT_HANDED_OVER = "Gateway_ReportHandedOver";
        public static final String REFERRAL_NEEDED = "Gateway_ReferralNeeded";
        public static final String JUDGEMENT_FINAL = "Gateway_JudgementFinal";
        public static final String CONSULTATION_WANTED = "Gateway_ConsultationWanted";

        private Gateways() {
        }
    }

    /** External task topics. */
    public static final class Topics {
        /**
         * The generic AI document step (DraftDocumentWorker), configured by the element's input parameters: the report
         * summary and the consultation summary (versions before versionTag 3 drafted the summary on topic
         * draftSummary, still served: legacy.topics of documents/report-summary/kind.properties).
         */
        public static final String DRAFT_DOCUMENT = "draftDocument";

        private Topics() {
        }
    }

    /** Error codes of the BPMN errors the boundary events catch. */
    public static final class Errors {
        public static final String MODEL_UNAVAILABLE = "MODEL_UNAVAILABLE";
        public static final String DELIVERY_FAILED = "DELIVERY_FAILED";

        private Errors() {
        }
    }

    /** Process (and task-local form) variables. */
    public static final class Vars {
        // set at the start (intake)
        public static final String SCREENING_ID = "screeningId";
        public static final String CENTER = "center";
        public static final String LANGUAGE = "language";
        public static final String TASK_PRIORITY = "taskPriority";
        public static final String CRITICAL_ESCALATION_AFTER = "criticalEscalationAfter";
        public static final String MAX_REDRAFT_ROUNDS = "maxRedraftRounds";
        public static final String REVIEW_SLA = "reviewSla";
        public static final String CONSULTATION_SUMMARY_WANTED = "consultationSummaryWanted";
        // consultation summary (AI document step and document review; see document.DocumentStep for the parameters)
        public static final String CONSULTATION_SUMMARY = "consultationSummary";
        public static final String CONSULTATION_SUMMARY_CHECK_NOTE = "consultationSummaryCheckNote";
        public static final String CONSULTATION_SUMMARY_REVIEWED = "consultationSummaryReviewed";
        /** Set when the review opens (checkupflow.review.consultation-sla, consultation-expiry). */
        public static final String CONSULTATION_REVIEW_DUE_DATE = "consultationReviewDueDate";
        public static final String CONSULTATION_REVIEW_EXPIRES_AT = "consultationReviewExpiresAt";
        /** Task-local: the reviewed document's output variable, its text, the check's findings and its title. */
        public static final String DOCUMENT_OUTPUT = "documentOutput";
        public static final String DOCUMENT_TEXT = "documentText";
        public static final String DOCUMENT_CHECK_NOTE = "documentCheckNote";
        public static final String DOCUMENT_TITLE = "documentTitle";
        // judge results
        public static final String INVALID_ITEMS = "invalidItems";
        public static final String INVALID_ITEM_KEYS = "invalidItemKeys";
        public static final String INVALID_ITEMS_SUMMARY = "invalidItemsSummary";
        public static final String NEW_CRITICAL_RESULT = "newCriticalResult";
        public static final String OVERALL_PRIMARY = "overallPrimary";
        // every user task's form, computed when it is read (engine.TaskHeaders)
        public static final String PATIENT_LABEL = "patientLabel";
        /** The language the form shows. */
        public static final String FORM_LANGUAGE = "formLanguage";
        // confirm critical result
        /** Task-local: the critical findings, the patient's phone and the deadline. */
        public static final String CRITICAL_FACTS = "criticalFacts";
        /**
         * Local to Activity_CriticalContact: the escalation time, set once when the subprocess starts; every attempt's
         * due date and "Not confirmed in time" read it.
         */
        public static final String CRITICAL_CONTACT_DUE_DATE = "criticalContactDueDate";
        public static final String PATIENT_REACHED = "patientReached";
        /** The boolean the form set before {@link #PATIENT_REACHED}; read for tasks opened before the change. */
        public static final String PATIENT_CONTACTED = "patientContacted";
        public static final String CONTACT_METHOD = "contactMethod";
        public static final String CONTACT_NOTE = "contactNote";
        // resolve invalid results
        /** Prefix of the form's corrected value of an item, e.g. {@code correction_hdl}. */
        public static final String CORRECTION_PREFIX = "correction_";
        /** Prefix of the form's "not measured" checkbox of an item, e.g. {@code notMeasured_hdl}. */
        public static final String NOT_MEASURED_PREFIX = "notMeasured_";
        public static final String CORRECTION_NOTE = "correctionNote";
        public static final String CORRECTED_BY = "correctedBy";
        // draft, check
        public static final String DRAFT_ROUND = "draftRound";
        public static final String DRAFT_TEXT = "draftText";
        public static final String DRAFT_ORIGIN = "draftOrigin";
        /** The review form's draft origin for centers whose language is English. */
        public static final String DRAFT_ORIGIN_EN = "draftOriginEn";
        public static final String DRAFT_CHECK_PASSED = "draftCheckPassed";
        public static final String DRAFT_FINDINGS = "draftFindings";
        public static final String AUTO_REDRAFT_USED = "autoRedraftUsed";
        // review
        public static final String REVIEW_DUE_DATE = "reviewDueDate";
        public static final String JUDGEMENT_SUMMARY = "judgementSummary";
        public static final String OVERALL_SUMMARY = "overallSummary";
        public static final String PATIENT_PROBLEMS = "patientProblems";
        public static final String REDRAFT_LIMIT_MESSAGE = "redraftLimitMessage";
        /** The review form's warning that the critical-result contact is still open (empty when none is). */
        public static final String CRITICAL_CONTACT_OPEN_MESSAGE = "criticalContactOpenMessage";
        public static final String REVIEW_REOPENED_NOTE = "reviewReopenedNote";
        public static final String REVIEW_DECISION = "reviewDecision";
        public static final String REVIEW_NOTE = "reviewNote";
        public static final String FINAL_TEXT = "finalText";
        public static final String SIGN_ANYWAY = "signAnyway";
        public static final String SIGN_ANYWAY_REASON = "signAnywayReason";
        // issue, deliver, refer
        public static final String REFERRAL_UNITS = "referralUnits";
        public static final String REFERRAL_NEEDED = "referralNeeded";
        public static final String DELIVERY_PROBLEM = "deliveryProblem";
        public static final String DELIVERY_RESOLUTION = "deliveryResolution";
        public static final String DELIVERY_NOTE = "deliveryNote";

        private Vars() {
        }
    }
}
