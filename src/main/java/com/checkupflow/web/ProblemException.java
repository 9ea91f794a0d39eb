package com.checkupflow.web;

import java.util.List;

import org.springframework.http.HttpStatus;

/** Rejects a request with an RFC 7807 problem document listing every problem found. */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String title;
    private final List<Problem> problems;

    public ProblemException(HttpStatus status, String title, List<Problem> problems) {
        super(title);
        this.status = status;
        this.title = title;
        this.problems = List.copyOf(problems);
    }

    public ProblemException(HttpStatus status, String title, Problem problem) {
        this(status, title, List.of(problem));
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<Problem> problems() {
        return problems;
    }
}
