package com.checkupflow.security;

import java.util.List;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Refuses to start (before the engine or any other bean exists, so nothing is created with a weak password) when
 * {@code checkupflow.security.enforce-strong-admin-password} is on (the {@code prod} profile) and the Camunda
 * administrator's password is missing or weak. The message names the problems, never the password.
 */
@Component
class AdminPasswordGuard implements BeanFactoryPostProcessor, EnvironmentAware, Ordered {

    static final String ENFORCE = "checkupflow.security.enforce-strong-admin-password";

    private Environment environment;

    /** Before the master key check (privacy.MasterKeyGuard): the password is the first thing an operator sets. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        if (!environment.getProperty(ENFORCE, Boolean.class, false)) {
            return;
        }
        String userId = environment.getProperty("camunda.bpm.admin-user.id");
        List<String> problems = AdminPasswordPolicy.problems(userId, environment.getProperty("camunda.bpm.admin-user.password"));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Refusing to start: the administrator password (camunda.bpm.admin-user.password,"
                    + " environment variable CHECKUPFLOW_ADMIN_PASSWORD) is not acceptable in production: "
                    + String.join(", ", problems) + ". Set a password of at least " + AdminPasswordPolicy.MIN_LENGTH
                    + " characters with at least " + AdminPasswordPolicy.MIN_CHARACTER_CLASSES
                    + " character classes that is neither 'demo' nor the user id.");
        }
    }
}
