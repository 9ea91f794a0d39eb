package com.checkupflow.delivery;

import java.util.Optional;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Patient;
import org.springframework.stereotype.Component;

import com.checkupflow.intake.BundleParser;
import com.checkupflow.intake.ParsedBundle;
import com.checkupflow.screening.ScreeningRepository;

/**
 * The patient's e-mail address and phone number from Patient.telecom of the stored Bundle. Never logged. The Bundle is
 * read as intake read it ({@link BundleParser}): a strict HAPI parser refuses what intake accepted (a
 * {@code valueQuantity.value} "abc"), and a critical-result call must not depend on an unrelated measurement.
 */
@Component
public class PatientContacts {

    private final ScreeningRepository screenings;
    private final BundleParser parser;

    public PatientContacts(ScreeningRepository screenings, BundleParser parser) {
        this.screenings = screenings;
        this.parser = parser;
    }

    Optional<String> email(String screeningId) {
        return telecom(screeningId, ContactPoint.ContactPointSystem.EMAIL);
    }

    /** The number to call about a critical result (staff only: the confirmation form shows it). */
    public Optional<String> phone(String screeningId) {
        return telecom(screeningId, ContactPoint.ContactPointSystem.PHONE);
    }

    private Optional<String> telecom(String screeningId, ContactPoint.ContactPointSystem system) {
        return screenings.bundleJson(screeningId).map(parser::parse).filter(ParsedBundle::isAccepted).flatMap(parsed -> {
            Bundle bundle = parsed.bundle();
            return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                    .filter(Patient.class::isInstance).map(Patient.class::cast).findFirst()
                    .flatMap(p -> p.getTelecom().stream()
                            .filter(t -> t.getSystem() == system && t.hasValue())
                            .filter(t -> t.getPeriod() == null || !t.getPeriod().hasEnd())
                            .map(ContactPoint::getValue).findFirst());
        });
    }
}
