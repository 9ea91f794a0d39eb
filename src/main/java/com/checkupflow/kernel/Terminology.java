package com.checkupflow.kernel;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The code systems and codes a screening is written in (fhir-input-and-judgement-api.md): what intake reads, the
 * FHIR export writes and the demo generator sends.
 */
public final class Terminology {

    public static final String LOINC = "http://loinc.org";
    public static final String SNOMED = "http://snomed.info/sct";
    public static final String UCUM = "http://unitsofmeasure.org";
    public static final String ICD10 = "http://hl7.org/fhir/sid/icd-10";
    public static final String KCD8 = "http://www.hl7korea.or.kr/CodeSystem/kostat-kcd-8";
    public static final String CHEST_XRAY_SYSTEM = "https://example.org/fhir/CodeSystem/kr-nhis-chest-xray-result";
    /** The blood-pressure panel, whose components carry the systolic and diastolic values. */
    public static final String BP_PANEL_LOINC = "85354-9";

    /** Per item its LOINC codes; the first is the one we write. */
    private static final Map<ItemKey, List<String>> LOINC_CODES = new EnumMap<>(ItemKey.class);
    private static final Map<String, ItemKey> BY_LOINC = new HashMap<>();
    /** Urine protein: our code → SNOMED CT. */
    private static final Map<String, String> URINE_PROTEIN_SNOMED = new LinkedHashMap<>();
    private static final Map<String, String> URINE_PROTEIN_BY_SNOMED = new HashMap<>();

    static {
        loinc(ItemKey.HEIGHT, "8302-2");
        loinc(ItemKey.WEIGHT, "29463-7");
        loinc(ItemKey.BMI, "39156-5");
        loinc(ItemKey.WAIST, "8280-0");
        loinc(ItemKey.SYSTOLIC_BP, "8480-6");
        loinc(ItemKey.DIASTOLIC_BP, "8462-4");
        loinc(ItemKey.HEMOGLOBIN, "718-7");
        loinc(ItemKey.FASTING_GLUCOSE, "1558-6");
        loinc(ItemKey.TOTAL_CHOLESTEROL, "2093-3");
        loinc(ItemKey.HDL, "2085-9");
        loinc(ItemKey.LDL, "13457-7", "18262-6");
        loinc(ItemKey.TRIGLYCERIDES, "2571-8");
        loinc(ItemKey.AST, "1920-8");
        loinc(ItemKey.ALT, "1742-6");
        loinc(ItemKey.GGT, "2324-2");
        loinc(ItemKey.CREATININE, "2160-0");
        loinc(ItemKey.EGFR, "33914-3", "62238-1", "98979-8", "77147-7");
        loinc(ItemKey.URINE_PROTEIN, "20454-5");
        loinc(ItemKey.CHEST_XRAY, "36554-4");

        urineProtein("negative", "167273002");
        urineProtein("trace", "167274008");
        urineProtein("1+", "167275009");
        urineProtein("2+", "167276005");
        urineProtein("3+", "167277001");
        urineProtein("4+", "167278006");
    }

    private Terminology() {
    }

    private static void loinc(ItemKey key, String... codes) {
        LOINC_CODES.put(key, List.of(codes));
        for (String code : codes) {
            BY_LOINC.put(code, key);
        }
    }

    private static void urineProtein(String code, String snomed) {
        URINE_PROTEIN_SNOMED.put(code, snomed);
        URINE_PROTEIN_BY_SNOMED.put(snomed, code);
    }

    /** The LOINC code we write for the item. */
    public static String loinc(ItemKey key) {
        return LOINC_CODES.get(key).get(0);
    }

    /** The item a LOINC code measures; empty for unknown codes and for the BP panel itself. */
    public static Optional<ItemKey> byLoinc(String code) {
        return Optional.ofNullable(code == null ? null : BY_LOINC.get(code));
    }

    /** The SNOMED CT code of a urine-protein result ({@code negative}, {@code trace}, {@code 1+} … {@code 4+}). */
    public static String urineProteinSnomed(String code) {
        return URINE_PROTEIN_SNOMED.get(code);
    }

    /** Our urine-protein code for a SNOMED CT code, or null. */
    public static String urineProtein(String snomed) {
        return snomed == null ? null : URINE_PROTEIN_BY_SNOMED.get(snomed);
    }
}
