package com.checkupflow.kernel;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the intake's normalizer (and the judgement's check of a corrected value) knows about each item
 * (screening-criteria.md §2, §5; fhir-input-and-judgement-api.md): accepted units with their conversion to the
 * canonical unit, plausibility windows and the chest X-ray codes (the LOINC and SNOMED codes are in
 * {@link Terminology}).
 */
public final class ItemCatalog {

    /** A unit other than the canonical one, converted by multiplying or dividing by {@code factor}. */
    public record Conversion(BigDecimal factor, boolean divide) {

        /** Converts and rounds HALF_UP to the item's scale. */
        public BigDecimal apply(BigDecimal value, int scale) {
            return divide
                    ? value.divide(factor, scale, RoundingMode.HALF_UP)
                    : value.multiply(factor).setScale(scale, RoundingMode.HALF_UP);
        }
    }

    /** An accepted unit; {@code conversion} is null when the unit is the canonical one. */
    public record UnitMatch(Conversion conversion) {
    }

    /** Quantity item: inclusive plausibility window in the canonical unit and the accepted alternative units. */
    public record QuantitySpec(BigDecimal min, BigDecimal max, Map<String, Conversion> alternatives) {

        public boolean plausible(BigDecimal canonical) {
            return canonical.compareTo(min) >= 0 && canonical.compareTo(max) <= 0;
        }
    }

    private static final Map<ItemKey, QuantitySpec> QUANTITIES = new EnumMap<>(ItemKey.class);
    private static final List<String> CHEST_XRAY = List.of("normal", "inactive_tb", "abnormal", "poor_image", "not_taken");

    static {
        Conversion lipidMmol = times("38.67");
        quantity(ItemKey.HEIGHT, "100", "250", Map.of());
        quantity(ItemKey.WEIGHT, "20", "300", Map.of());
        quantity(ItemKey.BMI, "10", "80", Map.of());
        quantity(ItemKey.WAIST, "40", "200", Map.of("[in_i]", times("2.54")));
        quantity(ItemKey.SYSTOLIC_BP, "50", "300", Map.of());
        quantity(ItemKey.DIASTOLIC_BP, "20", "200", Map.of());
        quantity(ItemKey.HEMOGLOBIN, "3", "25", Map.of("g/L", times("0.1")));
        quantity(ItemKey.FASTING_GLUCOSE, "20", "1000", Map.of("mmol/L", times("18.016")));
        quantity(ItemKey.TOTAL_CHOLESTEROL, "50", "1000", Map.of("mmol/L", lipidMmol));
        quantity(ItemKey.HDL, "5", "200", Map.of("mmol/L", lipidMmol));
        quantity(ItemKey.TRIGLYCERIDES, "10", "10000", Map.of("mmol/L", times("88.57")));
        quantity(ItemKey.LDL, "10", "600", Map.of("mmol/L", lipidMmol));
        quantity(ItemKey.AST, "1", "10000", Map.of());
        quantity(ItemKey.ALT, "1", "10000", Map.of());
        quantity(ItemKey.GGT, "1", "10000", Map.of());
        quantity(ItemKey.CREATININE, "0.1", "30", Map.of("umol/L", new Conversion(new BigDecimal("88.42"), true)));
        quantity(ItemKey.EGFR, "1", "250", Map.of());
    }

    private ItemCatalog() {
    }

    private static Conversion times(String factor) {
        return new Conversion(new BigDecimal(factor), false);
    }

    private static void quantity(ItemKey key, String min, String max, Map<String, Conversion> alternatives) {
        QUANTITIES.put(key, new QuantitySpec(new BigDecimal(min), new BigDecimal(max), alternatives));
    }

    public static QuantitySpec quantitySpec(ItemKey key) {
        return QUANTITIES.get(key);
    }

    /**
     * Resolves a reported unit for an item. Returns empty when the unit is not accepted.
     *
     * @param fromCode true for the UCUM {@code code} (matched exactly); false for the free-text {@code unit}
     *                 fallback (matched ignoring case, µ as u, and "mmHg" for mm[Hg])
     */
    public static Optional<UnitMatch> resolveUnit(ItemKey key, String unit, boolean fromCode) {
        QuantitySpec spec = QUANTITIES.get(key);
        if (fromCode) {
            if (unit.equals(key.canonicalUnit())) {
                return Optional.of(new UnitMatch(null));
            }
            return Optional.ofNullable(spec.alternatives().get(unit)).map(UnitMatch::new);
        }
        String text = normalizeText(unit);
        if (text.equals(normalizeText(key.canonicalUnit()))) {
            return Optional.of(new UnitMatch(null));
        }
        return spec.alternatives().entrySet().stream()
                .filter(e -> normalizeText(e.getKey()).equals(text))
                .findFirst()
                .map(e -> new UnitMatch(e.getValue()));
    }

    private static String normalizeText(String unit) {
        String u = unit.trim().toLowerCase(Locale.ROOT).replace('µ', 'u').replace('μ', 'u');
        return switch (u) {
            case "mmhg" -> "mm[hg]";
            case "in", "inch", "inches" -> "[in_i]";
            case "kg/m²" -> "kg/m2";
            default -> u;
        };
    }

    /** The chest X-ray code if it is one of the project code system's codes, or null. */
    public static String chestXray(String code) {
        return code != null && CHEST_XRAY.contains(code) ? code : null;
    }
}
