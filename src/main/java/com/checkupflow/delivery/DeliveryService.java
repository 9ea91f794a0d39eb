package com.checkupflow.delivery;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.checkupflow.delivery.OutboxRepository.OutboxMessage;
import com.checkupflow.delivery.OutboxRepository.Status;
import com.checkupflow.screening.ScreeningRepository;
import com.checkupflow.screening.Stage;

/**
 * Sends the outbox message of an issued report exactly once. The channel's hand-over is recorded as a receipt in its
 * own transaction right after it succeeded; a retried job, or one whose transaction was lost after the hand-over
 * (crash, failed "mark sent"), finds the receipt and only marks the message sent.
 */
@Service
public class DeliveryService {

    /** What one delivery run did. */
    public enum Outcome { SENT, ALREADY_SENT }

    /** How a coordinator resolved a delivery that kept failing. */
    public enum Resolution { RETRY, RETRY_BY_POST, DELIVERED_MANUALLY }

    private static final Logger log = LoggerFactory.getLogger(DeliveryService.class);
    private static final Set<String> PERMANENT = Set.of("no_email_address", "mail_not_configured");

    private final OutboxRepository outbox;
    private final Map<String, DeliveryChannel> channels;
    private final DeliveryDocuments documents;
    private final PatientContacts contacts;
    private final ScreeningRepository screenings;
    private final DeliveryProperties properties;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    DeliveryService(OutboxRepository outbox, List<DeliveryChannel> channels, DeliveryDocuments documents,
                    PatientContacts contacts, ScreeningRepository screenings, DeliveryProperties properties,
                    PlatformTransactionManager transactions, Clock clock) {
        this.outbox = outbox;
        this.channels = channels.stream().collect(Collectors.toMap(DeliveryChannel::name, Function.identity()));
        this.documents = documents;
        this.contacts = contacts;
        this.screenings = screenings;
        this.properties = properties;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /**
     * Delivers the issued report of a screening.
     *
     * @throws DeliveryFailedException when the channel failed; {@link DeliveryFailedException#exhausted()} once
     *                                 {@code checkupflow.delivery.max-attempts} is reached or retrying cannot help
     */
    public Outcome deliverReport(String screeningId) {
        String key = Outbox.key(Outbox.REPORT, screeningId);
        OutboxMessage m = outbox.find(key).orElseThrow(() -> new IllegalStateException("No outbox message " + key));
        if (m.status() == Status.SENT || m.status() == Status.DELIVERED_MANUALLY) {
            return Outcome.ALREADY_SENT;
        }
        Outcome outcome = Outcome.ALREADY_SENT;
        if (!m.received()) {
            DeliveryChannel channel = channels.get(m.channel());
            String messageId;
            try {
                messageId = channel.send(message(m));
            } catch (DeliveryFailedException e) {
                int attempts = ownTransaction.execute(tx -> outbox.recordFailure(m.id(), e.reason()));
                boolean exhausted = attempts >= properties.maxAttempts() || PERMANENT.contains(e.reason());
                log.warn("Delivery {} over {} failed: {} (attempt {}{})", key, channel.name(), e.reason(), attempts,
                        exhausted ? ", handing over to a coordinator" : "");
                throw new DeliveryFailedException(e.reason(), attempts, exhausted, e.getCause());
            }
            ownTransaction.executeWithoutResult(tx -> outbox.insertReceipt(key, channel.name(), messageId, clock.instant()));
            outcome = Outcome.SENT;
        }
        outbox.markSent(m.id(), clock.instant());
        screenings.updateStage(screeningId, Stage.DELIVERED);
        log.info("Delivery {} over {}: {}", key, m.channel(), outcome);
        return outcome;
    }

    /** A coordinator's decision on a delivery that kept failing. */
    public void resolveReport(String screeningId, Resolution resolution, String coordinator, String note) {
        String key = Outbox.key(Outbox.REPORT, screeningId);
        OutboxMessage m = outbox.find(key).orElseThrow(() -> new IllegalStateException("No outbox message " + key));
        switch (resolution) {
            case RETRY -> outbox.retry(m.id(), m.channel(), coordinator);
            case RETRY_BY_POST -> outbox.retry(m.id(), FolderDeliveryChannel.NAME, coordinator);
            case DELIVERED_MANUALLY -> {
                outbox.markDeliveredManually(m.id(), coordinator, note, clock.instant());
                screenings.updateStage(screeningId, Stage.DELIVERED);
            }
        }
    }

    private DeliveryMessage message(OutboxMessage m) {
        DeliveryDocuments.Document doc = documents.report(m.screeningId());
        String recipient = MailDeliveryChannel.NAME.equals(m.channel()) ? contacts.email(m.screeningId()).orElse(null) : null;
        return new DeliveryMessage(m.idempotencyKey(), recipient, doc.subject(), doc.body(), doc.fileName(), doc.pdf());
    }
}
