package com.checkupflow.delivery;

/** Port to the documents being delivered, implemented by the report feature. */
public interface DeliveryDocuments {

    /** The issued report of a screening as the patient receives it. */
    Document report(String screeningId);

    /** A document in the patient's language; {@code body} is the e-mail text (no findings, no RRN). */
    record Document(String subject, String body, String fileName, byte[] pdf) {
    }
}
