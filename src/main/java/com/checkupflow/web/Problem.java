package com.checkupflow.web;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One problem in a problem document's {@code problems} list: a stable code and a human detail.
 *
 * @param facts the specific, non-personal facts of this problem (a JSON path, a field, an allowed range, a parameter
 *              name), appended to the Korean sentence by {@link ProblemDocuments} through {@code where.<code>} of
 *              {@code web/problems.properties}; never a value from a patient's data. Not serialized: the detail says it.
 */
public record Problem(String code, String detail, @JsonIgnore Map<String, String> facts) {

    public Problem {
        facts = facts == null ? Map.of() : Map.copyOf(facts);
    }

    /** A problem whose Korean sentence needs no specific facts. */
    public Problem(String code, String detail) {
        this(code, detail, Map.of());
    }
}
