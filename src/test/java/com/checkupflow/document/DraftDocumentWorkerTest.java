package com.checkupflow.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.checkupflow.ai.KindDrafter;
import com.checkupflow.engine.ExternalTaskWorker;

/**
 * The generic worker with the kinds that have a Java drafter: an element configured by extension properties (element
 * template version 3), one configured by input parameters (version 2: instances of screening-report before versionTag
 * 5, referral-letter before 4) and instances of process versions before versionTag 3, which wait on the topics
 * draftSummary and draftReferralLetter (no input parameters); the worker fetches those too and drafts them as their
 * kind, with the kind's variables.
 */
@ExtendWith(ProcessEngineExtension.class)
class DraftDocumentWorkerTest {

    ProcessEngine processEngine;

    private final List<String> drafted = new ArrayList<>();
    private final List<String> deployments = new ArrayList<>();

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(processEngine);
    }

    @AfterEach
    void tearDown() {
        // the engine is shared with the other process tests: no task of these models may stay open for them
        deployments.forEach(id -> processEngine.getRepositoryService().deleteDeployment(id, true));
        BpmnAwareTests.reset();
    }

    /** A drafter that records what it drafted and completes with the kind's text variable. */
    private KindDrafter drafter(String name, String variable, String output) {
        return new KindDrafter() {
            @Override
            public String drafter() {
                return name;
            }

            @Override
            public List<String> variables() {
                return List.of(variable);
            }

            @Override
            public Map<String, Object> draft(String screeningId, Map<String, Object> variables) {
                drafted.add(name + ":" + screeningId + ":" + variables.get(variable));
                return Map.of(output, "text of " + name);
            }
        };
    }

    private ProcessInstance startOld(String topic, String key, Map<String, Object> variables) {
        BpmnModelInstance model = Bpmn.createExecutableProcess("old-" + topic).name("Older version")
                .startEvent("Event_Start").name("Start")
                .serviceTask("Activity_Draft").name("Draft").camundaExternalTask(topic)
                .userTask("Activity_Next").name("Next")
                .endEvent("Event_End").name("End").done();
        deployments.add(processEngine.getRepositoryService().createDeployment()
                .addModelInstance("old-" + topic + ".bpmn", model).deploy().getId());
        return processEngine.getRuntimeService().startProcessInstanceByKey("old-" + topic, key, variables);
    }

    /** A draftDocument step of the report summary, configured by {@code settings} as extension properties or not. */
    private ProcessInstance startStep(String key, Map<String, String> settings, boolean asProperties) {
        var builder = Bpmn.createExecutableProcess("step-" + key).name("Step")
                .startEvent("Event_Start").name("Start")
                .serviceTask("Activity_Draft").name("Draft").camundaExternalTask("draftDocument");
        if (!asProperties) {
            settings.forEach(builder::camundaInputParameter);
        }
        BpmnModelInstance model = builder.userTask("Activity_Next").name("Next").endEvent("Event_End").name("End").done();
        if (asProperties) {
            ServiceTask step = model.getModelElementById("Activity_Draft");
            ExtensionElements extensions = step.getExtensionElements() != null ? step.getExtensionElements()
                    : model.newInstance(ExtensionElements.class);
            step.setExtensionElements(extensions);
            CamundaProperties properties = extensions.addExtensionElement(CamundaProperties.class);
            settings.forEach((name, value) -> {
                CamundaProperty property = model.newInstance(CamundaProperty.class);
                property.setCamundaName(name);
                property.setCamundaValue(value);
                properties.addChildElement(property);
            });
        }
        deployments.add(processEngine.getRepositoryService().createDeployment()
                .addModelInstance("step-" + key + ".bpmn", model).deploy().getId());
        return processEngine.getRuntimeService().startProcessInstanceByKey("step-" + key, key, Map.of("draftRound", 0));
    }

    private static Map<String, String> reportSummary(String language) {
        Map<String, String> settings = new java.util.LinkedHashMap<>();
        settings.put("documentKind", "report-summary");
        settings.put("promptVersion", "v1");
        settings.put("documentLanguage", language);
        settings.put("documentInputs", "judgement");
        settings.put("outputVariable", "draftText");
        settings.put("checkProfile", "report");
        return settings;
    }

    /** A drafter that records the prompt version the step pins. */
    private KindDrafter versionRecording() {
        return new KindDrafter() {
            @Override
            public String drafter() {
                return "report-summary";
            }

            @Override
            public List<String> variables() {
                return List.of("draftRound");
            }

            @Override
            public Map<String, Object> draft(String screeningId, Map<String, Object> variables) {
                drafted.add(screeningId + ":" + variables.get("promptVersion"));
                return Map.of("draftText", "text of " + screeningId);
            }
        };
    }

    @Test
    void shouldDraftWithTheElementsExtensionPropertiesWhenTheStepIsConfiguredByThem() {
        KindDrafter summary = versionRecording();
        ExternalTaskWorker worker = DocumentFixtures.draftDocumentWorker(processEngine.getExternalTaskService(), summary);
        ProcessInstance pi = startStep("s-1", reportSummary(""), true);

        List<LockedExternalTask> fetched = DocumentFixtures.fetch(processEngine.getExternalTaskService(), worker);
        Assertions.assertThat(fetched).hasSize(1);
        Assertions.assertThat(fetched.get(0).getExtensionProperties()).containsEntry("promptVersion", "v1");
        Assertions.assertThat(fetched.get(0).getVariables()).as("no local variable per setting")
                .doesNotContainKeys(DocumentStep.PARAMETERS.toArray(String[]::new));
        processEngine.getExternalTaskService().unlock(fetched.get(0).getId());
        DocumentFixtures.work(processEngine.getExternalTaskService(), worker, summary);

        Assertions.assertThat(drafted).containsExactly("s-1:v1");
        BpmnAwareTests.assertThat(pi).isWaitingAt("Activity_Next").variables().containsEntry("draftText", "text of s-1");
    }

    @Test
    void shouldDraftWithTheInputParametersWhenAnOlderVersionsElementCarriesThem() {
        KindDrafter summary = versionRecording();
        ExternalTaskWorker worker = DocumentFixtures.draftDocumentWorker(processEngine.getExternalTaskService(), summary);
        ProcessInstance pi = startStep("s-2", reportSummary(""), false);

        List<LockedExternalTask> worked = DocumentFixtures.work(processEngine.getExternalTaskService(), worker, summary);

        Assertions.assertThat(worked).hasSize(1);
        Assertions.assertThat(worked.get(0).getExtensionProperties()).isEmpty();
        Assertions.assertThat(worked.get(0).getVariables()).containsEntry("documentKind", "report-summary")
                .containsEntry("promptVersion", "v1");
        Assertions.assertThat(drafted).containsExactly("s-2:v1");
        BpmnAwareTests.assertThat(pi).isWaitingAt("Activity_Next").variables().containsEntry("draftText", "text of s-2");
    }

    @Test
    void shouldFailTheTaskNamingTheLanguageWhenAPropertyHoldsAnExpression() {
        KindDrafter summary = versionRecording();
        ExternalTaskWorker worker = DocumentFixtures.draftDocumentWorker(processEngine.getExternalTaskService(), summary);
        ProcessInstance pi = startStep("s-3", reportSummary("${language}"), true);

        List<LockedExternalTask> worked = DocumentFixtures.work(processEngine.getExternalTaskService(), worker, summary);

        Assertions.assertThat(worked).hasSize(1);
        Assertions.assertThat(drafted).isEmpty();
        var failed = processEngine.getExternalTaskService().createExternalTaskQuery()
                .externalTaskId(worked.get(0).getId()).singleResult();
        Assertions.assertThat(failed.getRetries()).isEqualTo(ExternalTaskWorker.FAILURE_RETRIES - 1);
        Assertions.assertThat(failed.getErrorMessage()).contains("IllegalArgumentException")
                .contains("documentLanguage").contains("${language}");
        BpmnAwareTests.assertThat(pi).isWaitingAt("Activity_Draft");
    }

    @Test
    void shouldDraftTheKindOfALegacyTopicWhenAnOlderVersionWaitsOnIt() {
        KindDrafter summary = drafter("report-summary", "draftRound", "draftText");
        KindDrafter letter = drafter("referral-letter", "referralUnits", "referralDraft");
        ExternalTaskWorker worker = DocumentFixtures.draftDocumentWorker(processEngine.getExternalTaskService(), summary,
                letter);
        ProcessInstance report = startOld("draftSummary", "s-1", Map.of("draftRound", 0));
        ProcessInstance referral = startOld("draftReferralLetter", "s-2", Map.of("referralUnits", "egfr"));

        List<LockedExternalTask> worked = DocumentFixtures.work(processEngine.getExternalTaskService(), worker, summary,
                letter);

        Assertions.assertThat(worker.topics()).containsExactly("draftDocument", "draftReferralLetter", "draftSummary");
        Assertions.assertThat(worked).hasSize(2);
        Assertions.assertThat(drafted).containsExactlyInAnyOrder("report-summary:s-1:0", "referral-letter:s-2:egfr");
        BpmnAwareTests.assertThat(report).isWaitingAt("Activity_Next").variables()
                .containsEntry("draftText", "text of report-summary");
        BpmnAwareTests.assertThat(referral).isWaitingAt("Activity_Next").variables()
                .containsEntry("referralDraft", "text of referral-letter");
    }
}
