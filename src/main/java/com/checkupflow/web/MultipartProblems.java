package com.checkupflow.web;

import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * A multipart body (the what-if dry run and compare) is parsed before any controller is chosen, so
 * {@link ApiExceptionHandler}, scoped to our controllers, never sees its failures; without this a malformed
 * multipart body was a 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class MultipartProblems {

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e) {
        return ApiExceptionHandler.respond(HttpStatus.PAYLOAD_TOO_LARGE, "The request was rejected; nothing was stored",
                List.of(new Problem("body_too_large", "A part or the whole multipart body is larger than allowed")));
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> malformed(MultipartException e) {
        return ApiExceptionHandler.respond(HttpStatus.BAD_REQUEST, "The request was rejected; nothing was stored",
                List.of(new Problem("malformed_multipart", "The multipart body could not be read")));
    }
}
