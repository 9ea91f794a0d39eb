package com.checkupflow.intake;

import static com.checkupflow.intake.TestBundle.bundle;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.checkupflow.kernel.CanonicalItem;
import com.checkupflow.kernel.InvalidReason;
import com.checkupflow.kernel.ItemKey;
import com.checkupflow.kernel.ItemStatus;
import com.checkupflow.kernel.NormalizedScreening;
import com.checkupflow.kernel.PatientInfo;
import com.checkupflow.kernel.RrnValidator;
import com.checkupflow.kernel.Sex;
import com.checkupflow.kernel.Terminology;
import com.checkupflow.kernel.TreatedDisease;

class ScreeningNormalizerTest {

    private final BundleParser parser = new BundleParser(TestBundle.FHIR);
    private final ScreeningNormalizer normalizer = new ScreeningNormalizer(JudgementProperties.defaults());

    private NormalizedScreening normalize(TestBundle b) {
        ParsedBundle parsed = parser.parse(b.json());
        assertThat(parsed.problems()).isEmpty();
        return normalizer.normalize(parsed.bundle());
    }

    private CanonicalItem item(TestBundle b, ItemKey key) {
        return normalize(b).item(key);
    }

    private static BigDecimal dec(String s) {
        return new BigDecimal(s);
    }

    @Nested
    class Validity {

        @Test
        void shouldKeepReportedValueWithoutRoundingWhenUnitIsCanonical() {
            CanonicalItem ast = item(bundle().quantity("1920-8", "40.5", "U/L"), ItemKey.AST);

            assertThat(ast.status()).isEqualTo(ItemStatus.VALID);
            assertThat(ast.value()).isEqualTo(dec("40.5"));
            assertThat(ast.reportedValue()).isEqualTo(dec("40.5"));
            assertThat(ast.reportedUnit()).isEqualTo("U/L");
            assertThat(ast.unit()).isEqualTo("U/L");
            assertThat(ast.invalidReason()).isNull();
            assertThat(ast.observationId()).isEqualTo("obs-1");
        }

        @Test
        void shouldMarkNonNumericWhenValueString() {
            CanonicalItem glucose = item(bundle().valueString("1558-6", "hemolysed"), ItemKey.FASTING_GLUCOSE);

            assertThat(glucose.status()).isEqualTo(ItemStatus.INVALID);
            assertThat(glucose.invalidReason()).isEqualTo(InvalidReason.NON_NUMERIC);
            assertThat(glucose.reportedValue()).isEqualTo("hemolysed");
            assertThat(glucose.value()).isNull();
        }

        @Test
        void shouldMarkNonNumericWhenQuantityValueIsAQuotedNumber() {
            TestBundle b = bundle().quantity("1558-6", "\"7.27\"", "mmol/L").quantity("1920-8", "30", "U/L");
            NormalizedScreening s = normalize(b);

            CanonicalItem glucose = s.item(ItemKey.FASTING_GLUCOSE);
            assertThat(glucose.status()).isEqualTo(ItemStatus.INVALID);
            assertThat(glucose.invalidReason()).isEqualTo(InvalidReason.NON_NUMERIC);
            assertThat(glucose.reportedValue()).isEqualTo("7.27");
            assertThat(glucose.reportedUnit()).isEqualTo("mmol/L");
            assertThat(glucose.observationId()).isEqualTo("obs-1");
            assertThat(s.item(ItemKey.AST).status()).isEqualTo(ItemStatus.VALID);
        }

        @Test
        void shouldMarkNonNumericWhenQuantityValueIsTextEvenWithoutUnit() {
            CanonicalItem glucose = item(bundle().quantity("1558-6", "\"n/a\"", null), ItemKey.FASTING_GLUCOSE);

            assertThat(glucose.invalidReason()).isEqualTo(InvalidReason.NON_NUMERIC);
            assertThat(glucose.reportedValue()).isEqualTo("n/a");
        }

        @Test
        void shouldMarkNonNumericWhenBpComponentValueIsQuoted() {
            NormalizedScreening s = normalize(bundle().bpPanel("\"120\"", "80"));

            assertThat(s.item(ItemKey.SYSTOLIC_BP).invalidReason()).isEqualTo(InvalidReason.NON_NUMERIC);
            assertThat(s.item(ItemKey.SYSTOLIC_BP).reportedValue()).isEqualTo("120");
            assertThat(s.item(ItemKey.DIASTOLIC_BP).status()).isEqualTo(ItemStatus.VALID);
        }

