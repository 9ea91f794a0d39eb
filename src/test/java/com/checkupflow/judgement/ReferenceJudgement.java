package com.checkupflow.judgement;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;


/**
 * An independent test oracle for the judgement: a plain reimplementation of
 * /work/shared/domain/screening-criteria.md (§2 bands, §3 boundaries, §4 aggregation, §5 validity, the lipid
 * schedule) and of the output contract in fhir-input-and-judgement-api.md. It deliberately uses none of the
 * production classes (no ItemKey, ItemCatalog, DMN): it works on the raw readings a generator put into a Bundle and
 * writes the contract JSON directly.
 *
 * <p>Readings of the document that it encodes (all from the document, see the comments at each rule):
 * <ul>
 *   <li>§2/§3 bands: a bound written with an inequality (≤40, ≥51, <100, ≥126, >1.5) is exact; a middle band
 *       written "x–y" takes everything between the bands on either side (that is what makes AST 40.5 → B and
 *       GGT 63.5 → B: 40.5 is not ≤40 and not ≥51). A normal band written "x–y" with nothing listed above it
 *       (Hb 13.0–16.5) is closed: above it is UNCLASSIFIED; GGT below the normal band is UNCLASSIFIED.</li>
 *   <li>§2 "judged as reported": a value in the canonical unit is judged exactly as sent (no rounding; AST 40.4 is
 *       B). A converted value is rounded HALF_UP to the reporting precision of the item (integers; BMI, waist, Hb
 *       1 decimal; creatinine 2 decimals), as in the API example 7.27 mmol/L → 131 mg/dL.</li>
 *   <li>§5 validity order non_numeric → missing_unit → unit_not_allowed → negative_value → implausible_value
 *       (window on the canonical, i.e. converted and rounded, value) → bp_diastolic_ge_systolic.</li>
 * </ul>
 */
final class ReferenceJudgement {

    static final String LOINC = "http://loinc.org";
    static final String UCUM = "http://unitsofmeasure.org";
    static final String SNOMED = "http://snomed.info/sct";
    static final String CXR_SYSTEM = "https://example.org/fhir/CodeSystem/kr-nhis-chest-xray-result";
    static final String ICD10 = "http://hl7.org/fhir/sid/icd-10";
    static final String KCD8 = "http://www.hl7korea.or.kr/CodeSystem/kostat-kcd-8";

    // ------------------------------------------------------------------------------------------------ input model

    /** How a reading arrived in its Observation (or BP panel component). */
    enum Kind {
        /** dataAbsentReason instead of a value: missing (§5). */
        DATA_ABSENT,
        /** valueQuantity.value is a JSON number; unit may be null (no unit/code at all). */
        NUMBER,
        /** valueQuantity.value is a JSON string (strictly invalid FHIR): non_numeric (§5). */
        QUANTITY_STRING,
        /** valueString: non_numeric for a quantity item, unrecognized_code for a coded item. */
        VALUE_STRING,
        /** valueInteger: a number without a unit. */
        VALUE_INTEGER,
        /** valueCodeableConcept with one coding (system, code). */
        CODE
    }

    record Reading(String observationId, Kind kind, BigDecimal number, String text, String unit, String system,
                   String code) {
    }

    /** A Condition, with or without a MedicationStatement (status null = no MedicationStatement). */
    record Treatment(String system, String code, String medicationStatus) {
    }

    static final class Screening {
        String sex; // "male" | "female"
        LocalDate birthDate;
        LocalDate examDate;
        /** item json key → the reading for it (absent key: no Observation for that item). */
        final Map<String, Reading> readings = new LinkedHashMap<>();
        final List<Treatment> treatments = new ArrayList<>();
    }

    // ------------------------------------------------------------------------------------------------ item table

    /** Quantity item: canonical UCUM unit, reporting precision, plausibility window (§5), alternative units (§5). */
    record Spec(String unit, int scale, String min, String max, Map<String, String[]> alternatives) {
    }

    static final List<String> ITEMS = List.of("height", "weight", "bmi", "waist", "systolic_bp", "diastolic_bp",
            "hemoglobin", "fasting_glucose", "total_cholesterol", "hdl", "triglycerides", "ldl", "ast", "alt", "ggt",
            "creatinine", "egfr", "urine_protein", "chest_xray");

    static final List<String> UNITS = List.of("blood_pressure", "bmi", "waist", "hemoglobin", "fasting_glucose",
            "total_cholesterol", "hdl", "triglycerides", "ldl", "ast", "alt", "ggt", "urine_protein", "creatinine",
            "egfr", "chest_xray");

