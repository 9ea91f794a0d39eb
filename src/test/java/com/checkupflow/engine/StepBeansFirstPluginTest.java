package com.checkupflow.engine;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.checkupflow.CheckupFlowHttpTest;
import com.checkupflow.process.ScreeningReportProcess.Vars;

/**
 * The application's engine resolves a step's delegate expression to its bean without asking the variables (which
 * loads all of an instance's variables), and every other name as the engine does.
 */
@CheckupFlowHttpTest
class StepBeansFirstPluginTest {

    @Autowired
    ProcessEngine engine;

    private Object evaluate(String expression, VariableScope scope) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        return configuration.getCommandExecutorTxRequired().execute(context ->
                configuration.getExpressionManager().createExpression(expression).getValue(scope));
    }

    @Test
    void shouldResolveTheListenerWithoutAskingTheVariablesWhenTheExpressionNamesAStepBean() {
        VariableScope scope = mock(VariableScope.class);

        Object listener = evaluate("${reviewTaskListener}", scope);

        Assertions.assertThat(listener).isInstanceOf(TaskListener.class);
        verify(scope, never()).hasVariable(anyString());
        verify(scope, never()).getVariable(anyString());
    }

    @Test
    void shouldTakeTheStepBeanWhenAVariableHasItsName() {
        VariableScope scope = mock(VariableScope.class);
        when(scope.hasVariable("reviewTaskListener")).thenReturn(true);
        when(scope.getVariable("reviewTaskListener")).thenReturn("a form field");

        Assertions.assertThat(evaluate("${reviewTaskListener}", scope)).isInstanceOf(TaskListener.class);
    }

    @Test
    void shouldResolveTheVariableWhenTheNameIsNoStepBean() {
        VariableScope scope = mock(VariableScope.class);
        when(scope.hasVariable(Vars.REVIEW_DECISION)).thenReturn(true);
        when(scope.getVariable(Vars.REVIEW_DECISION)).thenReturn("APPROVE");

        Assertions.assertThat(evaluate("${" + Vars.REVIEW_DECISION + " == 'APPROVE'}", scope)).isEqualTo(true);
    }

    @Test
    void shouldResolveABeanThatIsNoStepAsTheEngineDoesWhenNoVariableHasItsName() {
        VariableScope scope = mock(VariableScope.class);

        Assertions.assertThat(evaluate("${clock != null}", scope)).isEqualTo(true);
        verify(scope).hasVariable("clock");
    }
}
