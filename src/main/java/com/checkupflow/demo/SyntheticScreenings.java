package com.checkupflow.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;

import ca.uhn.fhir.context.FhirContext;

import com.checkupflow.kernel.ItemKey;
import com.checkupflow.kernel.Terminology;

/**
 * Builds fictitious but realistic screening Bundles (names, resident registration numbers and values are
 * synthetic) for the demo and for tests. Deterministic for a given seed.
 */
public class SyntheticScreenings {

    public static final String DEMO_IDENTIFIER_SYSTEM = "https://demo.checkupflow.example/screening";

    private static final String[] FAMILY = {"김", "이", "박", "최", "정", "강", "조", "윤", "장", "임", "한", "오"};
    private static final String[] GIVEN = {"민수", "서연", "지훈", "하은", "도윤", "수아", "예준", "지민", "현우", "유진",
            "성민", "다은", "준호", "미경", "영철", "은정"};
    private static final String[] URINE = {Terminology.urineProteinSnomed("negative"),
            Terminology.urineProteinSnomed("negative"), Terminology.urineProteinSnomed("negative"),
            Terminology.urineProteinSnomed("trace"), Terminology.urineProteinSnomed("1+")};

    private final FhirContext fhir;

    public SyntheticScreenings(FhirContext fhir) {
        this.fhir = fhir;
    }

    /** Profiles steer the values so a demo shows every path of the workflow. */
    public enum Profile { HEALTHY, BORDERLINE, SUSPECT, INVALID_ITEM, CRITICAL, KNOWN_DISEASE }

    /** Chosen so that every center gets a review early on and every workflow path appears. */
    private static final List<Profile> DEMO_PROFILES = List.of(
            Profile.SUSPECT, Profile.BORDERLINE, Profile.HEALTHY, Profile.CRITICAL, Profile.KNOWN_DISEASE,
            Profile.SUSPECT, Profile.BORDERLINE, Profile.SUSPECT, Profile.INVALID_ITEM, Profile.HEALTHY);

    /** One demo screening as the demo posts it (to the center {@code index % centers}). */
    public record Demo(int index, String identifier, Profile profile, long seed) {
    }

    /** The {@code index}-th (0-based) demo screening; the same for the demo seeder and for tests. */
    public static Demo demo(int index) {
        return new Demo(index, String.format("demo-2026-%03d", index + 1), DEMO_PROFILES.get(index % DEMO_PROFILES.size()),
                1000L + index);
    }

    public String bundleJson(String identifierValue, Profile profile, long seed) {
        return fhir.newJsonParser().setPrettyPrint(true).encodeResourceToString(bundle(identifierValue, profile, seed));
    }

