package com.checkupflow.kernel;

import java.math.BigDecimal;

/**
 * One measured item after normalization.
 *
 * @param value          canonical value for quantities (converted and rounded to {@link ItemKey#scale()} when
 *                       the unit was converted, otherwise as reported); null unless status is VALID
 * @param code           canonical code for coded items: urine protein {@code negative|trace|1+|2+|3+|4+},
 *                       chest X-ray {@code normal|inactive_tb|abnormal|poor_image|not_taken}; null otherwise
 * @param reportedValue  the value as it arrived (a number, or the raw code / string); null when missing
 * @param reportedUnit   the UCUM code as it arrived; null when missing or coded
 * @param observationId  the id of the source Observation (without resource type), null when computed or missing
 */
public record CanonicalItem(
        ItemKey key,
        ItemStatus status,
        BigDecimal value,
        String code,
        Object reportedValue,
        String reportedUnit,
        InvalidReason invalidReason,
        String observationId) {

    public static CanonicalItem missing(ItemKey key) {
        return new CanonicalItem(key, ItemStatus.MISSING, null, null, null, null, null, null);
    }

    public boolean valid() {
        return status == ItemStatus.VALID;
    }

    /** The unit of {@link #value()}: the canonical unit for quantities, null for coded items. */
    public String unit() {
        return key.coded() ? null : key.canonicalUnit();
    }
}
