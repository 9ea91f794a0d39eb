package com.checkupflow.engine;

import java.beans.FeatureDescriptor;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.PropertyNotWritableException;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * A step's delegate expression ({@code ${reviewTaskListener}}, {@code ${issueReportDelegate}}) names its bean before
 * any variable: the engine's first resolver asks the variable scope whether a variable has that name, which loads
 * every variable of the task and of the instance (~30 rows) in a command that may read none, e.g. a physician's
 * claim, whose assignment listener needs only the assignee. Only names of our listener and delegate beans resolve
 * here, so every other name (the gateways' and forms' variables, {@code execution}, {@code task}) resolves as before;
 * and a variable can no longer stand in for a step's code (a form field named like a listener).
 */
@Component
class StepBeansFirstPlugin extends AbstractProcessEnginePlugin {

    private final ApplicationContext context;

    StepBeansFirstPlugin(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setExpressionManager(new SpringExpressionManager(context, configuration.getBeans()) {
            @Override
            protected ELResolver createElResolver() {
                CompositeELResolver resolvers = new CompositeELResolver();
                resolvers.add(new StepBeans(context));
                resolvers.add(super.createElResolver());
                return resolvers;
            }
        });
    }

    /** Resolves a top-level name that is a bean of a step's type (task or execution listener, delegate); read-only. */
    static final class StepBeans extends ELResolver {
        private static final Class<?>[] STEP_TYPES = {TaskListener.class, ExecutionListener.class, JavaDelegate.class};

        private final ApplicationContext beans;
        /** By name: the answer depends on the bean definitions only, which do not change once the engine runs. */
        private final Map<String, Boolean> steps = new ConcurrentHashMap<>();

        StepBeans(ApplicationContext beans) {
            this.beans = beans;
        }

        private boolean isStep(Object base, Object property) {
            return base == null && property instanceof String name && steps.computeIfAbsent(name, this::isStepBean);
        }

        private boolean isStepBean(String name) {
            if (!beans.containsBean(name)) {
                return false;
            }
            Class<?> type = beans.getType(name);
            for (Class<?> step : STEP_TYPES) {
                if (type != null && step.isAssignableFrom(type)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public Object getValue(ELContext context, Object base, Object property) {
            if (isStep(base, property)) {
                context.setPropertyResolved(true);
                return beans.getBean((String) property);
            }
            return null;
        }

        @Override
        public Class<?> getType(ELContext context, Object base, Object property) {
            if (isStep(base, property)) {
                context.setPropertyResolved(true);
                return beans.getType((String) property);
            }
            return null;
        }

        @Override
        public void setValue(ELContext context, Object base, Object property, Object value) {
            if (isStep(base, property)) {
                throw new PropertyNotWritableException("A step's bean cannot be set: " + property);
            }
        }

        @Override
        public boolean isReadOnly(ELContext context, Object base, Object property) {
            if (isStep(base, property)) {
                context.setPropertyResolved(true);
                return true;
            }
            return false;
        }

        @Override
        public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
            return null;
        }

        @Override
        public Class<?> getCommonPropertyType(ELContext context, Object base) {
            return base == null ? Object.class : null;
        }
    }
}