        @Test
        void shouldMarkNonNumericWhenQuantityHasUnitButNoValue() {
            CanonicalItem glucose = item(bundle().quantity("1558-6", null, "mg/dL"), ItemKey.FASTING_GLUCOSE);

            assertThat(glucose.invalidReason()).isEqualTo(InvalidReason.NON_NUMERIC);
        }

        @Test
        void shouldMarkMissingUnitWhenNeitherCodeNorUnitText() {
            CanonicalItem glucose = item(bundle().quantity("1558-6", "95", null), ItemKey.FASTING_GLUCOSE);

            assertThat(glucose.invalidReason()).isEqualTo(InvalidReason.MISSING_UNIT);
            assertThat(glucose.reportedValue()).isEqualTo(dec("95"));
        }

        @Test
        void shouldMatchUnitTextWhenUcumCodeIsAbsent() {
            NormalizedScreening s = normalize(bundle()
                    .quantityWithUnitText("1558-6", "7.27", "mmol/l")
                    .quantityWithUnitText("8480-6", "118", "mmHg")
                    .quantityWithUnitText("8462-4", "76", "mm[Hg]"));

            assertThat(s.item(ItemKey.FASTING_GLUCOSE).value()).isEqualTo(dec("131"));
            assertThat(s.item(ItemKey.FASTING_GLUCOSE).reportedUnit()).isEqualTo("mmol/l");
            assertThat(s.item(ItemKey.SYSTOLIC_BP).value()).isEqualTo(dec("118"));
            assertThat(s.item(ItemKey.DIASTOLIC_BP).value()).isEqualTo(dec("76"));
        }

        @Test
        void shouldRejectUnitNotAllowedWhenUcumCodeIsNotAcceptedForTheItem() {
            NormalizedScreening s = normalize(bundle()
                    .quantity("1558-6", "1.1", "g/L")
                    .quantity("1920-8", "30", "mmol/L")
                    .quantity("2160-0", "1.0", "mg/dl"));

            assertThat(s.item(ItemKey.FASTING_GLUCOSE).invalidReason()).isEqualTo(InvalidReason.UNIT_NOT_ALLOWED);
            assertThat(s.item(ItemKey.FASTING_GLUCOSE).reportedUnit()).isEqualTo("g/L");
            assertThat(s.item(ItemKey.AST).invalidReason()).isEqualTo(InvalidReason.UNIT_NOT_ALLOWED);
            // UCUM codes are case-sensitive: mg/dl is not mg/dL
            assertThat(s.item(ItemKey.CREATININE).invalidReason()).isEqualTo(InvalidReason.UNIT_NOT_ALLOWED);
        }

        @Test
        void shouldReportUnitNotAllowedBeforeNegativeValue() {
            CanonicalItem glucose = item(bundle().quantity("1558-6", "-5", "g/L"), ItemKey.FASTING_GLUCOSE);

            assertThat(glucose.invalidReason()).isEqualTo(InvalidReason.UNIT_NOT_ALLOWED);
        }

        @Test
        void shouldRejectNegativeValueBeforeImplausibleValue() {
            CanonicalItem glucose = item(bundle().quantity("1558-6", "-95", "mg/dL"), ItemKey.FASTING_GLUCOSE);

            assertThat(glucose.invalidReason()).isEqualTo(InvalidReason.NEGATIVE_VALUE);
            assertThat(glucose.reportedValue()).isEqualTo(dec("-95"));
        }

        @Test
        void shouldRejectImplausibleValueWhenHemoglobinInGramsPerLitreIsLabelledGramsPerDecilitre() {
            CanonicalItem hb = item(bundle().quantity("718-7", "145", "g/dL"), ItemKey.HEMOGLOBIN);

            assertThat(hb.status()).isEqualTo(ItemStatus.INVALID);
            assertThat(hb.invalidReason()).isEqualTo(InvalidReason.IMPLAUSIBLE_VALUE);
            assertThat(hb.value()).isNull();
            assertThat(hb.reportedValue()).isEqualTo(dec("145"));
        }

