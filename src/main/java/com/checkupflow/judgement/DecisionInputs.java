package com.checkupflow.judgement;

import static com.checkupflow.judgement.DecisionContract.KNOWN_DISEASE;
import static com.checkupflow.judgement.DecisionContract.SEX;
import static com.checkupflow.judgement.DecisionContract.TREATED_DIABETES;
import static com.checkupflow.judgement.DecisionContract.TREATED_DYSLIPIDEMIA;
import static com.checkupflow.judgement.DecisionContract.TREATED_HYPERTENSION;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

import com.checkupflow.kernel.CanonicalItem;
import com.checkupflow.kernel.ItemKey;
import com.checkupflow.kernel.NormalizedScreening;
import com.checkupflow.kernel.Sex;
import com.checkupflow.kernel.TreatedDisease;

/**
 * The input variables of {@code screening_judgement}: one per judged {@link ItemKey} (a Double for quantities,
 * the canonical code for coded items, null unless the item is VALID; lipids null when not scheduled or when the
 * schedule is unknown), the sex
 * code, and the treated-disease booleans.
 */
@Component
class DecisionInputs {

    Map<String, Object> of(NormalizedScreening screening) {
        Map<String, Object> variables = new HashMap<>();
        for (ItemKey key : ItemKey.values()) {
            if (key != ItemKey.HEIGHT && key != ItemKey.WEIGHT) {
                variables.put(key.variable(), value(screening, key));
            }
        }
        Sex sex = screening.patient() == null ? null : screening.patient().sex();
        variables.put(SEX, sex == null ? null : sex.code());
        Set<TreatedDisease> treated = screening.treatedDiseases();
        variables.put(KNOWN_DISEASE, screening.knownDisease());
        variables.put(TREATED_HYPERTENSION, treated.contains(TreatedDisease.HYPERTENSION));
        variables.put(TREATED_DIABETES, treated.contains(TreatedDisease.DIABETES));
        variables.put(TREATED_DYSLIPIDEMIA, treated.contains(TreatedDisease.DYSLIPIDEMIA));
        return variables;
    }

    private static Object value(NormalizedScreening screening, ItemKey key) {
        CanonicalItem item = screening.item(key);
        // lipids only when due; when the schedule cannot be computed (no birth date) they are not judged (criteria §2)
        if (item == null || !item.valid() || (key.lipid() && !screening.lipidsJudged())) {
            return null;
        }
        if (key.coded()) {
            return item.code();
        }
        return item.value() == null ? null : item.value().doubleValue();
    }
}
