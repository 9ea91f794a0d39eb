package com.checkupflow.delivery;

/** A channel could not deliver. {@code reason} is a short code and safe to log (no personal data). */
public class DeliveryFailedException extends RuntimeException {

    private final String reason;
    private final int attempts;
    private final boolean exhausted;

    DeliveryFailedException(String reason, Throwable cause) {
        this(reason, 0, false, cause);
    }

    DeliveryFailedException(String reason, int attempts, boolean exhausted, Throwable cause) {
        super(reason, cause);
        this.reason = reason;
        this.attempts = attempts;
        this.exhausted = exhausted;
    }

    /** True when retrying cannot help any more: a coordinator has to resolve it. */
    public boolean exhausted() {
        return exhausted;
    }

    public String reason() {
        return reason;
    }

    /** Failed attempts so far, this one included (0 when the channel raised it). */
    public int attempts() {
        return attempts;
    }
}
