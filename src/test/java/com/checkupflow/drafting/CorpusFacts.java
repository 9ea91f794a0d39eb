package com.checkupflow.drafting;

import com.checkupflow.judgement.Judgement;
import com.checkupflow.judgement.JudgementUnit;
import com.checkupflow.kernel.Category;
import com.checkupflow.kernel.ItemKey;
import com.checkupflow.kernel.ItemStatus;
import com.checkupflow.kernel.TargetDisease;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a writer of the evaluation corpus knows about one screening: the judged items as a model would read
 * them from its input (key, category, value, unit, observation id). Deliberately independent of the checker:
 * the display units, the conversions and the reference limits below are the corpus' own, taken from
 * screening-criteria.md and the units a laboratory report uses.
 */
final class CorpusFacts {

    /** One judged item. {@code value} is null for coded items (urine protein, chest X-ray), {@code code} otherwise. */
    record Fact(ItemKey key, Category category, BigDecimal value, String code, String observationId,
                BigDecimal reportedValue, String reportedUnit) {

        boolean abnormal() {
            return category == Category.NORMAL_B || category == Category.DISEASE_SUSPECT || category == Category.UNCLASSIFIED;
        }

        boolean suspect() {
            return category == Category.DISEASE_SUSPECT;
        }

        boolean quantity() {
            return value != null;
        }

        /** Below its normal band (low HDL, haemoglobin, eGFR, underweight, GGT under the table). */
        boolean low() {
            return switch (key) {
                case HDL, EGFR -> true;
                case HEMOGLOBIN -> category != Category.UNCLASSIFIED;
                case GGT -> category == Category.UNCLASSIFIED;
                case BMI -> value.compareTo(new BigDecimal("18.5")) < 0;
                default -> false;
            };
        }

        /** The value as a model copies it from its input: at the item's precision. */
        String valueText() {
            return format(value, key.scale());
        }

        /** The unit as people write it in a report. */
        String unitText() {
            return displayUnit(key);
        }

        JudgementUnit unit() {
            for (JudgementUnit u : JudgementUnit.values()) {
                if (u.items().contains(key)) {
                    return u;
                }
            }
            throw new IllegalStateException("no unit for " + key);
        }

        TargetDisease disease() {
            return unit().targetDisease();
        }

        boolean reportedInOtherUnit() {
            return reportedValue != null && reportedUnit != null && !reportedUnit.equals(key.canonicalUnit());
        }
    }

    /** A value in another unit a laboratory uses, correctly converted (factor applied to the canonical value). */
    record Converted(String value, String unit) {
    }

    private final Judgement judgement;
    private final List<Fact> facts = new ArrayList<>();
    private final Set<ItemKey> unmeasured = new LinkedHashSet<>();

    CorpusFacts(Judgement judgement) {
        this.judgement = judgement;
        for (Map.Entry<String, Judgement.Item> e : judgement.items().entrySet()) {
            ItemKey key = ItemKey.fromJson(e.getKey()).orElseThrow();
            Judgement.Item item = e.getValue();
            if (item.status() == ItemStatus.MISSING || item.status() == ItemStatus.NOT_SCHEDULED) {
                unmeasured.add(key);
            }
            if (item.status() != ItemStatus.VALID || item.category() == null || key == ItemKey.HEIGHT || key == ItemKey.WEIGHT) {
                continue;
            }
            boolean coded = key.coded();
            facts.add(new Fact(key, item.category(), coded ? null : decimal(item.value()), coded ? item.value().toString() : null,
                    item.observationId(), item.reportedValue() == null || coded ? null : decimal(item.reportedValue()),
                    item.reportedUnit()));
        }
    }

    Judgement judgement() {
        return judgement;
    }

    List<Fact> all() {
        return facts;
    }

    List<Fact> abnormal() {
        return facts.stream().filter(Fact::abnormal).toList();
    }

    List<Fact> normal() {
        return facts.stream().filter(f -> f.category() == Category.NORMAL_A).toList();
    }

    /** Items the screening includes but did not measure this time (missing, lipids not scheduled). */
    Set<ItemKey> unmeasured() {
        return unmeasured;
    }

    Optional<Fact> fact(ItemKey key) {
        return facts.stream().filter(f -> f.key() == key).findFirst();
    }

    boolean knownDisease() {
        return judgement.overall().flags().contains("KNOWN_DISEASE");
    }

    /** Every judgement unit has a category, or is not due (lipids outside their schedule): nothing applicable is unjudged. */
    boolean everyUnitJudged() {
        return judgement.judgements().values().stream().allMatch(u -> u.category() != null || "not_scheduled".equals(u.note()));
    }

    boolean allNormalA() {
        return abnormal().isEmpty() && "NORMAL_A".equals(judgement.overall().primary());
    }

    /** NORMAL_B is the worst category: "no major problem, but…" is the official meaning then. */
    boolean onlyBorderline() {
        return !abnormal().isEmpty() && abnormal().stream().allMatch(f -> f.category() == Category.NORMAL_B)
                && "NORMAL_B".equals(judgement.overall().primary());
    }

    /** The target diseases whose unit is borderline or suspect, in unit order. */
    List<TargetDisease> diseasesNeedingCare() {
        Set<TargetDisease> diseases = new LinkedHashSet<>();
        for (JudgementUnit unit : JudgementUnit.values()) {
            Judgement.UnitJudgement u = judgement.judgements().get(unit.json());
            if (u != null && (u.category() == Category.NORMAL_B || u.category() == Category.DISEASE_SUSPECT)) {
                diseases.add(unit.targetDisease());
            }
        }
        return List.copyOf(diseases);
    }

