package com.checkupflow.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One problem in a problem document's {@code problems} list: a stable code and a human detail.
 *
 * @param arguments what the detail names (a value sent, the valid choices), filled into the Korean text's
 *                  {@code {0}}, {@code {1}}… ({@link ProblemDocuments}); not part of the document itself
 */
public record Problem(String code, String detail, @JsonIgnore List<Object> arguments) {

    public Problem {
        arguments = arguments == null ? List.of() : List.copyOf(arguments);
    }

    public Problem(String code, String detail) {
        this(code, detail, List.of());
    }
}
