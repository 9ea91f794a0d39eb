package com.checkupflow.ai;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/** Numbers and units as they are printed in a draft and read back by the checker. */
public final class Values {

    /** UCUM code → how it is printed. Codes not listed are printed as they are. */
    private static final Map<String, String> UNIT_LABELS = Map.of(
            "mm[Hg]", "mmHg",
            "kg/m2", "kg/m²",
            "mL/min/{1.73_m2}", "mL/min/1.73m²",
            "umol/L", "µmol/L",
            "[in_i]", "inch");

    private Values() {
    }

    /** The value as a decimal: numbers, and strings holding a plain number; empty otherwise (codes, null). */
    public static Optional<BigDecimal> decimal(Object value) {
        if (value instanceof BigDecimal d) {
            return Optional.of(d);
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return Double.isFinite(d) ? Optional.of(BigDecimal.valueOf(d)) : Optional.empty();
        }
        if (value instanceof Number n) {
            return Optional.of(new BigDecimal(n.toString()));
        }
        if (value instanceof String s && s.trim().matches("-?\\d+(?:\\.\\d+)?")) {
            return Optional.of(new BigDecimal(s.trim()));
        }
        return Optional.empty();
    }

    /** Plain notation without trailing zeros: 131.0 → "131", 1.52 → "1.52", 27.30 → "27.3". */
    public static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    public static String unitLabel(String ucum) {
        return ucum == null ? "" : UNIT_LABELS.getOrDefault(ucum, ucum);
    }
}
