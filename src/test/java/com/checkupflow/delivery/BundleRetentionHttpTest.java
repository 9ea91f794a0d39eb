package com.checkupflow.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.TaskService;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.checkupflow.CheckupFlowHttpTest;
import com.checkupflow.IdentifiedScreenings;
import com.checkupflow.TestHttp;
import com.checkupflow.screening.ScreeningRepository;
import com.fasterxml.jackson.databind.ObjectMapper;

import ca.uhn.fhir.context.FhirContext;

/** Retention: the original Bundle of a delivered report, kept in full for the period, then reduced. */
@CheckupFlowHttpTest
class BundleRetentionHttpTest {

    @LocalServerPort
    int port;
    @Autowired
    FhirContext fhir;
    @Autowired
    ObjectMapper json;
    @Autowired
    TaskService taskService;
    @Autowired
    ScreeningRepository screenings;
    @Autowired
    BundleRetention retention;
    @Autowired
    RetentionProperties properties;
    @Autowired
    PatientContacts contacts;

    @Test
    void shouldReduceTheBundleToTheReportsNeedsWhenTheRetentionPeriodAfterDeliveryHasPassed() throws Exception {
        TestHttp http = new TestHttp(port);
        String id = IdentifiedScreenings.postAndDeliver(http, json, taskService, IdentifiedScreenings.bundle(fhir,
                "retention", new IdentifiedScreenings.Identifiers("선우은별", "930717-2561843", "010-7712-4409",
                        "eunbyeol.sunwoo@example.org", "종로 1")));
        String exportBefore = http.get("physicianGangnam", "/api/screenings/" + id + "/fhir").body();

        Assertions.assertThat(retention.reduceDeliveredBefore(Instant.now().minus(properties.bundleAfterDelivery())))
                .as("nothing is reduced within the period").isZero();
        Assertions.assertThat(screenings.bundleJson(id).orElseThrow()).contains("Patient", "930717-2561843");
        Assertions.assertThat(contacts.email(id)).as("the address, decrypted from the stored Bundle")
                .hasValue("eunbyeol.sunwoo@example.org");
        Assertions.assertThat(properties.bundleAfterDelivery()).isEqualTo(Duration.ofDays(30));

        Assertions.assertThat(retention.reduceDeliveredBefore(Instant.now().plusSeconds(1))).isPositive();

        Bundle reduced = fhir.newJsonParser().parseResource(Bundle.class, screenings.bundleJson(id).orElseThrow());
        Assertions.assertThat(reduced.getEntry()).isNotEmpty().allSatisfy(e -> Assertions.assertThat(e.getResource())
                .isInstanceOf(Observation.class).isNotInstanceOf(Patient.class));
        Assertions.assertThat(reduced.getEntry()).allSatisfy(e -> Assertions.assertThat(((Observation) e.getResource())
                .hasValue()).as("no raw value").isFalse());
        Assertions.assertThat(screenings.bundleJson(id).orElseThrow())
                .doesNotContain("선우은별", "930717", "010-7712-4409", "eunbyeol", "종로");
        Assertions.assertThat(screenings.find(id).orElseThrow().patient().rrn()).isEqualTo("930717-2******");
        Assertions.assertThat(contacts.email(id)).isEmpty();
        Assertions.assertThat(codes(http.get("physicianGangnam", "/api/screenings/" + id + "/fhir").body()))
                .as("the FHIR export still carries the codes the lab sent").isEqualTo(codes(exportBefore));
        Assertions.assertThat(json.readTree(http.get("physicianGangnam", "/api/screenings/" + id).body())
                .get("patient").get("rrn").asText()).isEqualTo("930717-2******");
        Assertions.assertThat(http.get("physicianGangnam", "/api/screenings/" + id + "/report.pdf").statusCode())
                .isEqualTo(200);
        Assertions.assertThat(retention.reduceDeliveredBefore(Instant.now().plusSeconds(1))).as("reduced once").isZero();
    }

    private List<String> codes(String export) {
        return fhir.newJsonParser().parseResource(Bundle.class, export).getEntry().stream()
                .map(Bundle.BundleEntryComponent::getResource).filter(Observation.class::isInstance)
                .map(r -> ((Observation) r).getCode().getCodingFirstRep().getCode()).toList();
    }
}
