package com.checkupflow.engine;

import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextFactory;

/**
 * The engine logs every exception that ends a command at ERROR with its stack (ENGINE-16004), except the ones it
 * knows to be the caller's (claimed task, bad request, authorization), which it logs at DEBUG. Staff input a task
 * listener refuses ({@link com.checkupflow.kernel.InputRefused}, wrapped in ENGINE-03051) is the caller's too: it
 * goes to DEBUG, and the REST mapping logs it in one INFO line ({@link TenantRefusalExceptionMapper}). So does work
 * refused on another center's task (ENGINE-13034, answered 403): a user's lack of rights, not a failure.
 */
final class QuietRefusals extends CommandContextFactory {

    @Override
    public CommandContext createCommandContext() {
        return new CommandContext(processEngineConfiguration) {
            @Override
            protected boolean shouldLogFine(Throwable exception) {
                return super.shouldLogFine(exception) || TenantRefusalExceptionMapper.refusedInput(exception) != null
                        || TenantRefusalExceptionMapper.isTenantRefusal(exception);
            }
        };
    }
}
