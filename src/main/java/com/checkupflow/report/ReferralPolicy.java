package com.checkupflow.report;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import com.checkupflow.judgement.Judgement;
import com.checkupflow.kernel.Category;

/**
 * Which suspect findings the issued report refers to a specialist with a referral letter.
 *
 * @param units judgement units (screening-criteria.md §4) whose 질환의심 needs a specialist
 */
@ConfigurationProperties(prefix = "checkupflow.referral")
record ReferralPolicy(
        @DefaultValue({"creatinine", "egfr", "urine_protein", "chest_xray", "ast", "alt", "ggt", "hemoglobin"})
        List<String> units) {

    /** The configured units judged 질환의심, in the judgement's order. */
    List<String> unitsToRefer(Judgement judgement) {
        return judgement.judgements().entrySet().stream()
                .filter(e -> e.getValue() != null && e.getValue().category() == Category.DISEASE_SUSPECT)
                .map(java.util.Map.Entry::getKey)
                .filter(units::contains)
                .toList();
    }
}
