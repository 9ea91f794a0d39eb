package com.checkupflow.delivery;

/** A way to hand a document to the patient. */
interface DeliveryChannel {

    /** {@code EMAIL}, {@code FOLDER}: the value kept in {@code cf_outbox.channel}. */
    String name();

    /**
     * Hands the message over; the same idempotency key twice must not give the patient two documents where the
     * channel can tell.
     *
     * @return the channel's id of the message (e-mail Message-ID, file path)
     * @throws DeliveryFailedException when the channel could not take the message
     */
    String send(DeliveryMessage message);
}
