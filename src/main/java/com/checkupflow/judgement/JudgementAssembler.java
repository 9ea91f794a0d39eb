package com.checkupflow.judgement;

import static com.checkupflow.judgement.DecisionContract.CRITICAL_FINDINGS;
import static com.checkupflow.judgement.DecisionContract.NOTE_INVALID;
import static com.checkupflow.judgement.DecisionContract.NOTE_MISSING;
import static com.checkupflow.judgement.DecisionContract.NOTE_NOT_JUDGED;
import static com.checkupflow.judgement.DecisionContract.NOTE_NOT_SCHEDULED;
import static com.checkupflow.judgement.DecisionContract.OVERALL_FLAGS;
import static com.checkupflow.judgement.DecisionContract.OVERALL_PRIMARY;

import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

import com.checkupflow.kernel.CanonicalItem;
import com.checkupflow.kernel.Category;
import com.checkupflow.kernel.ItemKey;
import com.checkupflow.kernel.ItemStatus;
import com.checkupflow.kernel.NormalizedScreening;
import com.checkupflow.kernel.TreatedDisease;

/**
 * Builds the contract's {@link Judgement} from a screening and the flat result map of the
 * {@code screening_judgement} decision. The DMN decides categories, flags and the primary result; this class
 * adds what comes from item status (notes missing / invalid / not_scheduled, {@code complete},
 * {@code needsPhysicianReview}) and the plain worst category.
 */
@Component
class JudgementAssembler {

    static final String RULESET = "KR-NHIS-GHS-2026";

    private static final Map<ItemKey, JudgementUnit> UNIT_OF_ITEM = new EnumMap<>(ItemKey.class);

    static {
        for (JudgementUnit unit : JudgementUnit.values()) {
            unit.items().forEach(item -> UNIT_OF_ITEM.put(item, unit));
        }
    }

    /**
     * Worst first. UNCLASSIFIED (a value outside the table, e.g. Hb above the range) ranks below
     * DISEASE_SUSPECT but above NORMAL_B: it is not known to be normal and needs a physician.
     */
    private static final List<Category> SEVERITY =
            List.of(Category.DISEASE_SUSPECT, Category.UNCLASSIFIED, Category.NORMAL_B, Category.NORMAL_A);

    JudgementOutcome assemble(NormalizedScreening screening, Map<String, Object> result) {
        Map<String, Judgement.UnitJudgement> judgements = new LinkedHashMap<>();
        for (JudgementUnit unit : JudgementUnit.values()) {
            Category category = category(result.get(unit.categoryVariable()));
            String note = (String) result.get(unit.noteVariable());
            if (category == null && note == null) {
                note = statusNote(screening, unit);
            } else if (category == Category.DISEASE_SUSPECT && note == null && treated(screening, unit)) {
                note = Judgement.NOTE_UNDER_TREATMENT;
            }
            judgements.put(unit.json(), new Judgement.UnitJudgement(category, note));
        }

        Map<String, Judgement.Item> items = new LinkedHashMap<>();
        for (ItemKey key : ItemKey.values()) {
            CanonicalItem item = item(screening, key);
            items.put(key.json(), new Judgement.Item(
                    item.status(),
                    item.valid() ? itemCategory(key, result, judgements) : null,
                    key.coded() ? item.code() : item.value(),
                    item.unit(),
                    item.reportedValue(),
                    item.reportedUnit(),
                    item.invalidReason(),
                    item.observationId()));
        }

        boolean chestXrayJudged = judgements.get(JudgementUnit.CHEST_XRAY.json()).category() != null;
        boolean anyInvalid = items.values().stream().anyMatch(i -> i.status() == ItemStatus.INVALID);
        boolean anyUnclassified = judgements.values().stream().anyMatch(j -> j.category() == Category.UNCLASSIFIED);
        boolean chestXrayNotJudged = NOTE_NOT_JUDGED.equals(judgements.get(JudgementUnit.CHEST_XRAY.json()).note());

        Judgement.Overall overall = new Judgement.Overall(
                (String) result.get(OVERALL_PRIMARY),
                strings(result.get(OVERALL_FLAGS)),
                worst(judgements.values()),
                complete(screening) && chestXrayJudged,
                anyUnclassified || anyInvalid || chestXrayNotJudged);

        Judgement judgement = new Judgement(RULESET, items, judgements, overall);
        return new JudgementOutcome(judgement, strings(result.get(CRITICAL_FINDINGS)));
    }

