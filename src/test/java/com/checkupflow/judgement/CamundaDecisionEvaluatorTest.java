package com.checkupflow.judgement;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.checkupflow.kernel.ItemKey;

/**
 * The dry run's evaluator on an engine with full history and {@link DmnEnginePlugin}: nothing stored per
 * evaluation, and a newly deployed version of the DRD is used from the next evaluation on.
 */
class CamundaDecisionEvaluatorTest {

    private ProcessEngine engine;
    private ProcessEngineConfigurationImpl configuration;
    private DmnEnginePlugin plugin;
    private CamundaDecisionEvaluator evaluator;

    @BeforeEach
    void startEngine() {
        plugin = new DmnEnginePlugin();
        configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneInMemProcessEngineConfiguration()
                .setProcessEngineName("decision-evaluator-test")
                .setJdbcUrl("jdbc:h2:mem:decision-evaluator-test;DB_CLOSE_DELAY=-1")
                .setHistory(ProcessEngineConfiguration.HISTORY_FULL)
                .setJobExecutorActivate(false);
        configuration.setHistoryTimeToLive("P180D");
        configuration.setProcessEnginePlugins(List.of(plugin));
        engine = configuration.buildProcessEngine();
        deploy(dmn());
        evaluator = new CamundaDecisionEvaluator(engine.getRepositoryService(), plugin);
    }

    @AfterEach
    void stopEngine() {
        engine.close();
    }

    @Test
    void shouldStoreNoHistoryWhenEvaluatingTheDryRun() {
        Map<String, Object> result = evaluate("110");

        Assertions.assertThat(result).containsEntry("systolicBpCategory", "NORMAL_A");
        Assertions.assertThat(engine.getHistoryService().createHistoricDecisionInstanceQuery().count()).isZero();
    }

    @Test
    void shouldJudgeWithTheNewVersionWhenADesignerDeploysOne() {
        Assertions.assertThat(evaluate("110")).containsEntry("systolicBpCategory", "NORMAL_A");

        // The designer lowers the NORMAL_A bound of systolic BP from 120 to 100.
        deploy(dmn().replace("<text>&lt; 120</text>", "<text>&lt; 100</text>")
                .replace("<text>[120..140)</text>", "<text>[100..140)</text>"));

        Assertions.assertThat(evaluate("110")).containsEntry("systolicBpCategory", "NORMAL_B");
    }

    @Test
    void shouldEvaluateTheEnginesOwnParsedDefinitionWhenTheDecisionIsDeployed() {
        Assertions.assertThat(evaluate("110")).containsEntry("systolicBpCategory", "NORMAL_A");

        CamundaDecisionEvaluator.Model model = evaluator.model(DecisionContract.DECISION_KEY);
        // the deployment cache's entity itself: the DRD is not parsed a second time for the dry run
        Assertions.assertThat(model.decision()).isSameAs(configuration.getCommandExecutorTxRequired().execute(
                context -> configuration.getDeploymentCache().findDeployedDecisionDefinitionById(model.definitionId())));
    }

    private Map<String, Object> evaluate(String systolic) {
        Map<String, Object> variables = DmnTestSupport.emptyInputs();
        variables.put(ItemKey.SYSTOLIC_BP.variable(), Double.valueOf(systolic));
        return evaluator.evaluate(DecisionContract.DECISION_KEY, variables).result();
    }

    private void deploy(String xml) {
        engine.getRepositoryService().createDeployment().addString("screening-judgement.dmn", xml).deploy();
    }

    private static String dmn() {
        try (InputStream in = CamundaDecisionEvaluatorTest.class.getClassLoader().getResourceAsStream(DmnTestSupport.DMN)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
