package com.checkupflow.kernel;

/**
 * Diseases recognised from a Condition with an active MedicationStatement (유질환자). OTHER covers any
 * other treated condition: it still makes the person KNOWN_DISEASE but exempts no judgement unit.
 */
public enum TreatedDisease {
    HYPERTENSION, DIABETES, DYSLIPIDEMIA, TUBERCULOSIS, OTHER
}
