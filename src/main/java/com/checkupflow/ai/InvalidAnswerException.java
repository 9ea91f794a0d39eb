package com.checkupflow.ai;

/** A model's answer could not be used: not JSON, or not its schema. {@link ModelCaller} re-asks or retries. */
public final class InvalidAnswerException extends RuntimeException {

    public InvalidAnswerException(String message) {
        super(message);
    }
}
