package com.checkupflow.review;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On create of "Confirm critical result": sets the masked {@code patientLabel} the form's header shows. The
 * confirmation opens right after the judgement, before "Review report" (whose listener sets it too) exists.
 */
@Component("patientLabelListener")
class PatientLabelListener implements TaskListener {

    private final ReviewService reviews;

    PatientLabelListener(ReviewService reviews) {
        this.reviews = reviews;
    }

    @Override
    public void notify(DelegateTask task) {
        task.setVariable("patientLabel", reviews.patientLabel(task.getExecution().getProcessBusinessKey()));
    }
}
