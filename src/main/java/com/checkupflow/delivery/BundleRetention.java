package com.checkupflow.delivery;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.checkupflow.screening.ScreeningRepository;

import ca.uhn.fhir.context.FhirContext;

/**
 * Retention of the original Bundle: {@code checkupflow.retention.bundle-after-delivery} after the report was
 * delivered, the Bundle is reduced to what the issued report still needs (Bundle.identifier, which keeps intake
 * idempotent, and each Observation's id and code, which the FHIR export repeats) and the RRN to its masked form.
 * The Patient (name, RRN, phone, e-mail, address) and the raw values go; the issued report, the normalized items
 * and the judgement stay, as the medical record requires. One transaction per screening, a bounded batch per run.
 */
@Component
class BundleRetention {

    private static final Logger log = LoggerFactory.getLogger(BundleRetention.class);
    private static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final ScreeningRepository screenings;
    private final FhirContext fhir;
    private final RetentionProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;

    BundleRetention(JdbcClient jdbc, ScreeningRepository screenings, FhirContext fhir, RetentionProperties properties,
                    TransactionTemplate transaction, Clock clock) {
        this.jdbc = jdbc;
        this.screenings = screenings;
        this.fhir = fhir;
        this.properties = properties;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Scheduled(cron = "${checkupflow.retention.cron}")
    void run() {
        int reduced;
        do {
            reduced = reduceDeliveredBefore(clock.instant().minus(properties.bundleAfterDelivery()));
        } while (reduced == BATCH);
    }

    /** Reduces the Bundles of reports delivered before {@code cutoff}; the number reduced. */
    int reduceDeliveredBefore(Instant cutoff) {
        List<String> due = jdbc.sql("""
                SELECT o.screening_id FROM cf_outbox o JOIN cf_screening_bundle b ON b.screening_id = o.screening_id
                WHERE o.kind = ? AND o.status IN ('SENT', 'DELIVERED_MANUALLY') AND o.sent_at < ? AND b.reduced_at IS NULL
                ORDER BY o.sent_at FETCH FIRST %d ROWS ONLY""".formatted(BATCH))
                .params(Outbox.REPORT, Timestamp.from(cutoff)).query(String.class).list();
        for (String id : due) {
            transaction.executeWithoutResult(tx -> screenings.bundleJson(id)
                    .ifPresent(json -> screenings.reduceBundle(id, reduce(json), clock.instant())));
        }
        if (!due.isEmpty()) {
            log.info("Retention: {} original Bundles reduced to the report's needs", due.size());
        }
        return due.size();
    }

    private String reduce(String json) {
        Bundle original = fhir.newJsonParser().parseResource(Bundle.class, json);
        Bundle reduced = new Bundle().setType(original.getType()).setIdentifier(original.getIdentifier());
        for (Bundle.BundleEntryComponent e : original.getEntry()) {
            if (e.getResource() instanceof Observation o) {
                Observation kept = new Observation().setCode(o.getCode());
                kept.setId(o.getIdElement().getIdPart());
                kept.setStatus(o.getStatus());
                reduced.addEntry().setFullUrl(e.getFullUrl()).setResource(kept);
            }
        }
        return fhir.newJsonParser().encodeResourceToString(reduced);
    }
}
