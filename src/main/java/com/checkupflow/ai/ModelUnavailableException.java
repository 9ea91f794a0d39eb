package com.checkupflow.ai;

/**
 * The model gave no usable answer: attempts exhausted, or a failure no retry can fix (401/403, a rejected
 * request). The draft task ends with the BPMN error {@code Error_ModelUnavailable} and the offline template
 * drafts instead. The message names the kind of failure only, never the request or the answer.
 */
public class ModelUnavailableException extends RuntimeException {

    private final String kind;
    private final int attempts;

    public ModelUnavailableException(String kind, int attempts) {
        super("model unavailable after " + attempts + " attempt(s): " + kind);
        this.kind = kind;
        this.attempts = attempts;
    }

    public String kind() {
        return kind;
    }

    public int attempts() {
        return attempts;
    }
}
