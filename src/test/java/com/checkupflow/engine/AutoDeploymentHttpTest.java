package com.checkupflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.engine.spring.SpringTransactionsProcessEngineConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ContextResource;
import org.springframework.core.io.Resource;

import com.checkupflow.CheckupFlowHttpTest;

/**
 * The application's own deployment (camunda.bpm.deployment-resource-pattern, deployed at every start) filters
 * duplicates per resource: starting again with unchanged files makes no new version, a changed file makes a new
 * version of that file only. The start is repeated with the engine's own auto-deployment, as a restart runs it.
 */
@CheckupFlowHttpTest
class AutoDeploymentHttpTest {

    @Autowired
    SpringProcessEngineConfiguration configuration;
    @Autowired
    ProcessEngine engine;
    @Autowired
    RepositoryService repository;

    /** A resource under the name the auto-deployment gave the original (its name is what duplicates are matched by). */
    private static final class Named extends ByteArrayResource implements ContextResource {
        private final String name;

        Named(String name, byte[] bytes) {
            super(bytes);
            this.name = name;
        }

        @Override
        public String getPathWithinContext() {
            return name;
        }
    }

    private void deployAsAtStart() throws Exception {
        Method deploy = SpringTransactionsProcessEngineConfiguration.class.getDeclaredMethod("autoDeployResources",
                ProcessEngine.class);
        deploy.setAccessible(true);
        deploy.invoke(configuration, engine);
    }

    private long versions(String decisionKey) {
        return repository.createDecisionDefinitionQuery().decisionDefinitionKey(decisionKey).count();
    }

    private long processVersions() {
        return repository.createProcessDefinitionQuery().processDefinitionKey("screening-report").count();
    }

    @Test
    void shouldDeployOnlyTheChangedFileWhenTheApplicationStartsAgain() throws Exception {
        assertThat(configuration.isDeployChangedOnly()).isTrue();
        long deployments = repository.createDeploymentQuery().count();
        long judgements = versions("screening_judgement");
        long processes = processVersions();

        deployAsAtStart();

        assertThat(repository.createDeploymentQuery().count()).as("unchanged files: no deployment").isEqualTo(deployments);
        assertThat(versions("screening_judgement")).isEqualTo(judgements);

        Resource[] original = configuration.getDeploymentResources();
        Deployment latest = repository.createDeploymentQuery().deploymentName(configuration.getDeploymentName())
                .orderByDeploymentTime().desc().list().get(0);
        String dmnName = repository.getDeploymentResourceNames(latest.getId()).stream()
                .filter(n -> n.endsWith("screening-judgement.dmn")).findFirst().orElseThrow();
        List<Resource> changed = new ArrayList<>();
        for (Resource r : original) {
            if (r.getFilename() != null && r.getFilename().equals("screening-judgement.dmn")) {
                // the same rules with a comment: another file, the same judgements for the tests that follow
                String xml = new String(r.getContentAsByteArray(), StandardCharsets.UTF_8)
                        .replace("</definitions>", "<!-- AutoDeploymentHttpTest --></definitions>");
                changed.add(new Named(dmnName, xml.getBytes(StandardCharsets.UTF_8)));
            } else {
                changed.add(r);
            }
        }
        configuration.setDeploymentResources(changed.toArray(Resource[]::new));
        try {
            deployAsAtStart();

            assertThat(versions("screening_judgement")).as("the changed DMN").isEqualTo(judgements + 1);
            assertThat(processVersions()).as("the unchanged BPMN").isEqualTo(processes);
        } finally {
            configuration.setDeploymentResources(original);
            repository.createDeploymentQuery().list().stream()
                    .filter(d -> d.getDeploymentTime().after(latest.getDeploymentTime()))
                    .forEach(d -> repository.deleteDeployment(d.getId(), true));
        }
        assertThat(versions("screening_judgement")).isEqualTo(judgements);
    }
}
