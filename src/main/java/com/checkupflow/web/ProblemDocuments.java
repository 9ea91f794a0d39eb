package com.checkupflow.web;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Builds the RFC 7807 document every {@code /api/**} error answers with. */
public final class ProblemDocuments {

    private ProblemDocuments() {
    }

    public static ProblemDetail of(HttpStatus status, String title, List<Problem> problems) {
        ProblemDetail pd = ProblemDetail.forStatus(status);
        pd.setTitle(title);
        pd.setType(URI.create("https://checkupflow.example/problems/" + problems.get(0).code().replace('_', '-')));
        pd.setDetail(problems.size() == 1 ? problems.get(0).detail()
                : problems.size() + " problems: " + String.join("; ", problems.stream().map(Problem::detail).toList()));
        pd.setProperty("problems", problems);
        return pd;
    }
}