    public Bundle bundle(String identifierValue, Profile profile, long seed) {
        Random random = new Random(seed);
        boolean male = random.nextBoolean();
        int birthYear = 1950 + random.nextInt(50);
        LocalDate birthDate = LocalDate.of(birthYear, 1 + random.nextInt(12), 1 + random.nextInt(28));
        LocalDate examDate = LocalDate.of(2026, 1 + random.nextInt(10), 1 + random.nextInt(28));

        Bundle bundle = new Bundle();
        bundle.setType(Bundle.BundleType.COLLECTION);
        bundle.getIdentifier().setSystem(DEMO_IDENTIFIER_SYSTEM).setValue(identifierValue);
        bundle.getMeta().addSecurity("http://terminology.hl7.org/CodeSystem/v3-ActReason", "HTEST", "test health data");

        Patient patient = new Patient();
        String patientUrl = "urn:uuid:" + uuid(random);
        patient.addName(new HumanName().setText(FAMILY[random.nextInt(FAMILY.length)] + GIVEN[random.nextInt(GIVEN.length)]));
        patient.setGender(male ? AdministrativeGender.MALE : AdministrativeGender.FEMALE);
        patient.setBirthDateElement(new org.hl7.fhir.r4.model.DateType(birthDate.toString()));
        patient.addIdentifier().setSystem("https://mois.go.kr/rrn").setValue(rrn(birthDate, male, random))
                .getType().addCoding(new Coding("http://terminology.hl7.org/CodeSystem/v2-0203", "NI", "National unique individual identifier"))
                .setText("주민등록번호");
        // A synthetic number in 010-0000-xxxx, which no subscriber has; not drawn from random, so values stay.
        patient.addTelecom().setSystem(org.hl7.fhir.r4.model.ContactPoint.ContactPointSystem.PHONE)
                .setValue(String.format("010-0000-%04d", Math.floorMod(identifierValue.hashCode(), 10000)));
        bundle.addEntry().setFullUrl(patientUrl).setResource(patient);

        Values v = Values.forProfile(profile, male, random);
        int observation = 0;
        for (Object[] q : v.quantities()) {
            if (q[1] == null) {
                continue;
            }
            Observation o = observation(patientUrl, examDate, (String) q[0], (String) q[3]);
            o.setValue(new Quantity().setValue((BigDecimal) q[1]).setSystem(Terminology.UCUM).setCode((String) q[2]).setUnit((String) q[2]));
            bundle.addEntry().setFullUrl("urn:uuid:" + uuid(random)).setResource(o.setId("obs-" + identifierValue + "-" + (++observation)));
        }
        Observation urine = observation(patientUrl, examDate, Terminology.loinc(ItemKey.URINE_PROTEIN), "Protein [Presence] in Urine by Test strip");
        urine.setValue(new CodeableConcept(new Coding(Terminology.SNOMED, v.urineCode(), null)));
        bundle.addEntry().setFullUrl("urn:uuid:" + uuid(random)).setResource(urine.setId("obs-" + identifierValue + "-" + (++observation)));
        Observation cxr = observation(patientUrl, examDate, Terminology.loinc(ItemKey.CHEST_XRAY), "XR Chest Single view");
        cxr.setValue(new CodeableConcept(new Coding(Terminology.CHEST_XRAY_SYSTEM, v.chestXray(), null)));
        bundle.addEntry().setFullUrl("urn:uuid:" + uuid(random)).setResource(cxr.setId("obs-" + identifierValue + "-" + (++observation)));

        if (profile == Profile.KNOWN_DISEASE) {
            Condition condition = new Condition();
            String conditionUrl = "urn:uuid:" + uuid(random);
            condition.getCode().addCoding(new Coding(Terminology.ICD10, "I10", "Essential (primary) hypertension"));
            condition.setSubject(new Reference(patientUrl));
            bundle.addEntry().setFullUrl(conditionUrl).setResource(condition);
            MedicationStatement medication = new MedicationStatement();
            medication.setStatus(MedicationStatement.MedicationStatementStatus.ACTIVE);
            medication.setSubject(new Reference(patientUrl));
            medication.setMedication(new CodeableConcept().setText("amlodipine 5 mg"));
            medication.addReasonReference(new Reference(conditionUrl));
            bundle.addEntry().setFullUrl("urn:uuid:" + uuid(random)).setResource(medication);
        }
        return bundle;
    }

    private static Observation observation(String patientUrl, LocalDate examDate, String loinc, String display) {
        Observation o = new Observation();
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.getCode().addCoding(new Coding(Terminology.LOINC, loinc, display));
        o.setSubject(new Reference(patientUrl));
        o.setEffective(new DateTimeType(examDate + "T09:00:00+09:00"));
        return o;
    }

    private static String uuid(Random random) {
        return new java.util.UUID(random.nextLong(), random.nextLong()).toString();
    }

