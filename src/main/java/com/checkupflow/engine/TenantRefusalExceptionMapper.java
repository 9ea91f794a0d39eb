package com.checkupflow.engine;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;

/**
 * {@code /engine-rest}: the engine refuses work on another tenant's (center's) task, instance or definition with a
 * plain {@link ProcessEngineException} ({@code ENGINE-13034 … belongs to no authenticated tenant}), which Camunda's
 * REST API answers with 500 (some resources wrap it in a {@link RestException} "Cannot complete task …: ENGINE-13034
 * …"). It is the caller's lack of rights: 403, in Camunda's error JSON. Every other exception keeps Camunda's own
 * mapping. The mappers take precedence over Camunda's for the same types by their priority.
 */
final class TenantRefusalExceptionMapper {

    static final String TENANT_REFUSAL = "ENGINE-13034";

    private TenantRefusalExceptionMapper() {
    }

    static Response toResponse(RuntimeException e) {
        if (!isTenantRefusal(e)) {
            return ExceptionHandlerHelper.getInstance().getResponse(e);
        }
        ExceptionDto dto = ExceptionHandlerHelper.getInstance().fromException(e);
        dto.setType("AuthorizationException");
        return Response.status(Response.Status.FORBIDDEN).entity(dto).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    static boolean isTenantRefusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains(TENANT_REFUSAL)) {
                return true;
            }
        }
        return false;
    }

    @Priority(1)
    public static class EngineExceptions implements ExceptionMapper<ProcessEngineException> {
        @Override
        public Response toResponse(ProcessEngineException e) {
            return TenantRefusalExceptionMapper.toResponse(e);
        }
    }

    @Priority(1)
    public static class RestExceptions implements ExceptionMapper<RestException> {
        @Override
        public Response toResponse(RestException e) {
            return TenantRefusalExceptionMapper.toResponse(e);
        }
    }
}
