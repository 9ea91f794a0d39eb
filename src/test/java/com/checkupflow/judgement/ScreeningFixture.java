package com.checkupflow.judgement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.checkupflow.kernel.CanonicalItem;
import com.checkupflow.kernel.InvalidReason;
import com.checkupflow.kernel.ItemKey;
import com.checkupflow.kernel.ItemStatus;
import com.checkupflow.kernel.NormalizedScreening;
import com.checkupflow.kernel.PatientInfo;
import com.checkupflow.kernel.Sex;
import com.checkupflow.kernel.TreatedDisease;

/** Builds {@link NormalizedScreening}s for tests: every item missing unless set. */
final class ScreeningFixture {

    private final Map<ItemKey, CanonicalItem> items = new EnumMap<>(ItemKey.class);
    private final Set<TreatedDisease> treated = EnumSet.noneOf(TreatedDisease.class);
    private Sex sex = Sex.MALE;
    private boolean lipidsScheduled = true;

    private ScreeningFixture() {
        for (ItemKey key : ItemKey.values()) {
            items.put(key, CanonicalItem.missing(key));
        }
    }

    static ScreeningFixture empty() {
        return new ScreeningFixture();
    }

    /** A complete male screening with every unit NORMAL_A. */
    static ScreeningFixture allNormalA() {
        return empty()
                .value(ItemKey.HEIGHT, "172.0").value(ItemKey.WEIGHT, "66.5").value(ItemKey.BMI, "22.5")
                .value(ItemKey.WAIST, "80.0").value(ItemKey.SYSTOLIC_BP, "112").value(ItemKey.DIASTOLIC_BP, "72")
                .value(ItemKey.HEMOGLOBIN, "14.5").value(ItemKey.FASTING_GLUCOSE, "90")
                .value(ItemKey.TOTAL_CHOLESTEROL, "180").value(ItemKey.HDL, "65").value(ItemKey.TRIGLYCERIDES, "100")
                .value(ItemKey.LDL, "95").value(ItemKey.AST, "25").value(ItemKey.ALT, "20").value(ItemKey.GGT, "30")
                .value(ItemKey.CREATININE, "0.90").value(ItemKey.EGFR, "95")
                .code(ItemKey.URINE_PROTEIN, "negative").code(ItemKey.CHEST_XRAY, "normal");
    }

    /** A complete male screening with every unit that has a borderline band NORMAL_B (the others NORMAL_A). */
    static ScreeningFixture allNormalB() {
        return allNormalA()
                .value(ItemKey.BMI, "27.0").value(ItemKey.SYSTOLIC_BP, "130").value(ItemKey.DIASTOLIC_BP, "85")
                .value(ItemKey.HEMOGLOBIN, "12.5").value(ItemKey.FASTING_GLUCOSE, "110")
                .value(ItemKey.TOTAL_CHOLESTEROL, "220").value(ItemKey.HDL, "50").value(ItemKey.TRIGLYCERIDES, "170")
                .value(ItemKey.LDL, "140").value(ItemKey.AST, "45").value(ItemKey.ALT, "40").value(ItemKey.GGT, "70")
                .code(ItemKey.URINE_PROTEIN, "trace").code(ItemKey.CHEST_XRAY, "inactive_tb");
    }

    ScreeningFixture value(ItemKey key, String value) {
        BigDecimal v = new BigDecimal(value);
        items.put(key, new CanonicalItem(key, ItemStatus.VALID, v, null, v, key.canonicalUnit(), null, "obs-" + key.json()));
        return this;
    }

    ScreeningFixture code(ItemKey key, String code) {
        items.put(key, new CanonicalItem(key, ItemStatus.VALID, null, code, code, null, null, "obs-" + key.json()));
        return this;
    }

    ScreeningFixture missing(ItemKey key) {
        items.put(key, CanonicalItem.missing(key));
        return this;
    }

    ScreeningFixture invalid(ItemKey key, Object reported, InvalidReason reason) {
        items.put(key, new CanonicalItem(key, ItemStatus.INVALID, null, null, reported,
                key.canonicalUnit(), reason, "obs-" + key.json()));
        return this;
    }

    private LocalDate birthDate = LocalDate.of(1984, 4, 25);

    ScreeningFixture lipidsNotScheduled() {
        lipidsScheduled = false;
        for (ItemKey key : ItemKey.values()) {
            if (key.lipid()) {
                items.put(key, new CanonicalItem(key, ItemStatus.NOT_SCHEDULED, null, null, null, null, null, null));
            }
        }
        return this;
    }

    ScreeningFixture noBirthDate() {
        birthDate = null;
        return this;
    }

    ScreeningFixture sex(Sex sex) {
        this.sex = sex;
        return this;
    }

    ScreeningFixture treated(TreatedDisease... diseases) {
        treated.addAll(List.of(diseases));
        return this;
    }

    NormalizedScreening build() {
        PatientInfo patient = new PatientInfo("p1", "홍길동", sex, birthDate, null, List.of());
        return new NormalizedScreening(patient, LocalDate.of(2026, 3, 2), new EnumMap<>(items), lipidsScheduled,
                EnumSet.copyOf(treated.isEmpty() ? EnumSet.noneOf(TreatedDisease.class) : treated));
    }
}
