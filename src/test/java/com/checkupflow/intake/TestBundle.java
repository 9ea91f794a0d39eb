package com.checkupflow.intake;

import ca.uhn.fhir.context.FhirContext;
import java.util.ArrayList;
import java.util.List;

import com.checkupflow.kernel.SyntheticRrns;
import com.checkupflow.kernel.Terminology;

/**
 * Builds screening Bundles as JSON text (so tests go through {@link BundleParser}). Defaults: a man born
 * 1982-03-15 (lipids due in 2026) with a valid synthetic RRN, exam date 2026-05-04, Bundle.identifier set.
 * Values are raw JSON literals: {@code "7.27"} is a number, {@code "\"7.27\""} a JSON string.
 */
public final class TestBundle {

    /** One context for all tests: creating it takes about a second. */
    public static final FhirContext FHIR = FhirContext.forR4();

    static final String PATIENT_URL = "urn:uuid:5b3c0d1e-0000-4000-8000-000000000001";

    private String identifier = "{\"system\":\"https://center.example.org/screening-id\",\"value\":\"S-2026-0001\"}";
    private String gender = "male";
    private String birthDate = "1982-03-15";
    private String rrn = rrn("820315", 1, "23456");
    private String examDate = "2026-05-04";
    private String name = "{\"use\":\"official\",\"family\":\"김\",\"given\":[\"민수\"]}";
    private boolean patient = true;
    private String subject = PATIENT_URL;
    private final List<String> entries = new ArrayList<>();
    private int counter;

    public static TestBundle bundle() {
        return new TestBundle();
    }

    /** A synthetic RRN with a correct check digit, e.g. rrn("820315", 1, "23456") → 820315-123456C. */
    static String rrn(String yymmdd, int g, String serial) {
        return SyntheticRrns.rrn(yymmdd, g, serial);
    }

    public TestBundle identifier(String identifierJson) {
        this.identifier = identifierJson;
        return this;
    }

    public TestBundle gender(String gender) {
        this.gender = gender;
        return this;
    }

    public TestBundle birthDate(String birthDate) {
        this.birthDate = birthDate;
        return this;
    }

    public TestBundle rrn(String rrn) {
        this.rrn = rrn;
        return this;
    }

    public TestBundle examDate(String examDate) {
        this.examDate = examDate;
        return this;
    }

    public TestBundle name(String humanNameJson) {
        this.name = humanNameJson;
        return this;
    }

    /** The subject reference of the Observations added from now on; null for none. */
    public TestBundle subject(String reference) {
        this.subject = reference;
        return this;
    }

    public TestBundle noPatient() {
        this.patient = false;
        return this;
    }

    /** valueQuantity with a UCUM code; {@code value} is a raw JSON literal, null to leave it out. */
    public TestBundle quantity(String loinc, String value, String ucum) {
        return observation(loinc, "\"valueQuantity\":{" + (value == null ? "" : "\"value\":" + value)
                + (ucum == null ? "" : (value == null ? "" : ",")
                + "\"unit\":\"" + ucum + "\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"" + ucum + "\"")
                + "}");
    }

    /** valueQuantity with only the free-text unit (no UCUM code). */
    public TestBundle quantityWithUnitText(String loinc, String value, String unitText) {
        return observation(loinc, "\"valueQuantity\":{\"value\":" + value + ",\"unit\":\"" + unitText + "\"}");
    }

    public TestBundle valueString(String loinc, String text) {
        return observation(loinc, "\"valueString\":\"" + text + "\"");
    }

    public TestBundle coded(String loinc, String system, String code) {
        return observation(loinc, "\"valueCodeableConcept\":{\"coding\":[{\"system\":\"" + system
                + "\",\"code\":\"" + code + "\"}]}");
    }

    public TestBundle urineProtein(String snomed) {
        return coded("20454-5", Terminology.SNOMED, snomed);
    }

    public TestBundle chestXray(String code) {
        return coded("36554-4", Terminology.CHEST_XRAY_SYSTEM, code);
    }

    public TestBundle absent(String loinc) {
        return observation(loinc, "\"dataAbsentReason\":{\"coding\":[{\"system\":"
                + "\"http://terminology.hl7.org/CodeSystem/data-absent-reason\",\"code\":\"not-performed\"}]}");
    }

    /** A final Observation with the given LOINC code and value JSON fragment. */
    public TestBundle observation(String loinc, String valueFragment) {
        return observation(loinc, valueFragment, "final", true);
    }