        @Test
        void shouldRejectImplausibleValueAfterConversionWhenConvertedValueLeavesTheWindow() {
            // 2700 umol/L / 88.42 = 30.54 mg/dL > 30
            CanonicalItem creatinine = item(bundle().quantity("2160-0", "2700", "umol/L"), ItemKey.CREATININE);

            assertThat(creatinine.invalidReason()).isEqualTo(InvalidReason.IMPLAUSIBLE_VALUE);
        }

        @ParameterizedTest(name = "{0} {1} {2} -> valid={3}")
        @CsvSource({
                "8302-2, 100, cm, true", "8302-2, 250, cm, true", "8302-2, 99.9, cm, false", "8302-2, 250.1, cm, false",
                "29463-7, 20, kg, true", "29463-7, 300.1, kg, false",
                "39156-5, 10, kg/m2, true", "39156-5, 80.1, kg/m2, false",
                "8280-0, 40, cm, true", "8280-0, 200.5, cm, false",
                "8480-6, 50, mm[Hg], true", "8480-6, 301, mm[Hg], false",
                "8462-4, 20, mm[Hg], true", "8462-4, 19, mm[Hg], false",
                "718-7, 3, g/dL, true", "718-7, 25.1, g/dL, false",
                "1558-6, 1000, mg/dL, true", "1558-6, 19, mg/dL, false",
                "2093-3, 50, mg/dL, true", "2093-3, 1001, mg/dL, false",
                "2085-9, 5, mg/dL, true", "2085-9, 201, mg/dL, false",
                "2571-8, 10000, mg/dL, true", "2571-8, 9, mg/dL, false",
                "13457-7, 600, mg/dL, true", "18262-6, 601, mg/dL, false",
                "1920-8, 1, U/L, true", "1742-6, 0, U/L, false", "2324-2, 10001, U/L, false",
                "2160-0, 0.1, mg/dL, true", "2160-0, 0.09, mg/dL, false",
                "33914-3, 250, mL/min/{1.73_m2}, true", "62238-1, 0.5, mL/min/{1.73_m2}, false",
                "98979-8, 90, mL/min/{1.73_m2}, true", "77147-7, 251, mL/min/{1.73_m2}, false"
        })
        void shouldApplyInclusivePlausibilityWindowsWhenValueIsAtOrBeyondTheBounds(
                String loinc, String value, String unit, boolean valid) {
            NormalizedScreening s = normalize(bundle().gender("male").quantity(loinc, value, unit));
            CanonicalItem item = s.items().values().stream().filter(i -> i.observationId() != null).findFirst()
                    .orElseThrow();

            assertThat(item.valid()).isEqualTo(valid);
            if (!valid) {
                assertThat(item.invalidReason()).isEqualTo(InvalidReason.IMPLAUSIBLE_VALUE);
            }
        }

        @Test
        void shouldIgnoreObservationWhenLoincCodeIsUnknown() {
            NormalizedScreening s = normalize(bundle().quantity("9999-9", "12", "mg/dL").quantity("1920-8", "20", "U/L"));

            assertThat(s.items().values()).filteredOn(i -> i.observationId() != null)
                    .extracting(CanonicalItem::key).containsExactly(ItemKey.AST);
        }

        @Test
        void shouldBeMissingWhenDataAbsentReasonOrNoObservation() {
            NormalizedScreening s = normalize(bundle().absent("1558-6").quantity("1920-8", "20", "U/L"));

            assertThat(s.item(ItemKey.FASTING_GLUCOSE)).isEqualTo(CanonicalItem.missing(ItemKey.FASTING_GLUCOSE));
            assertThat(s.item(ItemKey.ALT)).isEqualTo(CanonicalItem.missing(ItemKey.ALT));
            assertThat(s.items()).containsOnlyKeys(ItemKey.values());
        }

        @Test
        void shouldTreatObservationAsAbsentWhenEnteredInErrorOrCancelled() {
            NormalizedScreening s = normalize(bundle()
                    .observation("1558-6", "\"valueQuantity\":{\"value\":95,\"code\":\"mg/dL\"}", "entered-in-error", true)
                    .observation("1920-8", "\"valueQuantity\":{\"value\":30,\"code\":\"U/L\"}", "cancelled", true)
                    .observation("1742-6", "\"valueQuantity\":{\"value\":30,\"code\":\"U/L\"}", "amended", true));

            assertThat(s.item(ItemKey.FASTING_GLUCOSE).status()).isEqualTo(ItemStatus.MISSING);
            assertThat(s.item(ItemKey.AST).status()).isEqualTo(ItemStatus.MISSING);
            assertThat(s.item(ItemKey.ALT).status()).isEqualTo(ItemStatus.VALID);
        }

