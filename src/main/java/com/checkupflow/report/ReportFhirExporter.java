package com.checkupflow.report;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.SimpleQuantity;
import org.hl7.fhir.r4.model.StringType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.checkupflow.center.Centers;
import com.checkupflow.judgement.Judgement;
import com.checkupflow.judgement.JudgementJson;
import com.checkupflow.kernel.Category;
import com.checkupflow.kernel.ItemKey;
import com.checkupflow.kernel.ItemLabels;
import com.checkupflow.kernel.ItemStatus;
import com.checkupflow.kernel.Sex;
import com.checkupflow.kernel.Terminology;
import com.checkupflow.physician.PhysicianProfiles;
import com.checkupflow.screening.Screening;
import com.checkupflow.screening.ScreeningRepository;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;

/**
 * The issued report as a FHIR R4 {@code collection} Bundle: a Patient (name, gender, birth date; no RRN), the
 * DiagnosticReport (panel {@value #PANEL_LOINC}, conclusion = the signed summary, presentedForm = the PDF) and one
 * Observation per valid item in its canonical unit, with the 정상A band as referenceRange and a
 * v3-ObservationInterpretation code (see {@link #interpretation}).
 */
@Component
class ReportFhirExporter {

    static final String INTERPRETATION = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";
    static final String OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
    static final String CHEST_XRAY_SYSTEM = "https://example.org/fhir/CodeSystem/kr-nhis-chest-xray-result";
    /**
     * The project's extension on the DiagnosticReport whose conclusion came, in any part, from a generative model:
     * sub-extensions {@code origin} (coding of {@link #AI_ORIGIN_SYSTEM}), {@code provider}, {@code model},
     * {@code promptVersion}, {@code reviewedBy} (the signing physician) and {@code notice} (the report's notice in
     * the patient's language). Documented in docs/audit.md.
     */
    static final String AI_EXTENSION = "https://checkupflow.example/fhir/StructureDefinition/generative-ai-content";
    static final String AI_ORIGIN_SYSTEM = "https://checkupflow.example/fhir/CodeSystem/ai-content-origin";
    static final String AI_ORIGIN_CODE = "ai-draft-physician-reviewed";
    /** HL7 AI Transparency on FHIR: the security label "AI asserted" in meta.security. */
    static final String OBSERVATION_VALUE = "http://terminology.hl7.org/CodeSystem/v3-ObservationValue";
    static final String AI_ASSERTED = "AIAST";
    /** LOINC 11502-2 "Laboratory report" (a project convention: no LOINC panel exists for the NHIS screening). */
    static final String PANEL_LOINC = "11502-2";

    private static final List<ItemKey> VITAL_SIGNS = List.of(ItemKey.HEIGHT, ItemKey.WEIGHT, ItemKey.BMI,
            ItemKey.WAIST, ItemKey.SYSTOLIC_BP, ItemKey.DIASTOLIC_BP);

    private static final Logger log = LoggerFactory.getLogger(ReportFhirExporter.class);

    private final FhirContext fhir;
    private final ScreeningRepository screenings;
    private final JudgementJson judgementJson;
    private final ReferenceBands bands;
    private final ItemLabels labels;
    private final Centers centers;
    private final ReportPdf pdf;
    private final AiDisclosure aiDisclosure;
    private final ReportRenderer renderer;
    private final PhysicianProfiles physicians;

    ReportFhirExporter(FhirContext fhir, ScreeningRepository screenings, JudgementJson judgementJson,
                       ReferenceBands bands, ItemLabels labels, Centers centers, ReportPdf pdf,
                       AiDisclosure aiDisclosure, ReportRenderer renderer, PhysicianProfiles physicians) {
        this.physicians = physicians;
        this.aiDisclosure = aiDisclosure;
        this.renderer = renderer;
        this.fhir = fhir;
        this.screenings = screenings;
        this.judgementJson = judgementJson;
        this.bands = bands;
        this.labels = labels;
        this.centers = centers;
        this.pdf = pdf;
    }

    String exportJson(Screening s) {
        return fhir.newJsonParser().setPrettyPrint(true).encodeResourceToString(export(s));
    }

