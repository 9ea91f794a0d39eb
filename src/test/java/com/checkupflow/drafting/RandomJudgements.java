package com.checkupflow.drafting;

import com.checkupflow.judgement.Judgement;
import com.checkupflow.kernel.Category;
import com.checkupflow.kernel.InvalidReason;
import com.checkupflow.kernel.ItemKey;
import com.checkupflow.kernel.TreatedDisease;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Random;

/** Random but plausible judgements (every category, missing/invalid/not scheduled, known disease, both rulesets). */
final class RandomJudgements {

    private static final List<ItemKey> QUANTITIES = List.of(ItemKey.BMI, ItemKey.WAIST, ItemKey.SYSTOLIC_BP,
            ItemKey.DIASTOLIC_BP, ItemKey.HEMOGLOBIN, ItemKey.FASTING_GLUCOSE, ItemKey.TOTAL_CHOLESTEROL, ItemKey.HDL,
            ItemKey.TRIGLYCERIDES, ItemKey.LDL, ItemKey.AST, ItemKey.ALT, ItemKey.GGT, ItemKey.CREATININE, ItemKey.EGFR);
    private static final List<String> URINE = List.of("negative", "trace", "1+", "2+", "3+", "4+");
    private static final List<String> CHEST = List.of("normal", "inactive_tb", "abnormal", "poor_image", "not_taken");

    private RandomJudgements() {
    }

    static Judgement next(Random random) {
        String sex = random.nextBoolean() ? "male" : "female";
        JudgementFixture f = JudgementFixture.allNormal(sex);
        if (random.nextInt(10) == 0) {
            f.ruleset("KR-NHIS-GHS-2025");
        }
        double abnormalRate = random.nextDouble();
        for (ItemKey key : QUANTITIES) {
            if (random.nextDouble() > abnormalRate) {
                continue;
            }
            int roll = random.nextInt(10);
            if (roll == 0) {
                f.missing(key);
            } else if (roll == 1) {
                f.invalid(key, InvalidReason.IMPLAUSIBLE_VALUE);
            } else {
                List<Category> categories = f.categories(key);
                Category category = categories.get(random.nextInt(categories.size()));
                Object value = f.sample(key, category, random);
                if (key == ItemKey.FASTING_GLUCOSE && random.nextInt(3) == 0) {
                    BigDecimal mmol = Values.decimal(value).orElseThrow().divide(new BigDecimal("18.016"), 2, RoundingMode.HALF_UP);
                    f.reported(key, value, mmol, "mmol/L");
                } else if (key == ItemKey.CREATININE && random.nextInt(3) == 0) {
                    BigDecimal umol = Values.decimal(value).orElseThrow().multiply(new BigDecimal("88.42")).setScale(0, RoundingMode.HALF_UP);
                    f.reported(key, value, umol, "umol/L");
                } else if (key == ItemKey.HEMOGLOBIN && random.nextInt(4) == 0) {
                    f.reported(key, value, Values.decimal(value).orElseThrow().multiply(BigDecimal.TEN), "g/L");
                } else {
                    f.value(key, value);
                }
            }
        }
        if (random.nextInt(6) == 0) {
            f.lipidsNotScheduled();
        }
        if (random.nextDouble() < abnormalRate) {
            f.code(ItemKey.URINE_PROTEIN, URINE.get(random.nextInt(URINE.size())));
        }
        if (random.nextDouble() < abnormalRate) {
            f.code(ItemKey.CHEST_XRAY, CHEST.get(random.nextInt(CHEST.size())));
        }
        if (random.nextInt(4) == 0) {
            TreatedDisease[] all = TreatedDisease.values();
            f.treated(all[random.nextInt(all.length)]);
        }
        return f.build();
    }
}