        @Test
        void shouldPreferValidObservationWhenSeveralReportTheSameItem() {
            TestBundle b = bundle().quantity("1558-6", "145", "g/L").quantity("1558-6", "98", "mg/dL")
                    .quantity("1558-6", "99", "mg/dL");
            CanonicalItem glucose = item(b, ItemKey.FASTING_GLUCOSE);

            assertThat(glucose.value()).isEqualTo(dec("98"));
            assertThat(glucose.observationId()).isEqualTo("obs-2");
        }

        @Test
        void shouldTakeFirstInvalidObservationWhenNoneIsValid() {
            TestBundle b = bundle().absent("1558-6").quantity("1558-6", "95", "g/L").valueString("1558-6", "x");
            CanonicalItem glucose = item(b, ItemKey.FASTING_GLUCOSE);

            assertThat(glucose.invalidReason()).isEqualTo(InvalidReason.UNIT_NOT_ALLOWED);
            assertThat(glucose.observationId()).isEqualTo("obs-2");
        }

        @Test
        void shouldUseFullUrlUuidAsObservationIdWhenResourceHasNoId() {
            TestBundle b = bundle().observation("1920-8", "\"valueQuantity\":{\"value\":30,\"code\":\"U/L\"}", "final", false);

            assertThat(item(b, ItemKey.AST).observationId()).isEqualTo("7f0e4a52-0000-4000-8000-000000000001");
        }
    }

    @Nested
    class Conversions {

        @ParameterizedTest(name = "{0} {1} {2} -> {3}")
        @CsvSource({
                "1558-6, 7.27, mmol/L, 131",
                "1558-6, 5.5, mmol/L, 99",
                "2093-3, 5.2, mmol/L, 201",
                "2085-9, 1.3, mmol/L, 50",
                "13457-7, 3.4, mmol/L, 131",
                "18262-6, 4.14, mmol/L, 160",
                "2571-8, 1.7, mmol/L, 151",
                "718-7, 145, g/L, 14.5",
                "718-7, 129.5, g/L, 13.0",
                "2160-0, 88.42, umol/L, 1.00",
                "2160-0, 100, umol/L, 1.13",
                "2160-0, 133.5, umol/L, 1.51",
                "8280-0, 35, [in_i], 88.9",
                "8280-0, 35.43, [in_i], 90.0"
        })
        void shouldConvertAndRoundHalfUpWhenUnitIsAnAcceptedAlternative(String loinc, String value, String unit,
                                                                         String expected) {
            NormalizedScreening s = normalize(bundle().quantity(loinc, value, unit));
            CanonicalItem item = s.items().values().stream().filter(i -> i.observationId() != null).findFirst()
                    .orElseThrow();

            assertThat(item.status()).isEqualTo(ItemStatus.VALID);
            assertThat(item.value()).isEqualTo(dec(expected));
            assertThat(item.value().scale()).isEqualTo(item.key().scale());
            assertThat(item.reportedValue()).isEqualTo(dec(value));
            assertThat(item.reportedUnit()).isEqualTo(unit);
            assertThat(item.unit()).isEqualTo(item.key().canonicalUnit());
        }
    }

    @Nested
    class BloodPressure {

        @Test
        void shouldReadSystolicAndDiastolicWhenReportedAsPanelComponents() {
            TestBundle b = bundle().bpPanel("138", "88");
            NormalizedScreening s = normalize(b);

            assertThat(s.item(ItemKey.SYSTOLIC_BP).value()).isEqualTo(dec("138"));
            assertThat(s.item(ItemKey.DIASTOLIC_BP).value()).isEqualTo(dec("88"));
            assertThat(s.item(ItemKey.SYSTOLIC_BP).observationId()).isEqualTo("obs-1");
            assertThat(s.item(ItemKey.DIASTOLIC_BP).reportedUnit()).isEqualTo("mm[Hg]");
        }

