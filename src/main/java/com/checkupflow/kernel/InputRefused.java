package com.checkupflow.kernel;

/**
 * Staff input a task listener or form refuses (an implausible value, a missing choice, a text that fails the check):
 * the task stays open and the message is what the user reads, in their language. Not a failure of the application:
 * the engine adapters answer it with a 4xx and log it in one line without a stack.
 */
public class InputRefused extends IllegalArgumentException {

    public InputRefused(String message) {
        super(message);
    }
}
