package com.checkupflow.engine;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.standalone.StandaloneTransactionContextFactory;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextFactory;
import org.camunda.bpm.engine.impl.interceptor.CommandContextInterceptor;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutorImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.jobexecutor.SuccessfulJobListener;

/**
 * After each job that succeeded the job executor runs the engine's {@link SuccessfulJobListener} as a command of its
 * own, which only counts the success in the engine's metrics and touches no table. The standalone engine takes a
 * connection only when a command reads or writes, so there it costs nothing; behind Spring's transaction interceptor
 * every command takes a connection, begins a transaction and commits it: an empty commit after every job (four per
 * screening, docs/benchmarks.md section 10.3). First in the engine's command chain, this runs that command in a command
 * context of its own without a Spring transaction, as the standalone engine does; every other command passes on
 * unchanged.
 */
final class JobSuccessWithoutTransaction extends CommandInterceptor {

    private final CommandInterceptor withoutTransaction;

    JobSuccessWithoutTransaction(ProcessEngineConfigurationImpl configuration) {
        CommandContextFactory contexts = new CommandContextFactory() {
            @Override
            public CommandContext createCommandContext() {
                return new CommandContext(configuration, new StandaloneTransactionContextFactory());
            }
        };
        contexts.setProcessEngineConfiguration(configuration);
        withoutTransaction = new CommandContextInterceptor(contexts, configuration);
        withoutTransaction.setNext(new CommandExecutorImpl());
    }

    @Override
    public <T> T execute(Command<T> command) {
        return command instanceof SuccessfulJobListener ? withoutTransaction.execute(command) : next.execute(command);
    }
}