        @Test
        void shouldBeMissingWhenPanelComponentHasDataAbsentReason() {
            NormalizedScreening s = normalize(bundle().bpPanel("150", null));

            assertThat(s.item(ItemKey.SYSTOLIC_BP).valid()).isTrue();
            assertThat(s.item(ItemKey.DIASTOLIC_BP).status()).isEqualTo(ItemStatus.MISSING);
        }

        @Test
        void shouldInvalidateBothWhenDiastolicIsGreaterThanSystolic() {
            NormalizedScreening s = normalize(bundle().quantity("8480-6", "80", "mm[Hg]").quantity("8462-4", "120", "mm[Hg]"));

            for (ItemKey key : new ItemKey[] {ItemKey.SYSTOLIC_BP, ItemKey.DIASTOLIC_BP}) {
                assertThat(s.item(key).status()).isEqualTo(ItemStatus.INVALID);
                assertThat(s.item(key).invalidReason()).isEqualTo(InvalidReason.BP_DIASTOLIC_GE_SYSTOLIC);
                assertThat(s.item(key).value()).isNull();
            }
            assertThat(s.item(ItemKey.SYSTOLIC_BP).reportedValue()).isEqualTo(dec("80"));
            assertThat(s.item(ItemKey.DIASTOLIC_BP).observationId()).isEqualTo("obs-2");
        }

        @Test
        void shouldInvalidateBothWhenDiastolicEqualsSystolicInPanel() {
            NormalizedScreening s = normalize(bundle().bpPanel("90", "90"));

            assertThat(s.item(ItemKey.SYSTOLIC_BP).invalidReason()).isEqualTo(InvalidReason.BP_DIASTOLIC_GE_SYSTOLIC);
            assertThat(s.item(ItemKey.DIASTOLIC_BP).invalidReason()).isEqualTo(InvalidReason.BP_DIASTOLIC_GE_SYSTOLIC);
        }

        @Test
        void shouldKeepEarlierReasonWhenOneComponentIsAlreadyInvalid() {
            NormalizedScreening s = normalize(bundle().bpPanel("400", "120"));

            assertThat(s.item(ItemKey.SYSTOLIC_BP).invalidReason()).isEqualTo(InvalidReason.IMPLAUSIBLE_VALUE);
            assertThat(s.item(ItemKey.DIASTOLIC_BP).valid()).isTrue();
        }
    }

    @Nested
    class CodedItems {

        @ParameterizedTest
        @CsvSource({"167273002, negative", "167274008, trace", "167275009, 1+", "167276005, 2+",
                "167277001, 3+", "167278006, 4+"})
        void shouldMapUrineProteinWhenSnomedCodeIsKnown(String snomed, String expected) {
            CanonicalItem urine = item(bundle().urineProtein(snomed), ItemKey.URINE_PROTEIN);

            assertThat(urine.status()).isEqualTo(ItemStatus.VALID);
            assertThat(urine.code()).isEqualTo(expected);
            assertThat(urine.reportedValue()).isEqualTo(snomed);
            assertThat(urine.value()).isNull();
            assertThat(urine.unit()).isNull();
        }

        @ParameterizedTest
        @CsvSource({"normal", "inactive_tb", "abnormal", "poor_image", "not_taken"})
        void shouldKeepChestXrayCodeWhenItIsInTheProjectCodeSystem(String code) {
            CanonicalItem cxr = item(bundle().chestXray(code), ItemKey.CHEST_XRAY);

            assertThat(cxr.status()).isEqualTo(ItemStatus.VALID);
            assertThat(cxr.code()).isEqualTo(code);
        }

        @Test
        void shouldMarkUnrecognizedCodeWhenCodeOrSystemIsUnknown() {
            NormalizedScreening s = normalize(bundle()
                    .urineProtein("260385009")
                    .coded("36554-4", "http://snomed.info/sct", "normal"));

            assertThat(s.item(ItemKey.URINE_PROTEIN).invalidReason()).isEqualTo(InvalidReason.UNRECOGNIZED_CODE);
            assertThat(s.item(ItemKey.URINE_PROTEIN).reportedValue()).isEqualTo("260385009");
            assertThat(s.item(ItemKey.CHEST_XRAY).invalidReason()).isEqualTo(InvalidReason.UNRECOGNIZED_CODE);
        }

        @Test
        void shouldMarkUnrecognizedCodeWhenCodedItemIsSentAsString() {
            CanonicalItem urine = item(bundle().valueString("20454-5", "+-"), ItemKey.URINE_PROTEIN);

            assertThat(urine.invalidReason()).isEqualTo(InvalidReason.UNRECOGNIZED_CODE);
            assertThat(urine.reportedValue()).isEqualTo("+-");
        }

