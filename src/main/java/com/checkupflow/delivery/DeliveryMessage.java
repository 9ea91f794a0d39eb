package com.checkupflow.delivery;

/**
 * One message to hand to a channel. {@code idempotencyKey} identifies it across retries (e-mail Message-ID, file
 * name). Personal data: never logged.
 */
record DeliveryMessage(String idempotencyKey, String recipient, String subject, String body, String fileName,
                       byte[] pdf) {

    @Override
    public String toString() {
        return "DeliveryMessage[" + idempotencyKey + "]";
    }
}
