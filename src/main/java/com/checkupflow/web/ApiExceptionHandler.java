package com.checkupflow.web;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.List;

import org.apache.catalina.connector.ClientAbortException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Every error of {@code /api/**} as an RFC 7807 {@code application/problem+json} document. */
@RestControllerAdvice(basePackages = "com.checkupflow")
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> problem(ProblemException e) {
        return respond(e.status(), e.title(), e.problems());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        return respond(HttpStatus.BAD_REQUEST, "Unreadable request body",
                List.of(new Problem("unreadable_body", "The request body is not valid JSON of the expected shape")));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
        return respond(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
                List.of(new Problem("unsupported_media_type", "Send application/fhir+json or application/json")));
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class})
    ResponseEntity<ProblemDetail> badParameter(Exception e) {
        return respond(HttpStatus.BAD_REQUEST, "Bad request parameter",
                List.of(new Problem("bad_parameter", e.getMessage())));
    }

    /**
     * A body cut short (the client sent less than its Content-Length, or stopped sending): nothing was read. Only the
     * exceptions of reading the request; any other I/O failure is the server's and stays a 500.
     */
    @ExceptionHandler({EOFException.class, ClientAbortException.class, SocketTimeoutException.class})
    ResponseEntity<ProblemDetail> truncated(IOException e) {
        return respond(HttpStatus.BAD_REQUEST, "Unreadable request body",
                List.of(new Problem("truncated_body", "The request body ended before it was complete")));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (e instanceof ErrorResponse framework) {
            HttpStatus status = HttpStatus.valueOf(framework.getStatusCode().value());
            return respond(status, status.getReasonPhrase(),
                    List.of(new Problem(status.name().toLowerCase(), framework.getBody().getDetail())));
        }
        // The message may quote request data; log the type and stack only at debug.
        log.error("Unexpected error handling an API request: {}", e.getClass().getName());
        log.debug("Unexpected error", e);
        return respond(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                List.of(new Problem("internal_error", "The request could not be processed; nothing was changed")));
    }

    static ResponseEntity<ProblemDetail> respond(HttpStatus status, String title, List<Problem> problems) {
        return ResponseEntity.status(status).contentType(PROBLEM_JSON).body(ProblemDocuments.of(status, title, problems));
    }
}
