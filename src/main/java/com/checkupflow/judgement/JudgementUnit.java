package com.checkupflow.judgement;

import java.util.List;

import com.checkupflow.kernel.ItemKey;
import com.checkupflow.kernel.TargetDisease;

/**
 * The 16 judgement units of screening-criteria.md §4. {@link #decisionKey()} is the id of the unit's
 * decision in {@code processes/screening-judgement.dmn}.
 */
public enum JudgementUnit {
    BLOOD_PRESSURE("blood_pressure", List.of(ItemKey.SYSTOLIC_BP, ItemKey.DIASTOLIC_BP), TargetDisease.HYPERTENSION),
    BMI("bmi", List.of(ItemKey.BMI), TargetDisease.OBESITY),
    WAIST("waist", List.of(ItemKey.WAIST), TargetDisease.ABDOMINAL_OBESITY),
    HEMOGLOBIN("hemoglobin", List.of(ItemKey.HEMOGLOBIN), TargetDisease.ANEMIA),
    FASTING_GLUCOSE("fasting_glucose", List.of(ItemKey.FASTING_GLUCOSE), TargetDisease.DIABETES),
    TOTAL_CHOLESTEROL("total_cholesterol", List.of(ItemKey.TOTAL_CHOLESTEROL), TargetDisease.DYSLIPIDEMIA),
    HDL("hdl", List.of(ItemKey.HDL), TargetDisease.DYSLIPIDEMIA),
    TRIGLYCERIDES("triglycerides", List.of(ItemKey.TRIGLYCERIDES), TargetDisease.DYSLIPIDEMIA),
    LDL("ldl", List.of(ItemKey.LDL), TargetDisease.DYSLIPIDEMIA),
    AST("ast", List.of(ItemKey.AST), TargetDisease.LIVER_DISEASE),
    ALT("alt", List.of(ItemKey.ALT), TargetDisease.LIVER_DISEASE),
    GGT("ggt", List.of(ItemKey.GGT), TargetDisease.LIVER_DISEASE),
    URINE_PROTEIN("urine_protein", List.of(ItemKey.URINE_PROTEIN), TargetDisease.KIDNEY_DISEASE),
    CREATININE("creatinine", List.of(ItemKey.CREATININE), TargetDisease.KIDNEY_DISEASE),
    EGFR("egfr", List.of(ItemKey.EGFR), TargetDisease.KIDNEY_DISEASE),
    CHEST_XRAY("chest_xray", List.of(ItemKey.CHEST_XRAY), TargetDisease.CHEST_DISEASE);

    private final String json;
    private final List<ItemKey> items;
    private final TargetDisease targetDisease;

    JudgementUnit(String json, List<ItemKey> items, TargetDisease targetDisease) {
        this.json = json;
        this.items = items;
        this.targetDisease = targetDisease;
    }

    public String json() {
        return json;
    }

    public List<ItemKey> items() {
        return items;
    }

    public TargetDisease targetDisease() {
        return targetDisease;
    }

    public String decisionKey() {
        return json;
    }

    /** The DMN output variable holding this unit's category (e.g. {@code bloodPressureCategory}). */
    public String categoryVariable() {
        return camel() + "Category";
    }

    /** The DMN output variable holding this unit's note (e.g. {@code bloodPressureNote}). */
    public String noteVariable() {
        return camel() + "Note";
    }

    private String camel() {
        StringBuilder sb = new StringBuilder();
        boolean upper = false;
        for (char c : json.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                sb.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return sb.toString();
    }
}
