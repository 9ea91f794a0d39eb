package com.checkupflow.document;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.checkupflow.ai.KindDrafter;
import com.checkupflow.ai.ModelUnavailableException;
import com.checkupflow.engine.ExternalTaskWorker;
import com.checkupflow.engine.ExternalTasks;
import com.checkupflow.process.ScreeningReportProcess;

/**
 * Works the external task topic {@value #TOPIC}: the generic AI document step, configured per BPMN element by its
 * extension properties ({@link DocumentStep}, set with the element template {@code element-templates/ai-document-step.json}),
 * fetched with each task: no local variable per setting. Instances of process versions configured by input
 * parameters (template version 2) carry the settings as variables: an element without the step's extension
 * properties is read from them.
 * An external task so that the model's latency never holds the job executor; it shares the model workers' slots.
 * <ul>
 *   <li>a kind of resources only ({@link DocumentService}) completes with {@code <outputVariable>} (the text),
 *       {@code <outputVariable>CheckPassed}, {@code <outputVariable>CheckNote} (the check's findings, null when
 *       passed) and {@code <outputVariable>Provider}; the service falls back to the kind's template itself, so a
 *       model outage never fails the task;</li>
 *   <li>a kind with a Java drafter ({@link KindDrafter}: the report summary, the referral letter) completes with
 *       the drafter's variables; when the drafter leaves the fallback to the process (the model unavailable), the
 *       task ends with the BPMN error {@value ScreeningReportProcess.Errors#MODEL_UNAVAILABLE} (no incident);</li>
 *   <li>a wrong configuration (unknown kind, version, input or profile) or any other failure is a failure with one
 *       retry less, an incident naming it when none are left.</li>
 * </ul>
 * Instances of older process versions wait on the topics their kinds had ({@code legacy.topics} of kind.properties,
 * e.g. {@code draftSummary}): fetched too, their task is drafted as that kind with its defaults.
 */
@Component
class DraftDocumentWorker extends ExternalTaskWorker {

    static final String TOPIC = ScreeningReportProcess.Topics.DRAFT_DOCUMENT;
    static final String FALLBACK_REASON = "draftFallbackReason";

    private static final Logger log = LoggerFactory.getLogger(DraftDocumentWorker.class);

    private final DocumentService documents;
    private final DocumentKinds kinds;

    DraftDocumentWorker(ExternalTasks externalTasks, DocumentService documents, DocumentKinds kinds,
                        ExternalTaskWorker.Settings modelWorkerSettings) {
        super(externalTasks, topics(kinds), fetched(kinds), true, modelWorkerSettings);
        this.documents = documents;
        this.kinds = kinds;
    }

    private static List<String> topics(DocumentKinds kinds) {
        List<String> topics = new ArrayList<>();
        topics.add(TOPIC);
        topics.addAll(kinds.legacyTopics().keySet());
        return topics;
    }

    /**
     * The drafters' variables and the step's settings: one fetch serves both configurations, and a name an instance
     * does not hold costs nothing (the engine loads a scope's variables whole either way).
     */
    private static List<String> fetched(DocumentKinds kinds) {
        Set<String> names = new LinkedHashSet<>(DocumentStep.PARAMETERS);
        names.add(ScreeningReportProcess.Vars.SCREENING_ID);
        kinds.drafters().forEach(d -> names.addAll(d.variables()));
        return List.copyOf(names);
    }

    @Override
    protected Outcome work(LockedExternalTask task) {
        Map<String, Object> parameters = new HashMap<>(task.getVariables());
        Map<String, String> properties = task.getExtensionProperties();
        if (properties != null && DocumentStep.PARAMETERS.stream().anyMatch(properties::containsKey)) {
            DocumentStep.PARAMETERS.forEach(name -> parameters.put(name, properties.get(name)));
        }
        String legacyKind = kinds.legacyTopics().get(task.getTopicName());
        if (legacyKind != null) {
            parameters.put(DocumentStep.KIND, legacyKind);
        }
        String screeningId = task.getBusinessKey() != null ? task.getBusinessKey()
                : (String) parameters.get(ScreeningReportProcess.Vars.SCREENING_ID);
        DocumentKind kind = kinds.get(String.valueOf(parameters.get(DocumentStep.KIND)));
        if (kind.drafter() != null) {
            DocumentStep.of(parameters, null, kinds);
            try {
                return new Complete(kinds.drafter(kind).draft(screeningId, parameters));
            } catch (ModelUnavailableException e) {
                log.warn("Screening {} document {}: model unavailable ({}, {} attempt(s)); the process drafts with the "
                        + "template", screeningId, kind.id(), e.kind(), e.attempts());
                return new BpmnError(ScreeningReportProcess.Errors.MODEL_UNAVAILABLE, e.getMessage(),
                        Map.of(FALLBACK_REASON, e.kind()));
            }
        }
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