    public TestBundle observation(String loinc, String valueFragment, String status, boolean withId) {
        int n = ++counter;
        String id = withId ? "\"id\":\"obs-" + n + "\"," : "";
        entries.add(entry(uuid(n), "{\"resourceType\":\"Observation\"," + id + "\"status\":\"" + status + "\","
                + "\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"" + loinc + "\"}]},"
                + (subject == null ? "" : "\"subject\":{\"reference\":\"" + subject + "\"},")
                + "\"effectiveDateTime\":\"" + examDate + "T09:30:00+09:00\""
                + (valueFragment.isEmpty() ? "" : "," + valueFragment) + "}"));
        return this;
    }

    /** BP panel 85354-9; each component value is a raw JSON literal, or null for a dataAbsentReason component. */
    public TestBundle bpPanel(String systolic, String diastolic) {
        return observation("85354-9", "\"component\":[" + component("8480-6", systolic) + ","
                + component("8462-4", diastolic) + "]");
    }

    private static String component(String loinc, String value) {
        String code = "\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"" + loinc + "\"}]}";
        if (value == null) {
            return "{" + code + ",\"dataAbsentReason\":{\"coding\":[{\"system\":"
                    + "\"http://terminology.hl7.org/CodeSystem/data-absent-reason\",\"code\":\"not-performed\"}]}}";
        }
        return "{" + code + ",\"valueQuantity\":{\"value\":" + value
                + ",\"unit\":\"mmHg\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"mm[Hg]\"}}";
    }

    /**
     * A Condition (id {@code conditionId}, full URL urn:uuid) and, if {@code medicationStatus} is not null, a
     * MedicationStatement referencing it (by full URL or, if {@code relative}, as {@code Condition/id}).
     */
    public TestBundle condition(String conditionId, String system, String code, String medicationStatus, boolean relative) {
        int n = ++counter;
        String conditionUrl = uuid(n);
        entries.add(entry(conditionUrl, "{\"resourceType\":\"Condition\",\"id\":\"" + conditionId + "\","
                + "\"code\":{\"coding\":[{\"system\":\"" + system + "\",\"code\":\"" + code + "\"}]},"
                + "\"subject\":{\"reference\":\"" + PATIENT_URL + "\"}}"));
        if (medicationStatus != null) {
            int m = ++counter;
            entries.add(entry(uuid(m), "{\"resourceType\":\"MedicationStatement\",\"id\":\"med-" + m + "\","
                    + "\"status\":\"" + medicationStatus + "\","
                    + "\"medicationCodeableConcept\":{\"text\":\"test medication\"},"
                    + "\"subject\":{\"reference\":\"" + PATIENT_URL + "\"},"
                    + "\"reasonReference\":[{\"reference\":\"" + (relative ? "Condition/" + conditionId : conditionUrl)
                    + "\"}]}"));
        }
        return this;
    }

    public TestBundle rawEntry(String fullUrl, String resourceJson) {
        entries.add(entry(fullUrl, resourceJson));
        return this;
    }

    /** The id the last added resource was given ({@code obs-N}). */
    String lastId() {
        return "obs-" + counter;
    }

    static String uuid(int n) {
        return String.format("urn:uuid:7f0e4a52-0000-4000-8000-%012d", n);
    }

    public String json() {
        List<String> all = new ArrayList<>();
        if (patient) {
            all.add(entry(PATIENT_URL, "{\"resourceType\":\"Patient\",\"id\":\"pat-1\","
                    + (rrn == null ? "" : "\"identifier\":[{\"type\":{\"coding\":[{\"system\":"
                    + "\"http://terminology.hl7.org/CodeSystem/v2-0203\",\"code\":\"NI\"}],\"text\":\"주민등록번호\"},"
                    + "\"system\":\"https://mois.go.kr/rrn\",\"value\":\"" + rrn + "\"}],")
                    + (name == null ? "" : "\"name\":[" + name + "],")
                    + (gender == null ? "\"active\":true" : "\"gender\":\"" + gender + "\"")
                    + (birthDate == null ? "" : ",\"birthDate\":\"" + birthDate + "\"") + "}"));
        }
        all.addAll(entries);
        return "{\"resourceType\":\"Bundle\",\"type\":\"collection\""
                + (identifier == null ? "" : ",\"identifier\":" + identifier)
                + ",\"entry\":[" + String.join(",", all) + "]}";
    }

    private static String entry(String fullUrl, String resource) {
        return "{\"fullUrl\":\"" + fullUrl + "\",\"resource\":" + resource + "}";
    }
}
