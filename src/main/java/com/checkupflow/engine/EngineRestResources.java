package com.checkupflow.engine;

import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

/**
 * Camunda's REST API ({@code /engine-rest}); our exception mapping ({@link TenantRefusalExceptionMapper}) joins it, as
 * every Jersey application, through {@link EngineRestMappersDiscoverable}.
 */
@Component
class EngineRestResources extends CamundaJerseyResourceConfig {
}
