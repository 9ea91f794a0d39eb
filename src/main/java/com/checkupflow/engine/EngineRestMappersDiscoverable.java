package com.checkupflow.engine;

import jakarta.annotation.Priority;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.FeatureContext;

import org.glassfish.jersey.internal.spi.AutoDiscoverable;

/**
 * The webapps register their engine API ({@code /camunda/api/engine}, what the Tasklist calls) as Camunda's own JAX-RS
 * application, which we cannot configure; Jersey's auto-discovery (META-INF/services) adds our exception mapping to
 * every Jersey application, so a refusal answers the same in the Tasklist as on {@code /engine-rest}.
 */
@ConstrainedTo(RuntimeType.SERVER)
@Priority(AutoDiscoverable.DEFAULT_PRIORITY)
public final class EngineRestMappersDiscoverable implements AutoDiscoverable {

    @Override
    public void configure(FeatureContext context) {
        register(context, TenantRefusalExceptionMapper.EngineExceptions.class);
        register(context, TenantRefusalExceptionMapper.RestExceptions.class);
    }

    private static void register(FeatureContext context, Class<?> mapper) {
        if (!context.getConfiguration().isRegistered(mapper)) {
            context.register(mapper);
        }
    }
}
