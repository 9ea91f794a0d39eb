package com.checkupflow.delivery;

import java.util.Map;

import org.springframework.stereotype.Component;

import com.checkupflow.screening.Screening;
import com.checkupflow.screening.ScreeningViewContributor;

/**
 * The report's delivery in {@code GET /api/screenings/{id}}: channel, status (PENDING, SENT, FAILED,
 * DELIVERED_MANUALLY), failed attempts, the last failure reason, when it was queued and handed over, who resolved it
 * by hand and the channel's message id; null before the report is issued.
 */
@Component
class DeliveryViewContributor implements ScreeningViewContributor {

    private final OutboxRepository outbox;

    DeliveryViewContributor(OutboxRepository outbox) {
        this.outbox = outbox;
    }

    @Override
    public void contribute(Screening screening, Map<String, Object> view) {
        view.put("delivery", outbox.delivery(Outbox.key(Outbox.REPORT, screening.id())).orElse(null));
    }
}
