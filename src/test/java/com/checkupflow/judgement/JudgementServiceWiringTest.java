package com.checkupflow.judgement;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/** The judgement beans wire by constructor injection with only a RepositoryService from the outside. */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = DmnTestSupport.DMN)
class JudgementServiceWiringTest {

    ProcessEngine processEngine;

    @Test
    void shouldJudgeWhenWiredAsSpringBeans() {
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            context.registerBean(RepositoryService.class, processEngine::getRepositoryService);
            context.register(DecisionInputs.class, JudgementAssembler.class, DmnEnginePlugin.class, CamundaDecisionEvaluator.class,
                    JudgementService.class);
            context.refresh();

            JudgementOutcome outcome = context.getBean(JudgementService.class)
                    .judge(ScreeningFixture.allNormalA().build());

            Assertions.assertThat(outcome.judgement().overall().primary()).isEqualTo("NORMAL_A");
        }
    }
}