    static final Set<String> LIPIDS = Set.of("total_cholesterol", "hdl", "triglycerides", "ldl");

    static final Map<String, Spec> SPECS = new LinkedHashMap<>();

    static {
        // {factor, "x" multiply | "/" divide}
        SPECS.put("height", new Spec("cm", 1, "100", "250", Map.of()));
        SPECS.put("weight", new Spec("kg", 1, "20", "300", Map.of()));
        SPECS.put("bmi", new Spec("kg/m2", 1, "10", "80", Map.of()));
        SPECS.put("waist", new Spec("cm", 1, "40", "200", Map.of("[in_i]", new String[] {"2.54", "x"})));
        SPECS.put("systolic_bp", new Spec("mm[Hg]", 0, "50", "300", Map.of()));
        SPECS.put("diastolic_bp", new Spec("mm[Hg]", 0, "20", "200", Map.of()));
        SPECS.put("hemoglobin", new Spec("g/dL", 1, "3", "25", Map.of("g/L", new String[] {"0.1", "x"})));
        SPECS.put("fasting_glucose", new Spec("mg/dL", 0, "20", "1000", Map.of("mmol/L", new String[] {"18.016", "x"})));
        SPECS.put("total_cholesterol", new Spec("mg/dL", 0, "50", "1000", Map.of("mmol/L", new String[] {"38.67", "x"})));
        SPECS.put("hdl", new Spec("mg/dL", 0, "5", "200", Map.of("mmol/L", new String[] {"38.67", "x"})));
        SPECS.put("triglycerides", new Spec("mg/dL", 0, "10", "10000", Map.of("mmol/L", new String[] {"88.57", "x"})));
        SPECS.put("ldl", new Spec("mg/dL", 0, "10", "600", Map.of("mmol/L", new String[] {"38.67", "x"})));
        SPECS.put("ast", new Spec("U/L", 0, "1", "10000", Map.of()));
        SPECS.put("alt", new Spec("U/L", 0, "1", "10000", Map.of()));
        SPECS.put("ggt", new Spec("U/L", 0, "1", "10000", Map.of()));
        SPECS.put("creatinine", new Spec("mg/dL", 2, "0.1", "30", Map.of("umol/L", new String[] {"88.42", "/"})));
        SPECS.put("egfr", new Spec("mL/min/{1.73_m2}", 0, "1", "250", Map.of()));
    }

    static boolean coded(String item) {
        return item.equals("urine_protein") || item.equals("chest_xray");
    }

    // ------------------------------------------------------------------------------------------------ §2/§3 bands

    static final String A = "NORMAL_A";
    static final String B = "NORMAL_B";
    static final String S = "DISEASE_SUSPECT";
    static final String U = "UNCLASSIFIED";

    private static boolean lt(BigDecimal v, String x) {
        return v.compareTo(new BigDecimal(x)) < 0;
    }

    private static boolean le(BigDecimal v, String x) {
        return v.compareTo(new BigDecimal(x)) <= 0;
    }

    /** The band of a valid quantity (§2 table, §3 boundaries); null when the table cannot judge it (no sex). */
    static String band(String item, BigDecimal v, String sex) {
        boolean male = "male".equals(sex);
        boolean female = "female".equals(sex);
        switch (item) {
            case "systolic_bp": return lt(v, "120") ? A : lt(v, "140") ? B : S;
            case "diastolic_bp": return lt(v, "80") ? A : lt(v, "90") ? B : S;
            case "bmi": return lt(v, "18.5") ? B : lt(v, "25") ? A : lt(v, "30") ? B : S;
            case "waist":
                if (male) return lt(v, "90") ? A : S;
                if (female) return lt(v, "85") ? A : S;
                return null;
            case "hemoglobin":
                if (male) return lt(v, "12.0") ? S : lt(v, "13.0") ? B : le(v, "16.5") ? A : U;
                if (female) return lt(v, "10.0") ? S : lt(v, "12.0") ? B : le(v, "15.5") ? A : U;
                return null;
            case "fasting_glucose": return lt(v, "100") ? A : lt(v, "126") ? B : S;
            case "total_cholesterol": return lt(v, "200") ? A : lt(v, "240") ? B : S;
            case "hdl": return lt(v, "40") ? S : lt(v, "60") ? B : A;
            case "triglycerides": return lt(v, "150") ? A : lt(v, "200") ? B : S;
            case "ldl": return lt(v, "130") ? A : lt(v, "160") ? B : S;
            case "ast": return le(v, "40") ? A : lt(v, "51") ? B : S;
            case "alt": return le(v, "35") ? A : lt(v, "46") ? B : S;
            case "ggt":
                if (male) return lt(v, "11") ? U : le(v, "63") ? A : lt(v, "78") ? B : S;
                if (female) return lt(v, "8") ? U : le(v, "35") ? A : lt(v, "46") ? B : S;
                return null;
            case "creatinine": return le(v, "1.5") ? A : S;
            case "egfr": return lt(v, "60") ? S : A;
            default: return null; // height, weight: measured, not judged
        }
    }

