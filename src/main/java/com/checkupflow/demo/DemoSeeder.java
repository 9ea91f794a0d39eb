package com.checkupflow.demo;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.checkupflow.center.Center;
import com.checkupflow.center.Centers;
import com.checkupflow.intake.IntakeService;

import ca.uhn.fhir.context.FhirContext;

/**
 * The default start is the demo: users for every role and center, and synthetic screenings posted through
 * the real intake so they run the real workflow. Starting twice seeds nothing twice (users are created when
 * absent; screenings have fixed Bundle identifiers and intake is idempotent).
 */
@Component
class DemoSeeder {

    private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);

    private final DemoProperties properties;
    private final CamundaDemoIdentity identity;
    private final IntakeService intake;
    private final Centers centers;
    private final SyntheticScreenings synthetic;

    DemoSeeder(DemoProperties properties, CamundaDemoIdentity identity, IntakeService intake, Centers centers, FhirContext fhir) {
        this.properties = properties;
        this.identity = identity;
        this.intake = intake;
        this.centers = centers;
        this.synthetic = new SyntheticScreenings(fhir);
    }

    /** Before the start lock's release (engine.ClusterStartLock, the last listener): one node seeds, others find it. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.LOWEST_PRECEDENCE - 1)
    void seed() {
        if (!properties.enabled()) {
            return;
        }
        int users = identity.seed(properties.password());
        int created = 0;
        List<Center> all = centers.all();
        for (int i = 0; i < properties.screenings(); i++) {
            Center center = all.get(i % all.size());
            SyntheticScreenings.Demo demo = SyntheticScreenings.demo(i);
            String json = synthetic.bundleJson(demo.identifier(), demo.profile(), demo.seed());
            if (intake.receive(center.id(), null, json.getBytes(StandardCharsets.UTF_8)).created()) {
                created++;
            }
        }
        // The password itself is never logged: a configured one would end up in every log collector.
        log.warn("DEMO MODE: {} demo users created, {} synthetic screenings posted. Demo users such as "
                + "physicianGangnam, nurseGangnam, headPhysicianBusan, manager, designer, integration and admin log in with the "
                + "demo password (checkupflow.demo.password, see README). DEMO ONLY: never use these credentials in production.",
                users, created);
    }
}