        @Test
        void shouldBeMissingWhenCodedItemHasDataAbsentReason() {
            assertThat(item(bundle().absent("36554-4"), ItemKey.CHEST_XRAY).status()).isEqualTo(ItemStatus.MISSING);
        }
    }

    @Nested
    class Bmi {

        @Test
        void shouldComputeBmiWhenAbsentAndHeightAndWeightAreValid() {
            CanonicalItem bmi = item(bundle().quantity("8302-2", "175.0", "cm").quantity("29463-7", "70.0", "kg"),
                    ItemKey.BMI);

            assertThat(bmi.status()).isEqualTo(ItemStatus.VALID);
            assertThat(bmi.value()).isEqualTo(dec("22.9")); // 70 / 1.75² = 22.857
            assertThat(bmi.observationId()).isNull();
            assertThat(bmi.reportedValue()).isNull();
        }

        @Test
        void shouldComputeBmiWhenReportedBmiHasDataAbsentReason() {
            CanonicalItem bmi = item(bundle().absent("39156-5").quantity("8302-2", "160", "cm")
                    .quantity("29463-7", "64", "kg"), ItemKey.BMI);

            assertThat(bmi.value()).isEqualTo(dec("25.0"));
        }

        @Test
        void shouldJudgeReportedBmiEvenWhenItIsInvalid() {
            CanonicalItem bmi = item(bundle().quantity("39156-5", "95", "kg/m2").quantity("8302-2", "175", "cm")
                    .quantity("29463-7", "70", "kg"), ItemKey.BMI);

            assertThat(bmi.invalidReason()).isEqualTo(InvalidReason.IMPLAUSIBLE_VALUE);
            assertThat(bmi.observationId()).isEqualTo("obs-1");
        }

        @Test
        void shouldKeepReportedBmiWhenPresent() {
            CanonicalItem bmi = item(bundle().quantity("39156-5", "24.2", "kg/m2").quantity("8302-2", "175", "cm")
                    .quantity("29463-7", "70", "kg"), ItemKey.BMI);

            assertThat(bmi.value()).isEqualTo(dec("24.2"));
        }

        @Test
        void shouldNotComputeBmiWhenHeightIsInvalid() {
            CanonicalItem bmi = item(bundle().quantity("8302-2", "1.75", "m").quantity("29463-7", "70", "kg"),
                    ItemKey.BMI);

            assertThat(bmi.status()).isEqualTo(ItemStatus.MISSING);
        }

        @Test
        void shouldMarkComputedBmiImplausibleWhenOutsideTheWindow() {
            CanonicalItem bmi = item(bundle().quantity("8302-2", "100", "cm").quantity("29463-7", "90", "kg"),
                    ItemKey.BMI);

            assertThat(bmi.invalidReason()).isEqualTo(InvalidReason.IMPLAUSIBLE_VALUE);
            assertThat(bmi.observationId()).isNull();
        }
    }

    @Nested
    class Lipids {

        private TestBundle lipidBundle(String gender, String birthDate) {
            return bundle().gender(gender).birthDate(birthDate).rrn(null)
                    .quantity("2093-3", "210", "mg/dL").quantity("2085-9", "55", "mg/dL")
                    .quantity("2571-8", "1.7", "mmol/L").quantity("13457-7", "120", "mg/dL");
        }

        @ParameterizedTest(name = "{0} born {1}, exam 2026 -> due={2}")
        @CsvSource({
                "male, 2002-07-01, true",    // 24
                "male, 2006-07-01, false",   // 20: multiple of 4 but too young
                "male, 1984-07-01, false",   // 42
                "male, 1982-07-01, true",    // 44
                "female, 1986-07-01, true",  // 40
                "female, 1990-07-01, false", // 36: multiple of 4 but too young
                "female, 1985-07-01, false", // 41
                "female, 1982-07-01, true"   // 44
        })
        void shouldScheduleLipidsOnlyWhenAgeIsAtLeastMinimumAndMultipleOfCycle(String gender, String birthDate,
                                                                               boolean due) {
            NormalizedScreening s = normalize(lipidBundle(gender, birthDate));

            assertThat(s.lipidsScheduled()).isEqualTo(due);
            ItemStatus expected = due ? ItemStatus.VALID : ItemStatus.NOT_SCHEDULED;
            assertThat(s.items().values()).filteredOn(i -> i.key().lipid())
                    .hasSize(4).allSatisfy(i -> assertThat(i.status()).isEqualTo(expected));
        }

