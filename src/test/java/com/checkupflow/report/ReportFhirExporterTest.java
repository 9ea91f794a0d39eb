package com.checkupflow.report;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.assertj.core.api.Assertions;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;

class ReportFhirExporterTest {

    private static final FhirContext FHIR = FhirContext.forR4();

    private final ReportExamples examples = new ReportExamples();
    private final ReportFhirExporter exporter = examples.exporter(FHIR);

    @Test
    void shouldParseBackWithoutErrorsWhenExported() {
        String json = exporter.exportJson(issued(List.of()));

        IParser strict = FHIR.newJsonParser().setParserErrorHandler(new StrictErrorHandler());
        Bundle bundle = strict.parseResource(Bundle.class, json);

        Assertions.assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.COLLECTION);
        DiagnosticReport report = (DiagnosticReport) bundle.getEntryFirstRep().getResource();
        Assertions.assertThat(report.getStatus()).isEqualTo(DiagnosticReport.DiagnosticReportStatus.FINAL);
        Assertions.assertThat(report.getCode().getCodingFirstRep().getSystem()).isEqualTo("http://loinc.org");
        Assertions.assertThat(report.getCode().getCodingFirstRep().getCode()).isEqualTo(ReportFhirExporter.PANEL_LOINC);
        Assertions.assertThat(report.getConclusion()).isEqualTo(ReportExamples.SUMMARY);
        Assertions.assertThat(report.getIssued()).isEqualTo(java.util.Date.from(ReportExamples.ISSUED));
        Assertions.assertThat(report.getPerformer()).extracting(r -> r.getDisplay()).contains("physicianGangnam");
        Assertions.assertThat(report.getPresentedFormFirstRep().getContentType()).isEqualTo("application/pdf");
        Assertions.assertThat(new String(report.getPresentedFormFirstRep().getData(), 0, 5)).isEqualTo("%PDF-");
        Assertions.assertThat(report.getResult()).hasSize(19);
        Assertions.assertThat(bundle.getEntry()).extracting(e -> e.getResource().fhirType())
                .containsOnly("DiagnosticReport", "Patient", "Observation");
        Patient patient = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(Patient.class::isInstance).map(Patient.class::cast).findFirst().orElseThrow();
        Assertions.assertThat(patient.getIdentifier()).as("no RRN in the export").isEmpty();
        Assertions.assertThat(json).doesNotContain(ReportExamples.RRN).doesNotContain("1234567");
    }

    @Test
    void shouldCarryInterpretationCodesAndCanonicalUnitsWhenExported() {
        Bundle bundle = exporter.export(issued(List.of()));

        Map<String, Observation> byLoinc = observations(bundle);
        Assertions.assertThat(code(byLoinc.get("8480-6"))).isEqualTo("H");
        Assertions.assertThat(code(byLoinc.get("2085-9"))).as("HDL 35 is low").isEqualTo("L");
        Assertions.assertThat(code(byLoinc.get("1920-8"))).as("AST 45 (정상B)").isEqualTo("H");
        Assertions.assertThat(code(byLoinc.get("1558-6"))).isEqualTo("N");
        Assertions.assertThat(code(byLoinc.get("20454-5"))).as("urine protein 1+").isEqualTo("A");
        Assertions.assertThat(byLoinc.get("8302-2").getInterpretation()).as("height is not judged").isEmpty();

        Observation glucose = byLoinc.get("1558-6");
        Assertions.assertThat(glucose.getValueQuantity().getValue()).isEqualByComparingTo("91");
        Assertions.assertThat(glucose.getValueQuantity().getSystem()).isEqualTo("http://unitsofmeasure.org");
        Assertions.assertThat(glucose.getValueQuantity().getCode()).isEqualTo("mg/dL");
        Assertions.assertThat(glucose.getReferenceRangeFirstRep().hasLow()).isFalse();
        Assertions.assertThat(glucose.getReferenceRangeFirstRep().getHigh().getValue()).isEqualByComparingTo("99");
        Observation hemoglobin = byLoinc.get("718-7");
        Assertions.assertThat(hemoglobin.getReferenceRangeFirstRep().getLow().getValue()).isEqualByComparingTo("13.0");
        Assertions.assertThat(hemoglobin.getReferenceRangeFirstRep().getHigh().getValue()).isEqualByComparingTo("16.5");
        Assertions.assertThat(byLoinc.get("20454-5").getValueCodeableConcept().getCodingFirstRep().getCode())
                .isEqualTo("167275009");
    }

    @Test
    void shouldMarkCriticalFindingsAsHighHighWhenThePanicRuleFired() {
        Bundle bundle = exporter.export(issued(List.of("systolic_bp >= 180")));

        Assertions.assertThat(code(observations(bundle).get("8480-6"))).isEqualTo("HH");
        Assertions.assertThat(code(observations(bundle).get("8462-4"))).isEqualTo("H");
    }

    private com.checkupflow.screening.Screening issued(List<String> critical) {
        return ReportExamples.issued("ko", examples.html("ko"), critical);
    }

    private static Map<String, Observation> observations(Bundle bundle) {
        return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(Observation.class::isInstance).map(Observation.class::cast)
                .collect(Collectors.toMap(o -> o.getCode().getCodingFirstRep().getCode(), o -> o));
    }

    private static String code(Observation o) {
        Assertions.assertThat(o.getInterpretationFirstRep().getCodingFirstRep().getSystem())
                .isEqualTo(ReportFhirExporter.INTERPRETATION);
        return o.getInterpretationFirstRep().getCodingFirstRep().getCode();
    }
}