    /** Every number the judgement holds (canonical and reported values), at the precision of the text. */
    Set<String> numbers() {
        Set<String> numbers = new LinkedHashSet<>();
        for (Judgement.Item item : judgement.items().values()) {
            for (Object v : new Object[] {item.value(), item.reportedValue()}) {
                if (v != null) {
                    try {
                        BigDecimal d = decimal(v);
                        numbers.add(d.stripTrailingZeros().toPlainString());
                        numbers.add(d.setScale(0, RoundingMode.HALF_UP).toPlainString());
                    } catch (NumberFormatException codedValue) {
                        // a code such as "trace" carries no number
                    }
                }
            }
        }
        return numbers;
    }

    static BigDecimal decimal(Object value) {
        return new BigDecimal(value.toString());
    }

    static String format(BigDecimal value, int scale) {
        return value.setScale(Math.max(scale, 0), RoundingMode.HALF_UP).toPlainString();
    }

    static String displayUnit(ItemKey key) {
        return switch (key) {
            case SYSTOLIC_BP, DIASTOLIC_BP -> "mmHg";
            case BMI -> "kg/m²";
            case EGFR -> "mL/min/1.73m²";
            default -> key.canonicalUnit();
        };
    }

    /** The other units laboratories report an item in, with the value converted correctly. */
    static List<Converted> conversions(Fact f) {
        BigDecimal v = f.value();
        return switch (f.key()) {
            case FASTING_GLUCOSE -> List.of(new Converted(div(v, "18.016", 1), "mmol/L"));
            case TOTAL_CHOLESTEROL, HDL, LDL -> List.of(new Converted(div(v, "38.67", 1), "mmol/L"),
                    new Converted(div(v, "38.67", 2), "mmol/L"));
            case TRIGLYCERIDES -> List.of(new Converted(div(v, "88.57", 1), "mmol/L"));
            case CREATININE -> List.of(new Converted(v.multiply(new BigDecimal("88.42")).setScale(0, RoundingMode.HALF_UP).toPlainString(), "µmol/L"));
            case HEMOGLOBIN -> List.of(new Converted(v.multiply(BigDecimal.TEN).setScale(0, RoundingMode.HALF_UP).toPlainString(), "g/L"));
            case WAIST -> List.of(new Converted(div(v, "2.54", 1), "inch"));
            default -> List.of();
        };
    }

    private static String div(BigDecimal v, String factor, int scale) {
        return v.divide(new BigDecimal(factor), scale, RoundingMode.HALF_UP).toPlainString();
    }

    /** 정상A limit as a text, for the items whose band does not depend on sex; empty otherwise. */
    static Optional<String[]> normalRange(ItemKey key) {
        // {Korean, English}
        return Optional.ofNullable(switch (key) {
            case SYSTOLIC_BP -> new String[] {"120 mmHg 미만", "below 120 mmHg"};
            case DIASTOLIC_BP -> new String[] {"80 mmHg 미만", "below 80 mmHg"};
            case FASTING_GLUCOSE -> new String[] {"70~99 mg/dL", "70–99 mg/dL"};
            case TOTAL_CHOLESTEROL -> new String[] {"200 mg/dL 미만", "under 200 mg/dL"};
            case TRIGLYCERIDES -> new String[] {"150 mg/dL 미만", "under 150 mg/dL"};
            case LDL -> new String[] {"130 mg/dL 미만", "under 130 mg/dL"};
            case HDL -> new String[] {"60 mg/dL 이상", "60 mg/dL or higher"};
            case AST -> new String[] {"40 U/L 이하", "40 U/L or less"};
            case ALT -> new String[] {"35 U/L 이하", "35 U/L or less"};
            case CREATININE -> new String[] {"1.5 mg/dL 이하", "1.5 mg/dL or less"};
            case EGFR -> new String[] {"60 mL/min/1.73m² 이상", "60 mL/min/1.73m² or more"};
            case BMI -> new String[] {"18.5~24.9 kg/m²", "18.5–24.9 kg/m²"};
            default -> null;
        });
    }

    /** The 질환의심 threshold as a text, for the items whose threshold does not depend on sex. */
    static Optional<String[]> suspectThreshold(ItemKey key) {
        return Optional.ofNullable(switch (key) {
            case SYSTOLIC_BP -> new String[] {"140 mmHg 이상", "140 mmHg or higher"};
            case DIASTOLIC_BP -> new String[] {"90 mmHg 이상", "90 mmHg or higher"};
            case FASTING_GLUCOSE -> new String[] {"126 mg/dL 이상", "126 mg/dL or higher"};
            case TOTAL_CHOLESTEROL -> new String[] {"240 mg/dL 이상", "240 mg/dL or higher"};
            case TRIGLYCERIDES -> new String[] {"200 mg/dL 이상", "200 mg/dL or higher"};
            case LDL -> new String[] {"160 mg/dL 이상", "160 mg/dL or higher"};
            case HDL -> new String[] {"40 mg/dL 미만", "below 40 mg/dL"};
            case AST -> new String[] {"51 U/L 이상", "51 U/L or higher"};
            case ALT -> new String[] {"46 U/L 이상", "46 U/L or higher"};
            case EGFR -> new String[] {"60 mL/min/1.73m² 미만", "below 60 mL/min/1.73m²"};
            case BMI -> new String[] {"30 kg/m² 이상", "30 kg/m² or more"};
            default -> null;
        });
    }
}