        @Test
        void shouldKeepReportedAndCanonicalValueWhenLipidsAreNotScheduled() {
            NormalizedScreening s = normalize(lipidBundle("male", "1984-07-01"));

            CanonicalItem tg = s.item(ItemKey.TRIGLYCERIDES);
            assertThat(tg.value()).isEqualByComparingTo(dec("151")); // 1.7 mmol/L × 88.57, rounded
            assertThat(tg.invalidReason()).isNull();
            assertThat(tg.reportedValue()).isEqualTo(dec("1.7"));
            assertThat(tg.reportedUnit()).isEqualTo("mmol/L");
            assertThat(tg.observationId()).isEqualTo("obs-3");
        }

        @Test
        void shouldMarkUnmeasuredLipidsNotScheduledWhenNotDue() {
            NormalizedScreening s = normalize(bundle().birthDate("1984-07-01").rrn(null).quantity("1920-8", "20", "U/L"));

            assertThat(s.item(ItemKey.LDL).status()).isEqualTo(ItemStatus.NOT_SCHEDULED);
        }

        @Test
        void shouldKeepLipidsMeasuredButNotJudgedWhenBirthDateIsUnknown() {
            NormalizedScreening s = normalize(lipidBundle("male", null));

            assertThat(s.lipidScheduleKnown()).isFalse();
            assertThat(s.lipidsJudged()).isFalse();
            assertThat(s.item(ItemKey.HDL).status()).isEqualTo(ItemStatus.VALID);
        }

        @Test
        void shouldFollowConfiguredScheduleWhenPropertiesDiffer() {
            ScreeningNormalizer yearly = new ScreeningNormalizer(
                    new JudgementProperties(new JudgementProperties.Lipids(20, 20, 1)));
            NormalizedScreening s = yearly.normalize(parser.parse(lipidBundle("female", "1985-07-01").json()).bundle());

            assertThat(s.lipidsScheduled()).isTrue();
        }
    }

    @Nested
    class PatientAndExam {

        @Test
        void shouldReadPatientWhenBundleIsComplete() {
            NormalizedScreening s = normalize(bundle().quantity("1920-8", "20", "U/L"));
            PatientInfo p = s.patient();

            assertThat(p.patientId()).isEqualTo("pat-1");
            assertThat(p.name()).isEqualTo("김민수");
            assertThat(p.sex()).isEqualTo(Sex.MALE);
            assertThat(p.birthDate()).isEqualTo(LocalDate.of(1982, 3, 15));
            assertThat(p.rrn()).isEqualTo(TestBundle.rrn("820315", 1, "23456"));
            assertThat(p.problems()).isEmpty();
            assertThat(s.examDate()).isEqualTo(LocalDate.of(2026, 5, 4));
        }

        @Test
        void shouldPreferNameTextAndJoinWesternNamesWithSpace() {
            assertThat(normalize(bundle().name("{\"text\":\"박 서연\",\"family\":\"박\",\"given\":[\"서연\"]}")
                    .quantity("1920-8", "20", "U/L")).patient().name()).isEqualTo("박 서연");
            assertThat(normalize(bundle().name("{\"family\":\"Doe\",\"given\":[\"Jane\",\"Q\"]}")
                    .quantity("1920-8", "20", "U/L")).patient().name()).isEqualTo("Jane Q Doe");
        }

        @Test
        void shouldReportRrnProblemsWhenRrnContradictsBirthDateAndSex() {
            NormalizedScreening s = normalize(bundle().gender("female").birthDate("1982-03-16")
                    .quantity("1920-8", "20", "U/L"));

            assertThat(s.patient().problems())
                    .containsExactly(RrnValidator.BIRTHDATE_MISMATCH, RrnValidator.SEX_MISMATCH);
        }

        @Test
        void shouldNotLeakNameOrRrnWhenPatientInfoIsPrinted() {
            PatientInfo p = normalize(bundle().quantity("1920-8", "20", "U/L")).patient();

            assertThat(p.toString()).doesNotContain("김민수", p.rrn(), "1982").contains("820315-1******");
            assertThat(p.maskedRrn()).isEqualTo("820315-1******");
        }

