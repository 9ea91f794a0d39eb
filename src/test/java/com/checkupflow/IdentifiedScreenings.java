package com.checkupflow;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;

import com.checkupflow.demo.SyntheticScreenings;
import com.fasterxml.jackson.databind.ObjectMapper;

import ca.uhn.fhir.context.FhirContext;

/**
 * A synthetic screening whose Patient carries every kind of direct identifier (name, RRN, phone, e-mail, address),
 * all unique to the test that asks, posted over HTTP and taken through review to delivery.
 */
public final class IdentifiedScreenings {

    /** The identifiers in the Bundle, as a test looks for them in the database. */
    public record Identifiers(String name, String rrn, String phone, String email, String address) {
        public List<String> all() {
            return List.of(name, rrn, rrn.replace("-", ""), phone, email, address);
        }
    }

    private IdentifiedScreenings() {
    }

    /** A suspect synthetic screening with the identifiers put in its Patient; {@code tag} makes them unique. */
    public static String bundle(FhirContext fhir, String tag, Identifiers ids) {
        String json = new SyntheticScreenings(fhir).bundleJson("identified-" + tag, SyntheticScreenings.Profile.SUSPECT, 7);
        Bundle bundle = fhir.newJsonParser().parseResource(Bundle.class, json);
        Patient p = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(Patient.class::isInstance).map(Patient.class::cast).findFirst().orElseThrow();
        p.getName().clear();
        p.addName().setText(ids.name()).setFamily(ids.name().substring(0, 2)).addGiven(ids.name().substring(2));
        p.getIdentifier().clear();
        p.addIdentifier(new Identifier().setSystem("https://mois.go.kr/rrn").setValue(ids.rrn()));
        p.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(ids.phone());
        p.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue(ids.email());
        p.addAddress().addLine(ids.address()).setCity("서울특별시");
        return fhir.newJsonParser().encodeResourceToString(bundle);
    }

    /** Posts the Bundle as {@code integration} to Gangnam, approves the draft and waits until it is delivered. */
    public static String postAndDeliver(TestHttp http, ObjectMapper json, TaskService tasks, String bundle)
            throws Exception {
        String id = json.readTree(http.post("integration", "/api/screenings?center=gangnam", "application/fhir+json",
                bundle).body()).get("id").asText();
        ReviewTasks.approveAsDrafted(tasks, ReviewTasks.awaitReview(tasks, id), "physicianGangnam");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> json.readTree(http.get("physicianGangnam", "/api/screenings/" + id).body())
                        .path("stage").asText(), "DELIVERED"::equals);
        return id;
    }
}