    /** An item's own band: its unit's category, or for a BP component the component's band. */
    private static Category itemCategory(ItemKey key, Map<String, Object> result,
                                         Map<String, Judgement.UnitJudgement> judgements) {
        if (key == ItemKey.SYSTOLIC_BP || key == ItemKey.DIASTOLIC_BP) {
            return category(result.get(DecisionContract.componentCategory(key)));
        }
        JudgementUnit unit = UNIT_OF_ITEM.get(key);
        return unit == null ? null : judgements.get(unit.json()).category();
    }

    /** BP, glucose and the lipids of a person treated for their disease (criteria §4.3); TB treatment exempts nothing. */
    private static boolean treated(NormalizedScreening screening, JudgementUnit unit) {
        return switch (unit.targetDisease()) {
            case HYPERTENSION -> screening.treatedDiseases().contains(TreatedDisease.HYPERTENSION);
            case DIABETES -> screening.treatedDiseases().contains(TreatedDisease.DIABETES);
            case DYSLIPIDEMIA -> screening.treatedDiseases().contains(TreatedDisease.DYSLIPIDEMIA);
            default -> false;
        };
    }

    /** Why a unit has no category when the DMN gave no note: from the status of its items. */
    private static String statusNote(NormalizedScreening screening, JudgementUnit unit) {
        List<CanonicalItem> unitItems = unit.items().stream().map(k -> item(screening, k)).toList();
        if (unitItems.stream().anyMatch(i -> i.status() == ItemStatus.INVALID)) {
            return NOTE_INVALID;
        }
        if (unitItems.stream().allMatch(i -> i.status() == ItemStatus.MISSING)) {
            return NOTE_MISSING;
        }
        boolean notScheduled = unitItems.stream().allMatch(i -> i.status() == ItemStatus.NOT_SCHEDULED
                || (i.key().lipid() && !screening.lipidsScheduled()));
        if (notScheduled) {
            return NOTE_NOT_SCHEDULED;
        }
        // valid but not judged by the table, e.g. a sex-specific band without a known sex, or a lipid whose schedule
        // cannot be computed (no birth date)
        return NOTE_NOT_JUDGED;
    }

    /** §4.5: every applicable item (all but height and weight; lipids only when scheduled) is present and valid. */
    private static boolean complete(NormalizedScreening screening) {
        for (ItemKey key : ItemKey.values()) {
            if (key == ItemKey.HEIGHT || key == ItemKey.WEIGHT || (key.lipid() && !screening.lipidsJudged())) {
                continue;
            }
            ItemStatus status = item(screening, key).status();
            if (status == ItemStatus.MISSING || status == ItemStatus.INVALID) {
                return false;
            }
        }
        return true;
    }

    private static Category worst(Collection<Judgement.UnitJudgement> judgements) {
        return SEVERITY.stream()
                .filter(c -> judgements.stream().anyMatch(j -> j.category() == c))
                .findFirst()
                .orElse(null);
    }

    private static CanonicalItem item(NormalizedScreening screening, ItemKey key) {
        CanonicalItem item = screening.item(key);
        return item == null ? CanonicalItem.missing(key) : item;
    }

    private static Category category(Object value) {
        return value == null ? null : Category.valueOf(value.toString());
    }

    private static List<String> strings(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof Collection<?> collection) {
            return collection.stream().map(String::valueOf).toList();
        }
        return List.of(value.toString());
    }
}