        @Test
        void shouldTakeExamDateAsWrittenWhenItHasATimeZone() {
            NormalizedScreening s = normalize(bundle().examDate("2026-05-04").quantity("1920-8", "20", "U/L"));

            // effectiveDateTime is 2026-05-04T09:30:00+09:00, i.e. 2026-05-04T00:30Z: no shift either way
            assertThat(s.examDate()).isEqualTo(LocalDate.of(2026, 5, 4));
        }

        @Test
        void shouldHaveNoExamDateWhenNoObservationHasAnEffectiveDate() {
            TestBundle b = bundle().rawEntry("urn:uuid:7f0e4a52-0000-4000-8000-000000000099",
                    "{\"resourceType\":\"Observation\",\"id\":\"o\",\"status\":\"final\",\"code\":{\"coding\":"
                            + "[{\"system\":\"http://loinc.org\",\"code\":\"1920-8\"}]},"
                            + "\"valueQuantity\":{\"value\":20,\"code\":\"U/L\"}}");

            NormalizedScreening s = normalize(b);
            assertThat(s.examDate()).isNull();
            assertThat(s.lipidsScheduled()).isTrue();
        }
    }

    @Nested
    class KnownDiseases {

        private static final String ICD = Terminology.ICD10;
        private static final String KCD = Terminology.KCD8;

        private NormalizedScreening withCondition(String system, String code, String medicationStatus, boolean relative) {
            return normalize(bundle().quantity("1920-8", "20", "U/L").condition("c1", system, code, medicationStatus, relative));
        }

        @ParameterizedTest
        @CsvSource({"I10, HYPERTENSION", "I15.0, HYPERTENSION", "E11.9, DIABETES", "E14, DIABETES",
                "E78.5, DYSLIPIDEMIA", "A15.0, TUBERCULOSIS", "A16.2, TUBERCULOSIS", "K21.0, OTHER", "I20, OTHER",
                "E15, OTHER"})
        void shouldMapDiagnosisWhenMedicationIsActive(String code, TreatedDisease expected) {
            assertThat(withCondition(ICD, code, "active", false).treatedDiseases()).containsExactly(expected);
            assertThat(withCondition(KCD, code, "active", true).treatedDiseases()).containsExactly(expected);
        }

        @ParameterizedTest
        @CsvSource({"stopped", "completed", "intended", "entered-in-error"})
        void shouldNotCountDiseaseWhenMedicationIsNotActive(String status) {
            NormalizedScreening s = withCondition(ICD, "I10", status, false);

            assertThat(s.treatedDiseases()).isEmpty();
            assertThat(s.knownDisease()).isFalse();
        }

        @Test
        void shouldNotCountDiagnosisWithoutMedication() {
            assertThat(withCondition(ICD, "E11.9", null, false).treatedDiseases()).isEmpty();
        }

        @Test
        void shouldCollectSeveralDiseasesWhenSeveralActiveMedications() {
            NormalizedScreening s = normalize(bundle().quantity("1920-8", "20", "U/L")
                    .condition("c1", ICD, "I10", "active", false)
                    .condition("c2", KCD, "E78.0", "active", true)
                    .condition("c3", ICD, "E11.9", "stopped", false));

            assertThat(s.treatedDiseases()).containsExactlyInAnyOrder(TreatedDisease.HYPERTENSION,
                    TreatedDisease.DYSLIPIDEMIA);
            assertThat(s.knownDisease()).isTrue();
        }

        @Test
        void shouldIgnoreMedicationWhenItsReasonCannotBeResolved() {
            NormalizedScreening s = normalize(bundle().quantity("1920-8", "20", "U/L")
                    .rawEntry("urn:uuid:7f0e4a52-0000-4000-8000-000000000098",
                            "{\"resourceType\":\"MedicationStatement\",\"status\":\"active\","
                                    + "\"medicationCodeableConcept\":{\"text\":\"x\"},"
                                    + "\"subject\":{\"reference\":\"Patient/pat-1\"},"
                                    + "\"reasonReference\":[{\"reference\":\"Condition/nowhere\"}]}"));

            assertThat(s.treatedDiseases()).isEmpty();
        }
    }
}
