package com.checkupflow.review;

import org.springframework.stereotype.Component;

import com.checkupflow.process.ScreeningReportProcess.Activities;

/**
 * "Escalate consultation review to head physicians" (after "Consultation review overdue"): as for the report's review,
 * the open "Review consultation summary" stays where it is and the center's head physicians become candidates too.
 */
@Component("escalateConsultationReviewDelegate")
class EscalateConsultationReviewDelegate extends EscalateReviewDelegate {

    EscalateConsultationReviewDelegate() {
        super(Activities.REVIEW_CONSULTATION_SUMMARY, "Consultation summary review");
    }
}
