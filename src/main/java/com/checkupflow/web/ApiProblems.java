package com.checkupflow.web;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The problem document of an {@code /api} error that carries nothing but its status (no controller saw it). */
public final class ApiProblems {

    private ApiProblems() {
    }

    private static Optional<URI> instance(Object requestUri) {
        if (requestUri == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new URI(requestUri.toString()));
        } catch (URISyntaxException notAUri) {
            return Optional.empty();
        }
    }

    /**
     * Whether a request URI (as the client sent it, maybe with {@code //}, {@code ;} parameters or {@code %2e}) is
     * under {@code /api}: such requests are rejected before routing, and still get a problem document.
     */
    public static boolean isApi(Object requestUri) {
        if (requestUri == null) {
            return false;
        }
        String path = requestUri.toString().toLowerCase().replaceAll("/+", "/").replaceAll(";[^/]*", "");
        return path.equals("/api") || path.startsWith("/api/");
    }

    static Problem forStatus(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> new Problem("not_found", "No API endpoint answers this path");
            case METHOD_NOT_ALLOWED -> new Problem("method_not_allowed", "This endpoint does not answer this method");
            case NOT_ACCEPTABLE -> new Problem("not_acceptable",
                    "This endpoint answers application/json (errors application/problem+json) only");
            case UNSUPPORTED_MEDIA_TYPE -> new Problem("unsupported_media_type",
                    "Send the body as application/json (Bundles also as application/fhir+json)");
            case PAYLOAD_TOO_LARGE -> new Problem("body_too_large", "The request body is too large");
            case BAD_REQUEST -> new Problem("bad_request",
                    "The request was rejected: a malformed or disallowed path, header or body");
            default -> status.is4xxClientError()
                    ? new Problem(status.name().toLowerCase(), status.getReasonPhrase())
                    : new Problem("internal_error", "The request could not be processed; nothing was changed");
        };
    }

    /**
     * Writes the status's problem document, unless the response was already committed.
     *
     * @param requestUri the path the client asked for, the document's {@code instance} like every other problem
     *                   document's (left out when it is no valid URI, as a firewall-rejected path may be)
     */
    public static void write(ObjectMapper json, HttpServletResponse response, HttpStatus status, Object requestUri)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        ProblemDetail document = ProblemDocuments.of(status, status.getReasonPhrase(), List.of(forStatus(status)));
        instance(requestUri).ifPresent(document::setInstance);
        json.writeValue(response.getOutputStream(), document);
    }
}