    static final Map<String, String> URINE = Map.of("167273002", "negative", "167274008", "trace",
            "167275009", "1+", "167276005", "2+", "167277001", "3+", "167278006", "4+");
    static final List<String> CXR = List.of("normal", "inactive_tb", "abnormal", "poor_image", "not_taken");

    static String codedBand(String item, String canonical) {
        if (item.equals("urine_protein")) {
            return canonical.equals("negative") ? A : canonical.equals("trace") ? B : S;
        }
        return switch (canonical) {
            case "normal" -> A;
            case "inactive_tb" -> B;
            case "abnormal" -> S;
            default -> null; // poor_image / not_taken: excluded from judgement
        };
    }

    // ------------------------------------------------------------------------------------------------ items (§5)

    /** One item after validation. */
    static final class Item {
        String status; // valid | invalid | missing | not_scheduled
        Object value; // BigDecimal or canonical code
        Object reportedValue;
        String reportedUnit;
        String invalidReason;
        String observationId;

        static Item missing() {
            Item i = new Item();
            i.status = "missing";
            return i;
        }

        static Item invalid(String reason, Object reportedValue, String reportedUnit, String observationId) {
            Item i = new Item();
            i.status = "invalid";
            i.invalidReason = reason;
            i.reportedValue = reportedValue;
            i.reportedUnit = reportedUnit;
            i.observationId = observationId;
            return i;
        }

        static Item valid(Object value, Object reportedValue, String reportedUnit, String observationId) {
            Item i = new Item();
            i.status = "valid";
            i.value = value;
            i.reportedValue = reportedValue;
            i.reportedUnit = reportedUnit;
            i.observationId = observationId;
            return i;
        }

        boolean valid() {
            return "valid".equals(status);
        }
    }

    static Item validate(String item, Reading r) {
        if (r == null || r.kind() == Kind.DATA_ABSENT) {
            return Item.missing();
        }
        String id = r.observationId();
        if (coded(item)) {
            if (r.kind() == Kind.CODE) {
                String expected = item.equals("urine_protein") ? SNOMED : CXR_SYSTEM;
                String canonical = !expected.equals(r.system()) ? null
                        : item.equals("urine_protein") ? URINE.get(r.code())
                        : CXR.contains(r.code()) ? r.code() : null;
                return canonical == null ? Item.invalid("unrecognized_code", r.code(), null, id)
                        : Item.valid(canonical, r.code(), null, id);
            }
            return Item.invalid("unrecognized_code", r.text(), null, id);
        }
        Spec spec = SPECS.get(item);
        switch (r.kind()) {
            case VALUE_STRING: return Item.invalid("non_numeric", r.text(), null, id);
            case QUANTITY_STRING: return Item.invalid("non_numeric", r.text(), r.unit(), id);
            case VALUE_INTEGER: return Item.invalid("missing_unit", r.number(), null, id);
            case CODE: return Item.invalid("non_numeric", r.code(), null, id);
            default: break;
        }
        BigDecimal v = r.number();
        if (r.unit() == null) {
            return Item.invalid("missing_unit", v, null, id);
        }
        String[] conversion = spec.alternatives().get(r.unit());
        if (!r.unit().equals(spec.unit()) && conversion == null) {
            return Item.invalid("unit_not_allowed", v, r.unit(), id);
        }
        if (v.signum() < 0) {
            return Item.invalid("negative_value", v, r.unit(), id);
        }
        BigDecimal canonical = v;
        if (conversion != null) {
            BigDecimal factor = new BigDecimal(conversion[0]);
            canonical = conversion[1].equals("x")
                    ? v.multiply(factor).setScale(spec.scale(), RoundingMode.HALF_UP)
                    : v.divide(factor, spec.scale(), RoundingMode.HALF_UP);
        }
        if (lt(canonical, spec.min()) || canonical.compareTo(new BigDecimal(spec.max())) > 0) {
            return Item.invalid("implausible_value", v, r.unit(), id);
        }
        return Item.valid(canonical, v, r.unit(), id);
    }

