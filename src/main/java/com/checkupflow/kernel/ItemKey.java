package com.checkupflow.kernel;

import java.util.Arrays;
import java.util.Optional;

/**
 * The measured items of a screening, in the order of the judgement contract. {@link #json()} is the
 * key in the judgement JSON; {@link #variable()} is the DMN input variable carrying the canonical value.
 */
public enum ItemKey {
    HEIGHT("height", "height", "cm", 1),
    WEIGHT("weight", "weight", "kg", 1),
    BMI("bmi", "bmi", "kg/m2", 1),
    WAIST("waist", "waist", "cm", 1),
    SYSTOLIC_BP("systolic_bp", "systolicBp", "mm[Hg]", 0),
    DIASTOLIC_BP("diastolic_bp", "diastolicBp", "mm[Hg]", 0),
    HEMOGLOBIN("hemoglobin", "hemoglobin", "g/dL", 1),
    FASTING_GLUCOSE("fasting_glucose", "fastingGlucose", "mg/dL", 0),
    TOTAL_CHOLESTEROL("total_cholesterol", "totalCholesterol", "mg/dL", 0),
    HDL("hdl", "hdl", "mg/dL", 0),
    TRIGLYCERIDES("triglycerides", "triglycerides", "mg/dL", 0),
    LDL("ldl", "ldl", "mg/dL", 0),
    AST("ast", "ast", "U/L", 0),
    ALT("alt", "alt", "U/L", 0),
    GGT("ggt", "ggt", "U/L", 0),
    CREATININE("creatinine", "creatinine", "mg/dL", 2),
    EGFR("egfr", "egfr", "mL/min/{1.73_m2}", 0),
    URINE_PROTEIN("urine_protein", "urineProtein", null, -1),
    CHEST_XRAY("chest_xray", "chestXray", null, -1);

    private final String json;
    private final String variable;
    private final String canonicalUnit;
    private final int scale;

    ItemKey(String json, String variable, String canonicalUnit, int scale) {
        this.json = json;
        this.variable = variable;
        this.canonicalUnit = canonicalUnit;
        this.scale = scale;
    }

    public String json() {
        return json;
    }

    public String variable() {
        return variable;
    }

    /** UCUM code of the canonical unit; null for coded items. */
    public String canonicalUnit() {
        return canonicalUnit;
    }

    /** Decimal places the item is reported with; converted values are rounded to it. -1 for coded items. */
    public int scale() {
        return scale;
    }

    public boolean coded() {
        return canonicalUnit == null;
    }

    public boolean lipid() {
        return this == TOTAL_CHOLESTEROL || this == HDL || this == TRIGLYCERIDES || this == LDL;
    }

    public static Optional<ItemKey> fromJson(String json) {
        return Arrays.stream(values()).filter(k -> k.json.equals(json)).findFirst();
    }
}