    Bundle export(Screening s) {
        Judgement judgement = judgementJson.read(s.judgementJson());
        Map<String, CodeableConcept> originalCodes = originalCodes(s.id());
        Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
        bundle.setId(s.id());
        bundle.setTimestamp(Date.from(s.issuedAt()));

        Patient patient = new Patient();
        if (s.patient().name() != null) {
            patient.addName().setText(s.patient().name()); // none sent, none exported: "name unknown" is no name
        }
        if (s.sex() != null) {
            patient.setGender(s.sex() == Sex.MALE ? AdministrativeGender.MALE : AdministrativeGender.FEMALE);
        }
        if (s.patient().birthDate() != null) {
            patient.setBirthDateElement(new org.hl7.fhir.r4.model.DateType(s.patient().birthDate().toString()));
        }
        String patientUrl = add(bundle, patient, s.id() + "/patient");
        Reference subject = new Reference(patientUrl);

        DiagnosticReport report = new DiagnosticReport();
        report.setStatus(DiagnosticReport.DiagnosticReportStatus.FINAL);
        report.setCode(new CodeableConcept(new Coding(Terminology.LOINC, PANEL_LOINC, "Laboratory report"))
                .setText("en".equals(s.language()) ? "Health screening result" : "일반건강검진 결과통보서"));
        report.setSubject(subject);
        if (s.examDate() != null) {
            report.setEffective(new DateTimeType(s.examDate().toString()));
        }
        report.setIssued(Date.from(s.issuedAt()));
        if (s.issuedBy() != null) {
            report.addPerformer(new Reference().setDisplay(s.issuedBy()));
            report.addResultsInterpreter(new Reference().setDisplay(s.issuedBy()));
        }
        report.addPerformer(new Reference().setDisplay(centers.get(s.center()).displayName(s.language())));
        report.setConclusion(s.finalText());
        aiDisclosure.ofIssued(s.id()).ifPresent(ai -> labelAiContent(report, ai, s));
        report.addPresentedForm(new Attachment().setContentType("application/pdf").setLanguage(s.language())
                .setTitle("report-" + s.id() + ".pdf").setData(pdf.render(s.reportHtml()))
                .setCreationElement(new DateTimeType(Date.from(s.issuedAt()))));

        ReferenceBands.Printed printed = bands.of(s.id());
        judgement.items().forEach((json, item) -> {
            ItemKey key = ItemKey.fromJson(json).orElseThrow();
            if (item.status() != ItemStatus.VALID || item.value() == null) {
                return;
            }
            Observation obs = observation(s, key, item, originalCodes.get(item.observationId()), printed);
            obs.setSubject(subject);
            report.addResult(new Reference(add(bundle, obs, s.id() + "/" + json)));
        });
        // the report first, as readers expect
        Bundle.BundleEntryComponent entry = new Bundle.BundleEntryComponent()
                .setFullUrl(urn(s.id() + "/report")).setResource(report);
        bundle.getEntry().add(0, entry);
        return bundle;
    }

    private void labelAiContent(DiagnosticReport report, AiDisclosure.AiUse ai, Screening s) {
        report.getMeta().addSecurity(new Coding(OBSERVATION_VALUE, AI_ASSERTED, "Artificial Intelligence asserted"));
        Extension extension = report.addExtension().setUrl(AI_EXTENSION);
        extension.addExtension("origin", new Coding(AI_ORIGIN_SYSTEM, AI_ORIGIN_CODE,
                "Generative-AI draft, reviewed, edited and signed by a physician"));
        extension.addExtension("provider", new StringType(ai.provider()));
        if (ai.model() != null) {
            extension.addExtension("model", new StringType(ai.model()));
        }
        extension.addExtension("promptVersion", new StringType(ai.promptVersion()));
        if (s.issuedBy() != null) {
            extension.addExtension("reviewedBy", new StringType(s.issuedBy()));
        }
        String language = "en".equals(s.language()) ? "en" : "ko";
        // the same physician wording as the report's signature and notice (name and licence number)
        extension.addExtension("notice", new StringType(renderer.aiNotice(language,
                s.issuedBy() == null ? null : physicians.signature(s.issuedBy(), language))));
    }

