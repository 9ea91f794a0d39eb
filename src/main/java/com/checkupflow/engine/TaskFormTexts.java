package com.checkupflow.engine;

import java.util.Map;

/**
 * Texts a task's form only shows, computed from our tables when the form is read ({@link ComputedFormVariables})
 * instead of being written as engine variables when the task opens and deleted when it ends. A feature implements it
 * for the tasks of its forms.
 */
public interface TaskFormTexts {

    /** The BPMN id of the user task whose form shows the texts. */
    String taskDefinitionKey();

    /**
     * @param screeningId  the business key of the task's process instance
     * @param formLanguage the task's form language ({@code ko} or {@code en}, {@link TaskHeaders})
     * @return the texts by form variable name; an empty one is left out (the forms hide null and "" alike)
     */
    Map<String, String> texts(String screeningId, String formLanguage);
}
