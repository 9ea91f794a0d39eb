package com.checkupflow.review;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import com.checkupflow.process.ScreeningReportProcess.Vars;

/**
 * On create of every user task: names it for its (masked) patient in the center's language ("결과지 검토 – 김*수,
 * 54세 여, 강남센터, 2026-07-07") and describes it in plain words, sets {@code patientLabel} for the form's header and the task-local
 * {@code formLanguage} the forms choose their words by, and takes the priority the judgement set
 * ({@code taskPriority}: critical and suspect results first in the filters). {@code patientLabel} lives on the process
 * (the referral letter takes it along) and is written only when it changes: tasks of parallel branches are created
 * in transactions of their own, and each rewriting the same process variable would fail all but one of them with an
 * optimistic-locking conflict.
 */
@Component("patientLabelListener")
class PatientLabelListener implements TaskListener {

    private final ReviewService reviews;

    PatientLabelListener(ReviewService reviews) {
        this.reviews = reviews;
    }

    @Override
    public void notify(DelegateTask task) {
        ReviewService.PatientLabel label = reviews.patientLabel(task.getExecution().getProcessBusinessKey());
        task.setName(TaskNames.name(task.getTaskDefinitionKey(), task.getName(), label.text(), label.language()));
        String description = TaskNames.description(task.getTaskDefinitionKey(), label.language());
        if (description != null) {
            task.setDescription(description);
        }
        if (!label.text().equals(task.getVariable(Vars.PATIENT_LABEL))) {
            task.setVariable(Vars.PATIENT_LABEL, label.text());
        }
        task.setVariableLocal(Vars.FORM_LANGUAGE, label.language());
        if (task.getVariable(Vars.TASK_PRIORITY) instanceof Number priority) {
            task.setPriority(priority.intValue());
        }
    }
}