    /** §2 lipid schedule (L): men ≥24, women ≥40, due when (exam year − birth year) % 4 == 0. */
    static boolean lipidsDue(Screening s) {
        if (s.sex == null || s.birthDate == null || s.examDate == null) {
            return true;
        }
        int age = s.examDate.getYear() - s.birthDate.getYear();
        int min = s.sex.equals("male") ? 24 : 40;
        return age >= min && age % 4 == 0;
    }

    enum Disease { HYPERTENSION, DIABETES, DYSLIPIDEMIA, TUBERCULOSIS, OTHER }

    /** §4.3 / API: Conditions with an active MedicationStatement; I10 / E11 / E78 / A15 (ICD-10 or KCD-8). */
    static Set<Disease> treated(Screening s) {
        Set<Disease> out = EnumSet.noneOf(Disease.class);
        for (Treatment t : s.treatments) {
            if (!"active".equals(t.medicationStatus())) {
                continue;
            }
            String c = t.code() == null ? "" : t.code().toUpperCase();
            boolean icd = ICD10.equals(t.system()) || KCD8.equals(t.system());
            if (icd && c.startsWith("I10")) {
                out.add(Disease.HYPERTENSION);
            } else if (icd && c.startsWith("E11")) {
                out.add(Disease.DIABETES);
            } else if (icd && c.startsWith("E78")) {
                out.add(Disease.DYSLIPIDEMIA);
            } else if (icd && c.startsWith("A15")) {
                out.add(Disease.TUBERCULOSIS);
            } else {
                out.add(Disease.OTHER);
            }
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------------ judgement

    static ObjectNode judge(Screening s) {
        Map<String, Item> items = new LinkedHashMap<>();
        for (String key : ITEMS) {
            items.put(key, validate(key, s.readings.get(key)));
        }
        // §4.2 / §5: DBP ≥ SBP makes both components invalid (last validity rule: only when both passed the others)
        Item sbp = items.get("systolic_bp");
        Item dbp = items.get("diastolic_bp");
        if (sbp.valid() && dbp.valid() && ((BigDecimal) dbp.value).compareTo((BigDecimal) sbp.value) >= 0) {
            for (String k : List.of("systolic_bp", "diastolic_bp")) {
                Item i = items.get(k);
                items.put(k, Item.invalid("bp_diastolic_ge_systolic", i.reportedValue, i.reportedUnit, i.observationId));
            }
        }
        // §3: BMI computed from weight / height² only when the reported BMI is absent
        if (items.get("bmi").status.equals("missing") && items.get("height").valid() && items.get("weight").valid()) {
            BigDecimal m = ((BigDecimal) items.get("height").value).divide(new BigDecimal(100));
            BigDecimal bmi = ((BigDecimal) items.get("weight").value).divide(m.multiply(m), 1, RoundingMode.HALF_UP);
            items.put("bmi", lt(bmi, "10") || bmi.compareTo(new BigDecimal(80)) > 0
                    ? Item.invalid("implausible_value", null, null, null) : Item.valid(bmi, null, null, null));
        }
        boolean due = lipidsDue(s);
        if (!due) {
            for (String k : LIPIDS) {
                Item i = items.get(k);
                Item n = new Item();
                n.status = "not_scheduled";
                n.value = i.valid() ? i.value : null; // measured anyway: shown, not judged
                n.reportedValue = i.reportedValue;
                n.reportedUnit = i.reportedUnit;
                n.observationId = i.observationId;
                items.put(k, n);
            }
        }

        // item bands
        Map<String, String> itemCategory = new LinkedHashMap<>();
        for (String key : ITEMS) {
            Item i = items.get(key);
            itemCategory.put(key, !i.valid() ? null
                    : coded(key) ? codedBand(key, (String) i.value) : band(key, (BigDecimal) i.value, s.sex));
        }

        // units
        Map<String, String[]> units = new LinkedHashMap<>(); // {category, note}
        for (String unit : UNITS) {
            if (unit.equals("blood_pressure")) {
                units.put(unit, bloodPressure(sbp = items.get("systolic_bp"), dbp = items.get("diastolic_bp"),
                        itemCategory.get("systolic_bp"), itemCategory.get("diastolic_bp")));
                continue;
            }
            Item i = items.get(unit);
            String cat = itemCategory.get(unit);
            String note = switch (i.status) {
                case "missing" -> "missing";
                case "invalid" -> "invalid";
                case "not_scheduled" -> "not_scheduled";
                default -> cat == null ? "not_judged" : null;
            };
            units.put(unit, new String[] {cat, note});
        }

        // §4.3 flags
        Set<Disease> treated = treated(s);
        List<String> flags = new ArrayList<>();
        if (!treated.isEmpty()) {
            flags.add("KNOWN_DISEASE");
        }
        boolean cardio = false;
        boolean general = false;
        for (String unit : UNITS) {
            if (!S.equals(units.get(unit)[0])) {
                continue;
            }
            Disease d = switch (unit) {
                case "blood_pressure" -> Disease.HYPERTENSION;
                case "fasting_glucose" -> Disease.DIABETES;
                case "total_cholesterol", "hdl", "triglycerides", "ldl" -> Disease.DYSLIPIDEMIA;
                default -> null;
            };
            if (d == null) {
                general = true;
            } else if (!treated.contains(d)) {
                cardio = true;
            } else {
                units.get(unit)[1] = "under_treatment"; // contract: a treated disease's 질환의심 unit is not suspected
            }
        }
        if (cardio) {
            flags.add("CARDIOMETABOLIC_SUSPECT");
        }
        if (general) {
            flags.add("GENERAL_SUSPECT");
        }
        String primary;
        if (!flags.isEmpty()) {
            primary = flags.get(0); // precedence KNOWN_DISEASE > CARDIOMETABOLIC_SUSPECT > GENERAL_SUSPECT (§4.4)
        } else if (units.values().stream().anyMatch(u -> B.equals(u[0]))) {
            primary = "NORMAL_B";
        } else if (units.values().stream().anyMatch(u -> u[0] != null)) {
            primary = "NORMAL_A";
        } else {
            primary = "UNDETERMINED";
        }
        if (flags.isEmpty()) {
            flags.add(primary);
        }

        // §4.4 worst item (ignoring exemptions): S > U > B > A
        String worst = null;
        for (String c : List.of(S, U, B, A)) {
            if (units.values().stream().anyMatch(u -> c.equals(u[0]))) {
                worst = c;
                break;
            }
        }
        // §4.5
        boolean cxrNotJudged = "not_judged".equals(units.get("chest_xray")[1]);
        boolean complete = !cxrNotJudged;
        for (String key : ITEMS) {
            if (key.equals("height") || key.equals("weight") || (LIPIDS.contains(key) && !due)) {
                continue;
            }
            String st = items.get(key).status;
            if (st.equals("missing") || st.equals("invalid")) {
                complete = false;
            }
        }
        boolean review = cxrNotJudged
                || units.values().stream().anyMatch(u -> U.equals(u[0]))
                || items.values().stream().anyMatch(i -> i.status.equals("invalid"));

        // contract JSON
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("ruleset", "KR-NHIS-GHS-2026");
        ObjectNode itemsNode = root.putObject("items");
        for (String key : ITEMS) {
            Item i = items.get(key);
            ObjectNode n = itemsNode.putObject(key);
            n.put("status", i.status);
            n.put("category", itemCategory.get(key));
            putValue(n, "value", i.value);
            n.put("unit", coded(key) ? null : SPECS.get(key).unit());
            putValue(n, "reportedValue", i.reportedValue);
            n.put("reportedUnit", i.reportedUnit);
            n.put("invalidReason", i.invalidReason);
            n.put("observationId", i.observationId);
        }
        ObjectNode unitsNode = root.putObject("judgements");
        for (String unit : UNITS) {
            ObjectNode n = unitsNode.putObject(unit);
            n.put("category", units.get(unit)[0]);
            n.put("note", units.get(unit)[1]);
        }
        ObjectNode overall = root.putObject("overall");
        overall.put("primary", primary);
        ArrayNode fl = overall.putArray("flags");
        flags.forEach(fl::add);
        overall.put("worstItemCategory", worst);
        overall.put("complete", complete);
        overall.put("needsPhysicianReview", review);
        return root;
    }

    /** §4.2 BP pair rule. */
    private static String[] bloodPressure(Item sbp, Item dbp, String cs, String cd) {
        if (S.equals(cs) || S.equals(cd)) {
            return new String[] {S, null}; // the table says "or"
        }
        if (!sbp.valid() && !dbp.valid()) {
            boolean invalid = sbp.status.equals("invalid") || dbp.status.equals("invalid");
            return new String[] {null, invalid ? "invalid" : "missing"};
        }
        if (!sbp.valid() || !dbp.valid()) {
            return new String[] {null, "incomplete_pair"};
        }
        return new String[] {B.equals(cs) || B.equals(cd) ? B : A, null};
    }

    private static void putValue(ObjectNode n, String field, Object v) {
        if (v == null) {
            n.putNull(field);
        } else if (v instanceof BigDecimal d) {
            n.put(field, d);
        } else {
            n.put(field, v.toString());
        }
    }

    private ReferenceJudgement() {
    }
}
