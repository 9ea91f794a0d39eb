package com.checkupflow.review;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import com.checkupflow.process.ScreeningReportProcess.Vars;

/**
 * On create of every user task: names it for its (masked) patient in the center's language ("결과지 검토 – 김*수,
 * 54세 여, 강남센터, 2026-07-07") and describes it in plain words, and takes the priority the judgement set
 * ({@code taskPriority}: critical and suspect results first in the filters). The form's header and language
 * ({@code patientLabel}, {@code formLanguage}) are no variables: they are computed when the form is read
 * ({@link PatientTaskHeaders}).
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
        if (task.getVariable(Vars.TASK_PRIORITY) instanceof Number priority) {
            task.setPriority(priority.intValue());
        }
    }
}