    private Observation observation(Screening s, ItemKey key, Judgement.Item item, CodeableConcept original,
                                    ReferenceBands.Printed printed) {
        Observation obs = new Observation();
        obs.setStatus(Observation.ObservationStatus.FINAL);
        boolean vital = VITAL_SIGNS.contains(key);
        String category = vital ? "vital-signs" : key == ItemKey.CHEST_XRAY ? "imaging" : "laboratory";
        obs.addCategory(new CodeableConcept(new Coding(OBSERVATION_CATEGORY, category, null)));
        CodeableConcept code = original != null && original.getCoding().stream().anyMatch(c -> Terminology.LOINC.equals(c.getSystem()))
                ? original.copy()
                : new CodeableConcept(new Coding(Terminology.LOINC, Terminology.loinc(key), null));
        code.setText(labels.item(key, s.language()));
        obs.setCode(code);
        if (s.examDate() != null) {
            obs.setEffective(new DateTimeType(s.examDate().toString()));
        }
        if (key.coded()) {
            String value = item.value().toString();
            Coding coding = key == ItemKey.URINE_PROTEIN
                    ? new Coding(Terminology.SNOMED, Terminology.urineProteinSnomed(value), null)
                    : new Coding(CHEST_XRAY_SYSTEM, value, null);
            obs.setValue(new CodeableConcept(coding).setText(labels.value(value, s.language())));
        } else {
            BigDecimal value = new BigDecimal(item.value().toString());
            obs.setValue(new Quantity().setValue(value).setUnit(labels.unit(key.canonicalUnit()))
                    .setSystem(Terminology.UCUM).setCode(key.canonicalUnit()));
            printed.normalRange(key, s.sex()).ifPresent(range -> {
                Observation.ObservationReferenceRangeComponent rr = obs.addReferenceRange();
                if (range.low() != null) {
                    rr.setLow(simple(range.low(), key));
                }
                if (range.high() != null) {
                    rr.setHigh(simple(range.high(), key));
                }
                rr.setText(printed.band(key, s.sex(), Category.NORMAL_A, s.language()));
            });
        }
        interpretation(key, item, s.sex(), s.criticalFindings(), printed)
                .ifPresent(i -> obs.addInterpretation(new CodeableConcept(new Coding(INTERPRETATION, i, null))));
        return obs;
    }

    /**
     * The v3-ObservationInterpretation code of an item: 정상A → {@code N}; a coded item (urine protein, chest X-ray)
     * outside 정상A → {@code A}; a quantity outside 정상A → {@code H} above / {@code L} below its 정상A range, and
     * {@code HH} / {@code LL} when it is a critical (panic) finding of the {@code critical_values} decision; none when
     * the item is not judged (height, weight).
     */
    Optional<String> interpretation(ItemKey key, Judgement.Item item, Sex sex, List<String> criticalFindings,
                                    ReferenceBands.Printed printed) {
        if (item.category() == null) {
            return Optional.empty();
        }
        if (item.category() == Category.NORMAL_A) {
            return Optional.of("N");
        }
        if (key.coded()) {
            return Optional.of("A");
        }
        BigDecimal value = new BigDecimal(item.value().toString());
        Optional<ReferenceBands.Range> range = printed.normalRange(key, sex);
        boolean critical = criticalFindings.stream().anyMatch(f -> f.startsWith(key.json() + " "));
        if (range.isPresent() && range.get().high() != null && value.compareTo(range.get().high()) > 0) {
            return Optional.of(critical ? "HH" : "H");
        }
        if (range.isPresent() && range.get().low() != null && value.compareTo(range.get().low()) < 0) {
            return Optional.of(critical ? "LL" : "L");
        }
        return Optional.of("A");
    }

    private static SimpleQuantity simple(BigDecimal value, ItemKey key) {
        SimpleQuantity q = new SimpleQuantity();
        q.setValue(value).setSystem(Terminology.UCUM).setCode(key.canonicalUnit()).setUnit(key.canonicalUnit());
        return q;
    }

    private Map<String, CodeableConcept> originalCodes(String screeningId) {
        Map<String, CodeableConcept> codes = new HashMap<>();
        screenings.bundleJson(screeningId).ifPresent(json -> {
            try {
                Bundle original = fhir.newJsonParser().parseResource(Bundle.class, json);
                for (Bundle.BundleEntryComponent e : original.getEntry()) {
                    if (e.getResource() instanceof Observation o && o.hasCode()) {
                        codes.put(o.getIdElement().getIdPart(), o.getCode());
                        codes.put(e.getFullUrl(), o.getCode());
                    }
                }
            } catch (DataFormatException e) {
                // the stored Bundle passed intake, so this is a HAPI upgrade reading it differently: the default LOINC
                // codes serve, and the log says why the export lost the center's own codes
                log.warn("Stored Bundle of a screening unreadable for the FHIR export ({}); default codes used",
                        e.getClass().getSimpleName());
            }
        });
        return codes;
    }

    private static String add(Bundle bundle, Resource resource, String name) {
        String url = urn(name);
        bundle.addEntry().setFullUrl(url).setResource(resource);
        return url;
    }

    private static String urn(String name) {
        return "urn:uuid:" + UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
