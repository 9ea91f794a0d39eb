package com.checkupflow.kernel;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The intake normalizer's unit knowledge ({@link ItemCatalog}) for readers that convert a stated value (the draft
 * check): which units an item is accepted in and how a value converts to the canonical unit.
 */
public final class ItemUnits {

    private static final int EXTRA_SCALE = 4;

    private ItemUnits() {
    }

    /**
     * The value in the item's canonical unit, when the normalizer accepts the unit (written as people write it:
     * "mg/dL", "mmol/L", "µmol/L", "mmHg", "inch") for the item; empty for other units and for coded items. The
     * result keeps four decimals more than the item's scale, so callers can compare at the precision stated.
     */
    public static Optional<BigDecimal> toCanonical(ItemKey key, String unit, BigDecimal value) {
        if (key.coded() || unit == null) {
            return Optional.empty();
        }
        return ItemCatalog.resolveUnit(key, unit, false).map(match -> match.conversion() == null ? value
                : match.conversion().apply(value, key.scale() + EXTRA_SCALE));
    }
}