    /** A synthetic RRN consistent with birth date and sex, with a valid check digit. */
    static String rrn(LocalDate birthDate, boolean male, Random random) {
        int g = birthDate.getYear() >= 2000 ? (male ? 3 : 4) : (male ? 1 : 2);
        String front = String.format("%02d%02d%02d", birthDate.getYear() % 100, birthDate.getMonthValue(), birthDate.getDayOfMonth());
        String body = front + g + String.format("%05d", random.nextInt(100000));
        int[] w = {2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5};
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (body.charAt(i) - '0') * w[i];
        }
        int check = (11 - sum % 11) % 10;
        return front + "-" + body.substring(6) + check;
    }

    /** Value sets per profile, each quantity {loinc, value, ucum, display}. */
    record Values(List<Object[]> quantities, String urineCode, String chestXray) {

        static Values forProfile(Profile profile, boolean male, Random r) {
            double height = male ? 165 + r.nextInt(20) : 152 + r.nextInt(18);
            double bmiTarget = switch (profile) {
                case HEALTHY -> 19 + r.nextDouble() * 5;
                case BORDERLINE, INVALID_ITEM, KNOWN_DISEASE -> 25 + r.nextDouble() * 4;
                case SUSPECT, CRITICAL -> 27 + r.nextDouble() * 5;
            };
            double weight = bmiTarget * Math.pow(height / 100, 2);
            double bmi = weight / Math.pow(height / 100, 2);
            boolean healthy = profile == Profile.HEALTHY;
            boolean suspect = profile == Profile.SUSPECT;
            int sbp = profile == Profile.CRITICAL ? 184 + r.nextInt(10) : healthy ? 105 + r.nextInt(12) : suspect ? 142 + r.nextInt(15) : 121 + r.nextInt(15);
            int dbp = profile == Profile.CRITICAL ? 104 : healthy ? 65 + r.nextInt(12) : suspect ? 88 + r.nextInt(6) : 80 + r.nextInt(8);
            int glucose = healthy ? 80 + r.nextInt(15) : suspect ? 128 + r.nextInt(30) : 100 + r.nextInt(20);
            double hb = male ? (healthy ? 14 + r.nextInt(20) / 10.0 : 12.4 + r.nextInt(8) / 10.0) : (healthy ? 12.5 + r.nextInt(20) / 10.0 : 11.0 + r.nextInt(8) / 10.0);
            List<Object[]> q = new ArrayList<>();
            q.add(new Object[]{Terminology.loinc(ItemKey.HEIGHT), dec(height, 1), "cm", "Body height"});
            q.add(new Object[]{Terminology.loinc(ItemKey.WEIGHT), dec(weight, 1), "kg", "Body weight"});
            q.add(new Object[]{Terminology.loinc(ItemKey.BMI), dec(bmi, 1), "kg/m2", "Body mass index"});
            q.add(new Object[]{Terminology.loinc(ItemKey.WAIST), dec(male ? (healthy ? 80 + r.nextInt(8) : 86 + r.nextInt(10)) : (healthy ? 72 + r.nextInt(8) : 80 + r.nextInt(9)), 1), "cm", "Waist circumference"});
            q.add(new Object[]{Terminology.loinc(ItemKey.SYSTOLIC_BP), dec(sbp, 0), "mm[Hg]", "Systolic blood pressure"});
            q.add(new Object[]{Terminology.loinc(ItemKey.DIASTOLIC_BP), dec(dbp, 0), "mm[Hg]", "Diastolic blood pressure"});
            q.add(new Object[]{Terminology.loinc(ItemKey.HEMOGLOBIN), profile == Profile.INVALID_ITEM ? dec(hb * 10, 0) : dec(hb, 1), profile == Profile.INVALID_ITEM ? "g/dL" : "g/dL", "Hemoglobin"});
            q.add(new Object[]{Terminology.loinc(ItemKey.FASTING_GLUCOSE), profile == Profile.CRITICAL ? dec(312, 0) : dec(glucose, 0), "mg/dL", "Fasting glucose"});
            q.add(new Object[]{Terminology.loinc(ItemKey.TOTAL_CHOLESTEROL), dec(healthy ? 160 + r.nextInt(30) : suspect ? 245 + r.nextInt(30) : 200 + r.nextInt(35), 0), "mg/dL", "Total cholesterol"});
            q.add(new Object[]{Terminology.loinc(ItemKey.HDL), dec(healthy ? 60 + r.nextInt(15) : 42 + r.nextInt(15), 0), "mg/dL", "HDL cholesterol"});
            q.add(new Object[]{Terminology.loinc(ItemKey.TRIGLYCERIDES), dec(healthy ? 80 + r.nextInt(60) : 150 + r.nextInt(45), 0), "mg/dL", "Triglycerides"});
            q.add(new Object[]{Terminology.loinc(ItemKey.LDL), dec(healthy ? 90 + r.nextInt(35) : suspect ? 162 + r.nextInt(20) : 130 + r.nextInt(25), 0), "mg/dL", "LDL cholesterol (calculated)"});
            q.add(new Object[]{Terminology.loinc(ItemKey.AST), dec(healthy ? 18 + r.nextInt(15) : 30 + r.nextInt(18), 0), "U/L", "AST"});
            q.add(new Object[]{Terminology.loinc(ItemKey.ALT), dec(healthy ? 15 + r.nextInt(15) : 28 + r.nextInt(16), 0), "U/L", "ALT"});
            q.add(new Object[]{Terminology.loinc(ItemKey.GGT), dec(male ? (healthy ? 20 + r.nextInt(30) : 55 + r.nextInt(20)) : (healthy ? 12 + r.nextInt(15) : 30 + r.nextInt(12)), 0), "U/L", "Gamma glutamyl transferase"});
            q.add(new Object[]{Terminology.loinc(ItemKey.CREATININE), dec(0.7 + r.nextInt(50) / 100.0, 2), "mg/dL", "Creatinine"});
            q.add(new Object[]{Terminology.loinc(ItemKey.EGFR), dec(healthy ? 85 + r.nextInt(25) : 62 + r.nextInt(25), 0), "mL/min/{1.73_m2}", "eGFR (MDRD)"});
            String urine = healthy ? URINE[0] : URINE[r.nextInt(URINE.length)];
            String cxr = suspect && r.nextBoolean() ? "inactive_tb" : "normal";
            return new Values(q, urine, cxr);
        }

        private static BigDecimal dec(double value, int scale) {
            return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP);
        }
    }
}
