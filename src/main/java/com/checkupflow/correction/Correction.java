package com.checkupflow.correction;

import java.math.BigDecimal;

import com.checkupflow.kernel.ItemKey;

/**
 * A nurse's decision on one invalid item: a corrected value in the canonical unit, a corrected code for coded
 * items, or "not measured".
 */
record Correction(ItemKey key, boolean notMeasured, BigDecimal value, String code) {
}
