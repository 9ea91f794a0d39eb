package com.checkupflow.delivery;

import java.time.Clock;

import org.springframework.stereotype.Service;

/** Entry point of the transactional outbox: call it inside the transaction that issues the document. */
@Service
public class Outbox {

    static final String REPORT = "REPORT";

    private final OutboxRepository repository;
    private final PatientContacts contacts;
    private final DeliveryProperties properties;
    private final Clock clock;

    Outbox(OutboxRepository repository, PatientContacts contacts, DeliveryProperties properties, Clock clock) {
        this.repository = repository;
        this.contacts = contacts;
        this.properties = properties;
        this.clock = clock;
    }

    /** Adds the report's message (e-mail when enabled and the patient has an address, else the folder outbox). */
    public void enqueueReport(String screeningId) {
        String channel = properties.emailEnabled() && contacts.email(screeningId).isPresent()
                ? MailDeliveryChannel.NAME : FolderDeliveryChannel.NAME;
        repository.insertIfAbsent(screeningId, REPORT, channel, key(REPORT, screeningId), clock.instant());
    }

    static String key(String kind, String screeningId) {
        return kind.toLowerCase() + "-" + screeningId;
    }
}
