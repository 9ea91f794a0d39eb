package com.checkupflow.delivery;

import java.util.Optional;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Patient;
import org.springframework.stereotype.Component;

import com.checkupflow.screening.ScreeningRepository;

import ca.uhn.fhir.context.FhirContext;

/** The patient's e-mail address and phone number from Patient.telecom of the stored Bundle. Never logged. */
@Component
public class PatientContacts {

    private final ScreeningRepository screenings;
    private final FhirContext fhir;

    public PatientContacts(ScreeningRepository screenings, FhirContext fhir) {
        this.screenings = screenings;
        this.fhir = fhir;
    }

    Optional<String> email(String screeningId) {
        return telecom(screeningId, ContactPoint.ContactPointSystem.EMAIL);
    }

    /** The number to call about a critical result (staff only: the confirmation form shows it). */
    public Optional<String> phone(String screeningId) {
        return telecom(screeningId, ContactPoint.ContactPointSystem.PHONE);
    }

    private Optional<String> telecom(String screeningId, ContactPoint.ContactPointSystem system) {
        return screenings.bundleJson(screeningId).flatMap(json -> {
            Bundle bundle = fhir.newJsonParser().parseResource(Bundle.class, json);
            return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                    .filter(Patient.class::isInstance).map(Patient.class::cast).findFirst()
                    .flatMap(p -> p.getTelecom().stream()
                            .filter(t -> t.getSystem() == system && t.hasValue())
                            .filter(t -> t.getPeriod() == null || !t.getPeriod().hasEnd())
                            .map(ContactPoint::getValue).findFirst());
        });
    }
}
