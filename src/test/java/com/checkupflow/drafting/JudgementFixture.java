package com.checkupflow.drafting;

import com.checkupflow.ai.Values;
import com.checkupflow.judgement.Judgement;
import com.checkupflow.judgement.JudgementUnit;
import com.checkupflow.kernel.Category;
import com.checkupflow.kernel.InvalidReason;
import com.checkupflow.kernel.ItemKey;
import com.checkupflow.kernel.ItemStatus;
import com.checkupflow.kernel.TargetDisease;
import com.checkupflow.kernel.TreatedDisease;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Builds {@link Judgement} documents for tests the way the judgement would: item categories from the bands of
 * screening-criteria.md §2, units and flags by §4. Start from {@link #allNormal(String)} and change items.
 */
final class JudgementFixture {

    static final String RULESET = "KR-NHIS-GHS-2026";

    private record Band(Category category, BigDecimal lo, BigDecimal hi) {
        boolean contains(BigDecimal v) {
            return v.compareTo(lo) >= 0 && v.compareTo(hi) < 0;
        }
    }

    private String ruleset = RULESET;
    private final String sex;
    private final Map<ItemKey, Judgement.Item> items = new EnumMap<>(ItemKey.class);
    private final Set<TreatedDisease> treated = EnumSet.noneOf(TreatedDisease.class);

    private JudgementFixture(String sex) {
        this.sex = sex;
    }

    /** Every item present and in the 정상A band. */
    static JudgementFixture allNormal(String sex) {
        JudgementFixture f = new JudgementFixture(sex);
        f.value(ItemKey.HEIGHT, new BigDecimal("172.3")).value(ItemKey.WEIGHT, new BigDecimal("68.1"))
                .value(ItemKey.BMI, new BigDecimal("22.9")).value(ItemKey.WAIST, new BigDecimal("80.5"))
                .value(ItemKey.SYSTOLIC_BP, 112).value(ItemKey.DIASTOLIC_BP, 72)
                .value(ItemKey.HEMOGLOBIN, new BigDecimal(sex.equals("male") ? "14.6" : "13.1"))
                .value(ItemKey.FASTING_GLUCOSE, 88).value(ItemKey.TOTAL_CHOLESTEROL, 178).value(ItemKey.HDL, 62)
                .value(ItemKey.TRIGLYCERIDES, 96).value(ItemKey.LDL, 97).value(ItemKey.AST, 22).value(ItemKey.ALT, 19)
                .value(ItemKey.GGT, 24).value(ItemKey.CREATININE, new BigDecimal("0.91")).value(ItemKey.EGFR, 92)
                .code(ItemKey.URINE_PROTEIN, "negative").code(ItemKey.CHEST_XRAY, "normal");
        return f;
    }

    JudgementFixture ruleset(String ruleset) {
        this.ruleset = ruleset;
        return this;
    }

    JudgementFixture value(ItemKey key, Object value) {
        Category category = classify(key, Values.decimal(value).orElseThrow());
        items.put(key, new Judgement.Item(ItemStatus.VALID, category, value, key.canonicalUnit(), value,
                key.canonicalUnit(), null, "obs-" + key.json()));
        return this;
    }

    JudgementFixture reported(ItemKey key, Object value, Object reportedValue, String reportedUnit) {
        Category category = classify(key, Values.decimal(value).orElseThrow());
        items.put(key, new Judgement.Item(ItemStatus.VALID, category, value, key.canonicalUnit(), reportedValue,
                reportedUnit, null, "obs-" + key.json()));
        return this;
    }

    JudgementFixture code(ItemKey key, String code) {
        Category category = switch (code) {
            case "negative", "normal" -> Category.NORMAL_A;
            case "trace", "inactive_tb" -> Category.NORMAL_B;
            case "poor_image", "not_taken" -> null;
            default -> Category.DISEASE_SUSPECT;
        };
        items.put(key, new Judgement.Item(ItemStatus.VALID, category, code, null, code, null, null, "obs-" + key.json()));
        return this;
    }

    JudgementFixture missing(ItemKey key) {
        items.put(key, new Judgement.Item(ItemStatus.MISSING, null, null, null, null, null, null, null));
        return this;
    }

    JudgementFixture invalid(ItemKey key, InvalidReason reason) {
        items.put(key, new Judgement.Item(ItemStatus.INVALID, null, null, null, "12,3", "mg", reason, "obs-" + key.json()));
        return this;
    }

    JudgementFixture lipidsNotScheduled() {
        for (ItemKey key : List.of(ItemKey.TOTAL_CHOLESTEROL, ItemKey.HDL, ItemKey.TRIGLYCERIDES, ItemKey.LDL)) {
            items.put(key, new Judgement.Item(ItemStatus.NOT_SCHEDULED, null, null, null, null, null, null, null));
        }
        return this;
    }

    JudgementFixture treated(TreatedDisease... diseases) {
        treated.addAll(List.of(diseases));
        return this;
    }

    Judgement build() {
        Map<String, Judgement.Item> itemMap = new LinkedHashMap<>();
        for (ItemKey key : ItemKey.values()) {
            itemMap.put(key.json(), items.getOrDefault(key,
                    new Judgement.Item(ItemStatus.MISSING, null, null, null, null, null, null, null)));
        }
        Map<String, Judgement.UnitJudgement> units = new LinkedHashMap<>();
        for (JudgementUnit unit : JudgementUnit.values()) {
            Judgement.UnitJudgement uj = judge(unit, itemMap);
            units.put(unit.json(), uj.category() == Category.DISEASE_SUSPECT && exempt(unit.targetDisease())
                    ? new Judgement.UnitJudgement(uj.category(), Judgement.NOTE_UNDER_TREATMENT) : uj);
        }
        boolean legacy = !ruleset.contains("2026");
        Set<TargetDisease> cardio = legacy ? EnumSet.of(TargetDisease.HYPERTENSION, TargetDisease.DIABETES)
                : EnumSet.of(TargetDisease.HYPERTENSION, TargetDisease.DIABETES, TargetDisease.DYSLIPIDEMIA);
        List<String> flags = new ArrayList<>();
        if (!treated.isEmpty()) {
            flags.add("KNOWN_DISEASE");
        }
        boolean anyJudged = false;
        boolean anyB = false;
        Category worst = null;
        boolean review = false;
        for (JudgementUnit unit : JudgementUnit.values()) {
            Category c = units.get(unit.json()).category();
            if (c == null) {
                review |= "not_judged".equals(units.get(unit.json()).note());
                continue;
            }
            anyJudged = true;
            anyB |= c == Category.NORMAL_B;
            review |= c == Category.UNCLASSIFIED;
            if (c != Category.UNCLASSIFIED && (worst == null || c.ordinal() > worst.ordinal())) {
                worst = c;
            }
            if (c == Category.DISEASE_SUSPECT && !exempt(unit.targetDisease())) {
                String flag = cardio.contains(unit.targetDisease()) ? "CARDIOMETABOLIC_SUSPECT" : "GENERAL_SUSPECT";
                if (!flags.contains(flag)) {
                    flags.add(flag);
                }
            }
        }
        if (flags.isEmpty()) {
            flags.add(!anyJudged ? "UNDETERMINED" : anyB ? "NORMAL_B" : "NORMAL_A");
        }
        String primary = List.of("KNOWN_DISEASE", "CARDIOMETABOLIC_SUSPECT", "GENERAL_SUSPECT", "NORMAL_B", "NORMAL_A", "UNDETERMINED")
                .stream().filter(flags::contains).findFirst().orElseThrow();
        boolean complete = itemMap.entrySet().stream()
                .filter(e -> !e.getKey().equals("height") && !e.getKey().equals("weight"))
                .noneMatch(e -> e.getValue().status() == ItemStatus.MISSING || e.getValue().status() == ItemStatus.INVALID)
                && units.get("chest_xray").category() != null;
        review |= itemMap.values().stream().anyMatch(i -> i.status() == ItemStatus.INVALID);
        return new Judgement(ruleset, itemMap, units, new Judgement.Overall(primary, flags, worst, complete, review));
    }

    private boolean exempt(TargetDisease disease) {
        return switch (disease) {
            case HYPERTENSION -> treated.contains(TreatedDisease.HYPERTENSION);
            case DIABETES -> treated.contains(TreatedDisease.DIABETES);
            case DYSLIPIDEMIA -> treated.contains(TreatedDisease.DYSLIPIDEMIA);
            default -> false;
        };
    }

    private static Judgement.UnitJudgement judge(JudgementUnit unit, Map<String, Judgement.Item> items) {
        if (unit == JudgementUnit.BLOOD_PRESSURE) {
            Judgement.Item s = items.get("systolic_bp");
            Judgement.Item d = items.get("diastolic_bp");
            boolean sv = s.status() == ItemStatus.VALID;
            boolean dv = d.status() == ItemStatus.VALID;
            if (sv && dv) {
                return new Judgement.UnitJudgement(s.category().ordinal() >= d.category().ordinal() ? s.category() : d.category(), null);
            }
            if ((sv && s.category() == Category.DISEASE_SUSPECT) || (dv && d.category() == Category.DISEASE_SUSPECT)) {
                return new Judgement.UnitJudgement(Category.DISEASE_SUSPECT, null);
            }
            if (sv || dv) {
                return new Judgement.UnitJudgement(null, "incomplete_pair");
            }
            boolean invalid = s.status() == ItemStatus.INVALID || d.status() == ItemStatus.INVALID;
            return new Judgement.UnitJudgement(null, invalid ? "invalid" : "missing");
        }
        Judgement.Item item = items.get(unit.items().get(0).json());
        return switch (item.status()) {
            case VALID -> item.category() == null ? new Judgement.UnitJudgement(null, "not_judged")
                    : new Judgement.UnitJudgement(item.category(), null);
            case INVALID -> new Judgement.UnitJudgement(null, "invalid");
            case MISSING -> new Judgement.UnitJudgement(null, "missing");
            case NOT_SCHEDULED -> new Judgement.UnitJudgement(null, "not_scheduled");
        };
    }

    // --- bands of screening-criteria.md §2 (half-open, canonical units) ----------------------------------

    private List<Band> bands(ItemKey key) {
        boolean male = sex.equals("male");
        return switch (key) {
            case HEIGHT, WEIGHT -> List.of();
            case SYSTOLIC_BP -> bands("NORMAL_A 80 120", "NORMAL_B 120 140", "DISEASE_SUSPECT 140 200");
            case DIASTOLIC_BP -> bands("NORMAL_A 50 80", "NORMAL_B 80 90", "DISEASE_SUSPECT 90 130");
            case BMI -> bands("NORMAL_B 15 18.5", "NORMAL_A 18.5 25", "NORMAL_B 25 30", "DISEASE_SUSPECT 30 40");
            case WAIST -> male ? bands("NORMAL_A 60 90", "DISEASE_SUSPECT 90 130") : bands("NORMAL_A 55 85", "DISEASE_SUSPECT 85 130");
            case HEMOGLOBIN -> male
                    ? bands("DISEASE_SUSPECT 7 12", "NORMAL_B 12 13", "NORMAL_A 13 16.6", "UNCLASSIFIED 16.6 20")
                    : bands("DISEASE_SUSPECT 6 10", "NORMAL_B 10 12", "NORMAL_A 12 15.6", "UNCLASSIFIED 15.6 19");
            case FASTING_GLUCOSE -> bands("NORMAL_A 70 100", "NORMAL_B 100 126", "DISEASE_SUSPECT 126 300");
            case TOTAL_CHOLESTEROL -> bands("NORMAL_A 120 200", "NORMAL_B 200 240", "DISEASE_SUSPECT 240 350");
            case HDL -> bands("DISEASE_SUSPECT 20 40", "NORMAL_B 40 60", "NORMAL_A 60 100");
            case TRIGLYCERIDES -> bands("NORMAL_A 40 150", "NORMAL_B 150 200", "DISEASE_SUSPECT 200 600");
            case LDL -> bands("NORMAL_A 50 130", "NORMAL_B 130 160", "DISEASE_SUSPECT 160 250");
            case AST -> bands("NORMAL_A 10 41", "NORMAL_B 41 51", "DISEASE_SUSPECT 51 300");
            case ALT -> bands("NORMAL_A 5 36", "NORMAL_B 36 46", "DISEASE_SUSPECT 46 300");
            case GGT -> male ? bands("UNCLASSIFIED 1 11", "NORMAL_A 11 64", "NORMAL_B 64 78", "DISEASE_SUSPECT 78 500")
                    : bands("UNCLASSIFIED 1 8", "NORMAL_A 8 36", "NORMAL_B 36 46", "DISEASE_SUSPECT 46 400");
            case CREATININE -> bands("NORMAL_A 0.5 1.51", "DISEASE_SUSPECT 1.51 5");
            case EGFR -> bands("DISEASE_SUSPECT 10 60", "NORMAL_A 60 130");
            case URINE_PROTEIN, CHEST_XRAY -> throw new IllegalArgumentException("coded item " + key);
        };
    }

    private static List<Band> bands(String... specs) {
        List<Band> bands = new ArrayList<>();
        for (String spec : specs) {
            String[] p = spec.split(" ");
            bands.add(new Band(Category.valueOf(p[0]), new BigDecimal(p[1]), new BigDecimal(p[2])));
        }
        return bands;
    }

    private Category classify(ItemKey key, BigDecimal value) {
        return bands(key).stream().filter(b -> b.contains(value)).map(Band::category).findFirst().orElse(null);
    }

    /** Categories an item can take for this sex. */
    List<Category> categories(ItemKey key) {
        return bands(key).stream().map(Band::category).distinct().toList();
    }

    /** A random value of the given category, rounded to the item's scale, as BigDecimal, Double or Integer. */
    Object sample(ItemKey key, Category category, Random random) {
        List<Band> candidates = bands(key).stream().filter(b -> b.category() == category).toList();
        Band band = candidates.get(random.nextInt(candidates.size()));
        BigDecimal span = band.hi().subtract(band.lo());
        BigDecimal v = band.lo().add(span.multiply(BigDecimal.valueOf(random.nextDouble())))
                .setScale(key.scale(), RoundingMode.FLOOR);
        return switch (random.nextInt(3)) {
            case 0 -> v;
            case 1 -> v.doubleValue();
            default -> key.scale() == 0 ? (Object) v.intValueExact() : v.setScale(key.scale() + 1);
        };
    }
}
