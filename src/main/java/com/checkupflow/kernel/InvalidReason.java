package com.checkupflow.kernel;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Validity rules of screening-criteria.md §5, in the order they are checked, and {@code conflicting_values}: a project
 * extension of the contract (docs/intake-validation.md) for two different readings of one item in one Bundle.
 */
public enum InvalidReason {
    NON_NUMERIC, MISSING_UNIT, UNIT_NOT_ALLOWED, NEGATIVE_VALUE, IMPLAUSIBLE_VALUE,
    BP_DIASTOLIC_GE_SYSTOLIC, UNRECOGNIZED_CODE, CONFLICTING_VALUES;

    @JsonValue
    public String json() {
        return name().toLowerCase();
    }
}
