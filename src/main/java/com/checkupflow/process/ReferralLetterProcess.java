package com.checkupflow.process;

/**
 * The names {@code processes/referral-letter.bpmn} and its forms share with the code (see
 * {@link ScreeningReportProcess}); {@code ProcessContractTest} checks them against the model both ways.
 */
public final class ReferralLetterProcess {

    public static final String PROCESS_ID = "referral-letter";

    private ReferralLetterProcess() {
    }

    /** Ids of the tasks. */
    public static final class Activities {
        public static final String DRAFT_REFERRAL_LETTER = "Activity_DraftReferralLetter";
        public static final String SIGN_REFERRAL_LETTER = "Activity_SignReferralLetter";
        public static final String BOOK_APPOINTMENT = "Activity_BookAppointment";

        private Activities() {
        }
    }

    /** Ids of the start and end events. */
    public static final class Events {
        public static final String REFERRAL_REQUESTED = "Event_ReferralRequested";
        public static final String APPOINTMENT_BOOKED = "Event_AppointmentBooked";

        private Events() {
        }
    }

    /** External task topics. */
    public static final class Topics {
        /**
         * The generic AI document step, kind referral-letter (versionTag 2 drafted on topic draftReferralLetter, still
         * served: legacy.topics of documents/referral-letter/kind.properties).
         */
        public static final String DRAFT_DOCUMENT = ScreeningReportProcess.Topics.DRAFT_DOCUMENT;

        private Topics() {
        }
    }

    /**
     * Process variables and the forms' names; the first three are passed in by the calling screening-report, the
     * forms' header and language are computed when a form is read (engine.TaskHeaders).
     */
    public static final class Vars {
        public static final String REFERRAL_UNITS = ScreeningReportProcess.Vars.REFERRAL_UNITS;
        public static final String LANGUAGE = ScreeningReportProcess.Vars.LANGUAGE;
        public static final String TASK_PRIORITY = ScreeningReportProcess.Vars.TASK_PRIORITY;
        public static final String PATIENT_LABEL = ScreeningReportProcess.Vars.PATIENT_LABEL;
        public static final String FORM_LANGUAGE = ScreeningReportProcess.Vars.FORM_LANGUAGE;
        public static final String REFERRAL_DRAFT = "referralDraft";
        public static final String REFERRAL_TEXT = "referralText";
        public static final String REFERRAL_CHECK_NOTE = "referralCheckNote";
        public static final String APPOINTMENT_AT = "appointmentAt";
        public static final String APPOINTMENT_PLACE = "appointmentPlace";
        public static final String REFERRAL_SIGN_ANYWAY = "referralSignAnyway";
        public static final String REFERRAL_SIGN_ANYWAY_REASON = "referralSignAnywayReason";

        private Vars() {
        }
    }
}
