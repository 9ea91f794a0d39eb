package com.checkupflow.engine;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.camunda.bpm.engine.ProcessEngineException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;

import com.checkupflow.kernel.InputRefused;

/**
 * {@code /engine-rest}: the engine refuses work on another tenant's (center's) task, instance or definition with a
 * plain {@link ProcessEngineException} ({@code ENGINE-13034 … belongs to no authenticated tenant}), which Camunda's
 * REST API answers with 500 (some resources wrap it in a {@link RestException} "Cannot complete task …: ENGINE-13034
 * …"). It is the caller's lack of rights: 403, in Camunda's error JSON. Every other exception keeps Camunda's own
 * mapping. The mappers take precedence over Camunda's for the same types by their priority.
 * <p>
 * Staff input a task listener refuses ({@link InputRefused}, wrapped by the engine in "ENGINE-03051 There was an
 * exception while invoking the TaskListener …") is a 400 whose message is the listener's own sentence, logged in one
 * INFO line without the message (it may quote measured values) and without a stack. The mappers serve
 * {@code /engine-rest} and, through {@link EngineRestMappersDiscoverable}, the webapps' engine API the Tasklist calls.
 */
final class TenantRefusalExceptionMapper {

    private static final Logger LOG = LoggerFactory.getLogger(TenantRefusalExceptionMapper.class);

    static final String TENANT_REFUSAL = "ENGINE-13034";

    private TenantRefusalExceptionMapper() {
    }

    static Response toResponse(RuntimeException e) {
        InputRefused refused = refusedInput(e);
        if (refused != null) {
            StackTraceElement[] where = refused.getStackTrace();
            LOG.info("Staff input refused (400), the task stays open: {} from {}", refused.getClass().getSimpleName(),
                    where.length == 0 ? "?" : where[0].getClassName());
            ExceptionDto dto = new ExceptionDto();
            dto.setType(InputRefused.class.getSimpleName());
            dto.setMessage(refused.getMessage());
            return Response.status(Response.Status.BAD_REQUEST).entity(dto).type(MediaType.APPLICATION_JSON_TYPE).build();
        }
        if (!isTenantRefusal(e)) {
            return ExceptionHandlerHelper.getInstance().getResponse(e);
        }
        ExceptionDto dto = ExceptionHandlerHelper.getInstance().fromException(e);
        dto.setType("AuthorizationException");
        return Response.status(Response.Status.FORBIDDEN).entity(dto).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    static InputRefused refusedInput(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InputRefused refused) {
                return refused;
            }
        }
        return null;
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
