package com.checkupflow.judgement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

import com.checkupflow.intake.BundleParser;
import com.checkupflow.intake.ScreeningNormalizer;
import com.checkupflow.intake.ParsedBundle;
import com.checkupflow.intake.JudgementProperties;
import com.checkupflow.intake.TestBundle;
import com.checkupflow.kernel.CanonicalItem;
import com.checkupflow.kernel.InvalidReason;
import com.checkupflow.kernel.ItemKey;
import com.checkupflow.kernel.ItemStatus;
import com.checkupflow.kernel.NormalizedScreening;
import com.checkupflow.kernel.Sex;
import com.checkupflow.kernel.TreatedDisease;

class SampleBundlesTest {

    private final BundleParser parser = new BundleParser(TestBundle.FHIR);
    private final ScreeningNormalizer normalizer = new ScreeningNormalizer(JudgementProperties.defaults());

    private NormalizedScreening normalize(String name) {
        ParsedBundle parsed = parser.parse(SampleBundles.json(name));
        assertThat(parsed.problems()).isEmpty();
        return normalizer.normalize(parsed.bundle());
    }

    private static BigDecimal dec(String s) {
        return new BigDecimal(s);
    }

    @Test
    void shouldNormalizeEveryItemAsValidWhenSampleIsNormalMale() {
        NormalizedScreening s = normalize(SampleBundles.NORMAL_MALE);

        assertThat(s.items().values()).allSatisfy(i -> assertThat(i.status()).isEqualTo(ItemStatus.VALID));
        assertThat(s.patient().name()).isEqualTo("이준호");
        assertThat(s.patient().sex()).isEqualTo(Sex.MALE);
        assertThat(s.patient().problems()).isEmpty();
        assertThat(s.examDate()).isEqualTo(LocalDate.of(2026, 5, 4));
        assertThat(s.lipidsScheduled()).isTrue();
        assertThat(s.treatedDiseases()).isEmpty();
        assertThat(s.item(ItemKey.SYSTOLIC_BP).value()).isEqualTo(dec("116"));
        assertThat(s.item(ItemKey.CREATININE).value()).isEqualTo(dec("0.92"));
        assertThat(s.item(ItemKey.URINE_PROTEIN).code()).isEqualTo("negative");
    }

    @Test
    void shouldConvertSiUnitsAndFindTreatedHypertensionWhenSampleIsSuspectFemale() {
        NormalizedScreening s = normalize(SampleBundles.SUSPECT_FEMALE_MMOL);

        assertThat(s.items().values()).allSatisfy(i -> assertThat(i.status()).isEqualTo(ItemStatus.VALID));
        assertThat(s.patient().name()).isEqualTo("박서연");
        assertThat(s.patient().problems()).isEmpty();
        assertThat(s.lipidsScheduled()).isTrue();
        assertThat(s.items().values())
                .filteredOn(i -> i.value() != null && i.reportedUnit() != null && !i.reportedUnit().equals(i.unit()))
                .extracting(i -> i.key(), CanonicalItem::value, CanonicalItem::reportedUnit)
                .containsExactly(
                        tuple(ItemKey.WAIST, dec("86.4"), "[in_i]"),
                        tuple(ItemKey.HEMOGLOBIN, dec("11.8"), "g/L"),
                        tuple(ItemKey.FASTING_GLUCOSE, dec("131"), "mmol/L"),
                        tuple(ItemKey.TOTAL_CHOLESTEROL, dec("247"), "mmol/L"),
                        tuple(ItemKey.HDL, dec("39"), "mmol/L"),
                        tuple(ItemKey.TRIGLYCERIDES, dec("221"), "mmol/L"),
                        tuple(ItemKey.LDL, dec("166"), "mmol/L"),
                        tuple(ItemKey.CREATININE, dec("0.79"), "umol/L"));
        assertThat(s.item(ItemKey.BMI).value()).isEqualTo(dec("26.4"));
        assertThat(s.item(ItemKey.BMI).observationId()).isNull();
        assertThat(s.item(ItemKey.HEIGHT).observationId()).isEqualTo("b2c3d4e5-0000-4000-8000-000000000002");
        assertThat(s.treatedDiseases()).containsExactly(TreatedDisease.HYPERTENSION);
    }

    @Test
    void shouldMarkOneItemPerValidityRuleWhenSampleHasInvalidItems() {
        NormalizedScreening s = normalize(SampleBundles.INVALID_ITEMS);

        assertThat(s.patient().problems()).containsExactly("rrn_check_digit_warning");
        assertThat(s.lipidsScheduled()).isFalse();
        assertThat(s.items().values())
                .extracting(CanonicalItem::key, CanonicalItem::status, CanonicalItem::invalidReason)
                .containsExactly(
                        tuple(ItemKey.HEIGHT, ItemStatus.VALID, null),
                        tuple(ItemKey.WEIGHT, ItemStatus.VALID, null),
                        tuple(ItemKey.BMI, ItemStatus.INVALID, InvalidReason.IMPLAUSIBLE_VALUE),
                        tuple(ItemKey.WAIST, ItemStatus.MISSING, null),
                        tuple(ItemKey.SYSTOLIC_BP, ItemStatus.INVALID, InvalidReason.BP_DIASTOLIC_GE_SYSTOLIC),
                        tuple(ItemKey.DIASTOLIC_BP, ItemStatus.INVALID, InvalidReason.BP_DIASTOLIC_GE_SYSTOLIC),
                        tuple(ItemKey.HEMOGLOBIN, ItemStatus.INVALID, InvalidReason.IMPLAUSIBLE_VALUE),
                        tuple(ItemKey.FASTING_GLUCOSE, ItemStatus.INVALID, InvalidReason.NON_NUMERIC),
                        tuple(ItemKey.TOTAL_CHOLESTEROL, ItemStatus.NOT_SCHEDULED, null),
                        tuple(ItemKey.HDL, ItemStatus.NOT_SCHEDULED, null),
                        tuple(ItemKey.TRIGLYCERIDES, ItemStatus.NOT_SCHEDULED, null),
                        tuple(ItemKey.LDL, ItemStatus.NOT_SCHEDULED, null),
                        tuple(ItemKey.AST, ItemStatus.INVALID, InvalidReason.MISSING_UNIT),
                        tuple(ItemKey.ALT, ItemStatus.INVALID, InvalidReason.NEGATIVE_VALUE),
                        tuple(ItemKey.GGT, ItemStatus.INVALID, InvalidReason.UNIT_NOT_ALLOWED),
                        tuple(ItemKey.CREATININE, ItemStatus.INVALID, InvalidReason.NON_NUMERIC),
                        tuple(ItemKey.EGFR, ItemStatus.MISSING, null),
                        tuple(ItemKey.URINE_PROTEIN, ItemStatus.INVALID, InvalidReason.UNRECOGNIZED_CODE),
                        tuple(ItemKey.CHEST_XRAY, ItemStatus.VALID, null));
        assertThat(s.item(ItemKey.FASTING_GLUCOSE).reportedValue()).isEqualTo("105");
        assertThat(s.item(ItemKey.TOTAL_CHOLESTEROL).reportedValue()).isEqualTo(dec("230"));
        assertThat(s.item(ItemKey.CHEST_XRAY).code()).isEqualTo("poor_image");
    }
}
