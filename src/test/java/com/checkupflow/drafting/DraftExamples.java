package com.checkupflow.drafting;

import com.checkupflow.ai.PatientContext;
import com.checkupflow.kernel.ItemKey;
import com.checkupflow.judgement.Judgement;
import com.checkupflow.kernel.TreatedDisease;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Judgements and patients shared by the drafting tests. */
public final class DraftExamples {

    public static final PatientContext MALE_52 = new PatientContext("male", 52, "한빛건강검진센터", LocalDate.of(2026, 11, 3));
    static final PatientContext FEMALE_45 = new PatientContext("female", 45, "한빛건강검진센터", LocalDate.of(2026, 5, 20));

    private DraftExamples() {
    }

    public static Judgement normal() {
        return JudgementFixture.allNormal("male").build();
    }

    /** Borderline BP, suspect glucose (reported in mmol/L), suspect creatinine, low HDL, borderline AST. */
    public static Judgement mixed() {
        return JudgementFixture.allNormal("male")
                .value(ItemKey.SYSTOLIC_BP, 134).value(ItemKey.DIASTOLIC_BP, 84)
                .reported(ItemKey.FASTING_GLUCOSE, new BigDecimal("131"), new BigDecimal("7.27"), "mmol/L")
                .value(ItemKey.CREATININE, new BigDecimal("1.52"))
                .value(ItemKey.HDL, 38)
                .value(ItemKey.AST, 44)
                .value(ItemKey.BMI, new BigDecimal("27.3"))
                .code(ItemKey.URINE_PROTEIN, "trace")
                .build();
    }

    /** Treated for hypertension: suspect BP adds no flag; borderline glucose. */
    public static Judgement knownDisease() {
        return JudgementFixture.allNormal("female")
                .value(ItemKey.SYSTOLIC_BP, 146).value(ItemKey.DIASTOLIC_BP, 88)
                .value(ItemKey.FASTING_GLUCOSE, 108)
                .treated(TreatedDisease.HYPERTENSION)
                .build();
    }

    /** Like sample suspect-female-mmol: BP, glucose and LDL 질환의심, hypertension treated (its BP adds no flag). */
    static Judgement treatedHypertensionWithSuspects() {
        return JudgementFixture.allNormal("female")
                .value(ItemKey.SYSTOLIC_BP, 150).value(ItemKey.DIASTOLIC_BP, 95)
                .value(ItemKey.FASTING_GLUCOSE, 131).value(ItemKey.LDL, 165)
                .treated(TreatedDisease.HYPERTENSION)
                .build();
    }

    /** Chest X-ray not taken, glucose missing, GGT below the table, Hb borderline. Otherwise normal. */
    static Judgement incomplete() {
        return JudgementFixture.allNormal("female")
                .code(ItemKey.CHEST_XRAY, "not_taken")
                .missing(ItemKey.FASTING_GLUCOSE)
                .value(ItemKey.GGT, 6)
                .value(ItemKey.HEMOGLOBIN, new BigDecimal("11.4"))
                .build();
    }

    /** Missing glucose only; everything else 정상A. */
    static Judgement incompleteButOtherwiseNormal() {
        return JudgementFixture.allNormal("male").missing(ItemKey.FASTING_GLUCOSE).build();
    }
}
