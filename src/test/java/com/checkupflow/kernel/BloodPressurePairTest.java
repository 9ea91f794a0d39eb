package com.checkupflow.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class BloodPressurePairTest {

    @Test
    void shouldInvalidateBothComponentsWhenDiastolicEqualsSystolic() {
        Map<ItemKey, CanonicalItem> items = pair(valid(ItemKey.SYSTOLIC_BP, "90"), valid(ItemKey.DIASTOLIC_BP, "90"));

        assertThat(BloodPressurePair.rejectDiastolicAtOrAboveSystolic(items)).hasSize(2);

        assertThat(items.values()).allSatisfy(bp -> {
            assertThat(bp.status()).isEqualTo(ItemStatus.INVALID);
            assertThat(bp.invalidReason()).isEqualTo(InvalidReason.BP_DIASTOLIC_GE_SYSTOLIC);
            assertThat(bp.value()).isNull();
            assertThat(bp.reportedValue()).isEqualTo(new BigDecimal("90"));
            assertThat(bp.observationId()).isEqualTo("obs-" + bp.key().json());
        });
    }

    @Test
    void shouldKeepThePairWhenDiastolicIsBelowSystolic() {
        Map<ItemKey, CanonicalItem> items = pair(valid(ItemKey.SYSTOLIC_BP, "120"), valid(ItemKey.DIASTOLIC_BP, "119"));
        Map<ItemKey, CanonicalItem> before = Map.copyOf(items);

        assertThat(BloodPressurePair.rejectDiastolicAtOrAboveSystolic(items)).isEmpty();
        assertThat(items).isEqualTo(before);
    }

    @Test
    void shouldKeepThePairWhenAComponentIsMissing() {
        Map<ItemKey, CanonicalItem> items = pair(valid(ItemKey.SYSTOLIC_BP, "80"),
                CanonicalItem.missing(ItemKey.DIASTOLIC_BP));

        assertThat(BloodPressurePair.rejectDiastolicAtOrAboveSystolic(items)).isEmpty();
        assertThat(items.get(ItemKey.SYSTOLIC_BP).valid()).isTrue();
    }

    private static CanonicalItem valid(ItemKey key, String value) {
        return new CanonicalItem(key, ItemStatus.VALID, new BigDecimal(value), null, new BigDecimal(value),
                key.canonicalUnit(), null, "obs-" + key.json());
    }

    private static Map<ItemKey, CanonicalItem> pair(CanonicalItem sbp, CanonicalItem dbp) {
        Map<ItemKey, CanonicalItem> items = new EnumMap<>(ItemKey.class);
        items.put(sbp.key(), sbp);
        items.put(dbp.key(), dbp);
        return items;
    }
}
