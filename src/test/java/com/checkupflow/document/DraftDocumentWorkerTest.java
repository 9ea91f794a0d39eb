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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.checkupflow.ai.KindDrafter;
import com.checkupflow.engine.ExternalTaskWorker;

/**
 * The generic worker with the kinds that have a Java drafter: instances of process versions before versionTag 3 wait
 * on the topics draftSummary and draftReferralLetter (no input parameters); the worker fetches those too and drafts
 * them as their kind, with the kind's variables.
 */
@ExtendWith(ProcessEngineExtension.class)
class DraftDocumentWorkerTest {

    ProcessEngine processEngine;

    private final List<String> drafted = new ArrayList<>();

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(processEngine);
    }

    @AfterEach
    void tearDown() {
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
        processEngine.getRepositoryService().createDeployment().addModelInstance("old-" + topic + ".bpmn", model).deploy();
        return processEngine.getRuntimeService().startProcessInstanceByKey("old-" + topic, key, variables);
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
