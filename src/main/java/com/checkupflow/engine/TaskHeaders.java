package com.checkupflow.engine;

import java.util.Optional;

/**
 * What every user task's form shows at its top and the language of its words ({@code patientLabel},
 * {@code formLanguage}), computed from our tables when the form is read ({@link ComputedFormVariables}) and when a
 * listener needs the task's language, instead of being written as engine variables whenever a task opens.
 */
public interface TaskHeaders {

    /**
     * @param patientLabel the masked patient as the task's name shows it
     * @param formLanguage the language of the screening's center ({@code ko} or {@code en})
     */
    record TaskHeader(String patientLabel, String formLanguage) {
    }

    /**
     * @param screeningId the business key of the task's process instance
     * @return empty when the key names no screening (a task of another process)
     */
    Optional<TaskHeader> header(String screeningId);
}
