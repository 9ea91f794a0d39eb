package com.checkupflow.kernel;

import java.util.List;
import java.util.Map;

/**
 * The blood-pressure pair rule (screening-criteria.md §4.2, §5), for a received screening and for corrected values
 * alike: if both components are valid and the diastolic is at or above the systolic, both become invalid.
 */
public final class BloodPressurePair {

    private BloodPressurePair() {
    }

    /**
     * Replaces both components in {@code items} when the pair breaks the rule.
     *
     * @return the replaced components (empty when the pair is fine)
     */
    public static List<CanonicalItem> rejectDiastolicAtOrAboveSystolic(Map<ItemKey, CanonicalItem> items) {
        CanonicalItem sbp = items.get(ItemKey.SYSTOLIC_BP);
        CanonicalItem dbp = items.get(ItemKey.DIASTOLIC_BP);
        if (!sbp.valid() || !dbp.valid() || dbp.value().compareTo(sbp.value()) < 0) {
            return List.of();
        }
        List<CanonicalItem> invalid = List.of(sbp, dbp).stream()
                .map(bp -> new CanonicalItem(bp.key(), ItemStatus.INVALID, null, null, bp.reportedValue(),
                        bp.reportedUnit(), InvalidReason.BP_DIASTOLIC_GE_SYSTOLIC, bp.observationId()))
                .toList();
        invalid.forEach(bp -> items.put(bp.key(), bp));
        return invalid;
    }
}
