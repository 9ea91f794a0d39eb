package com.checkupflow.web;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

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
    /** Enough to find the throwing code under a framework's or the engine's wrappers. */
    private static final int ORIGIN_FRAMES = 8;
    /** A cause chain may loop (A caused by B caused by A). */
    private static final int MAX_CAUSES = 32;
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

    /** Names the parameter and what it should be; never the framework's message (it names Java types). */
    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e) {
        return respond(HttpStatus.BAD_REQUEST, "Bad request parameter", List.of(new Problem("bad_parameter",
                ProblemDocuments.requestPrefersEnglish() ? "The query parameter '" + e.getParameterName() + "' is required"
                        : "'" + e.getParameterName() + "' 매개변수가 필요합니다")));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> badParameter(MethodArgumentTypeMismatchException e) {
        Class<?> type = e.getRequiredType();
        boolean english = ProblemDocuments.requestPrefersEnglish();
        String expected = type == null ? null : english ? ENGLISH_KINDS.get(type) : KOREAN_KINDS.get(type);
        return respond(HttpStatus.BAD_REQUEST, "Bad request parameter", List.of(new Problem("bad_parameter", english
                ? "The value of '" + e.getName() + "' cannot be read" + (expected == null ? "" : ": it must be " + expected)
                : "'" + e.getName() + "' 값을 읽을 수 없습니다" + (expected == null ? "" : ": " + expected + "이어야 합니다"))));
    }

    private static final Map<Class<?>, String> KOREAN_KINDS = Map.of(int.class, "정수", Integer.class, "정수",
            long.class, "정수", Long.class, "정수", boolean.class, "true 또는 false", Boolean.class, "true 또는 false",
            LocalDate.class, "2026-03-01과 같은 날짜", YearMonth.class, "2026-12와 같은 월");
    private static final Map<Class<?>, String> ENGLISH_KINDS = Map.of(int.class, "a whole number", Integer.class,
            "a whole number", long.class, "a whole number", Long.class, "a whole number", boolean.class, "true or false",
            Boolean.class, "true or false", LocalDate.class, "a date such as 2026-03-01", YearMonth.class,
            "a month such as 2026-12");

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
        // The message may quote request data: the line names the type and where the root cause was thrown (frames
        // carry no data), the full stack with messages is logged only at debug.
        log.error("Unexpected error handling an API request: {} ({})", e.getClass().getName(), origin(e));
        log.debug("Unexpected error", e);
        return respond(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                List.of(new Problem("internal_error", "The request could not be processed; nothing was changed")));
    }

    /**
     * The root cause's type and its innermost frames, and the innermost frame of our code in the chain (under a driver
     * or the engine the root's frames are theirs), without any message.
     */
    static String origin(Throwable e) {
        Throwable root = e;
        StackTraceElement ours = null;
        for (int depth = 0; depth < MAX_CAUSES; depth++) {
            ours = Arrays.stream(root.getStackTrace()).filter(f -> f.getClassName().startsWith("com.checkupflow."))
                    .findFirst().orElse(ours);
            if (root.getCause() == null || root.getCause() == root) {
                break;
            }
            root = root.getCause();
        }
        StringBuilder where = new StringBuilder(root.getClass().getName());
        StackTraceElement[] frames = root.getStackTrace();
        for (int i = 0; i < Math.min(ORIGIN_FRAMES, frames.length); i++) {
            where.append(i == 0 ? " at " : " < ").append(frames[i]);
        }
        return ours == null ? where.toString() : where.append("; ours: ").append(ours).toString();
    }

    static ResponseEntity<ProblemDetail> respond(HttpStatus status, String title, List<Problem> problems) {
        return ResponseEntity.status(status).contentType(PROBLEM_JSON).body(ProblemDocuments.of(status, title, problems));
    }
}
