package com.checkupflow.engine;

import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

/** Camunda's REST API ({@code /engine-rest}) with our exception mapping added ({@link TenantRefusalExceptionMapper}). */
@Component
class EngineRestResources extends CamundaJerseyResourceConfig {

    @Override
    protected void registerAdditionalResources() {
        register(TenantRefusalExceptionMapper.EngineExceptions.class);
        register(TenantRefusalExceptionMapper.RestExceptions.class);
    }
}
