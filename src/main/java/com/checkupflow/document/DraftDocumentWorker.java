package com.checkupflow.document;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.springframework.stereotype.Component;

import com.checkupflow.engine.ExternalTaskWorker;
import com.checkupflow.engine.ExternalTasks;
import com.checkupflow.process.ScreeningReportProcess;

/**
 * Works the external task topic {@value #TOPIC}: the generic AI document step, configured per BPMN element by its
 * input parameters ({@link DocumentStep}, set with the element template {@code element-templates/ai-document-step.json}).
 * An external task so that the model's latency never holds the job executor; it shares the model workers' slots.
 * The task completes with {@code <outputVariable>} (the text), {@code <outputVariable>CheckPassed},
 * {@code <outputVariable>CheckNote} (the check's findings, null when passed) and {@code <outputVariable>Provider}.
 * The service falls back to the kind's template itself, so a model outage never fails the task; a wrong
 * configuration (unknown kind, version, input or profile) is an incident naming it.
 */
@Component
class DraftDocumentWorker extends ExternalTaskWorker {

    static final String TOPIC = ScreeningReportProcess.Topics.DRAFT_DOCUMENT;

    private final DocumentService documents;

    DraftDocumentWorker(ExternalTasks externalTasks, DocumentService documents,
                        ExternalTaskWorker.Settings modelWorkerSettings) {
        super(externalTasks, TOPIC, fetched(), modelWorkerSettings);
        this.documents = documents;
    }

    private static List<String> fetched() {
        List<String> names = new ArrayList<>(DocumentStep.PARAMETERS);
        names.add("screeningId");
        return names;
    }

    @Override
    protected Outcome work(LockedExternalTask task) {
        Map<String, Object> parameters = task.getVariables();
        String screeningId = task.getBusinessKey() != null ? task.getBusinessKey() : (String) parameters.get("screeningId");
        DocumentService.Drafted drafted = documents.draft(screeningId, parameters);
        String output = parameters.get(DocumentStep.OUTPUT_VARIABLE).toString().trim();
        Map<String, Object> variables = new HashMap<>();
        variables.put(output, drafted.text());
        variables.put(output + "CheckPassed", drafted.checkPassed());
        variables.put(output + "CheckNote", drafted.checkNote());
        variables.put(output + "Provider", drafted.fallback() ? drafted.provider() + " (fallback)" : drafted.provider());
        return new Complete(variables);
    }
}
