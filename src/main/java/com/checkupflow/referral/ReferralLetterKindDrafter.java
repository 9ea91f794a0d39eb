package com.checkupflow.referral;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.checkupflow.ai.KindDrafter;
import com.checkupflow.ai.PromptTemplates;

/**
 * The referral letter kind ({@code documents/referral-letter/}, {@code drafter=referral-letter}), drafted by the AI
 * document step "Draft referral letter" ({@code Activity_DraftReferralLetter}) for the units in {@code referralUnits}.
 * The service falls back to the template letter itself, so the step always completes with a letter: the draft
 * prefills {@code referralText}; {@code referralCheckNote} holds the findings of a model letter that failed the check
 * (the sign form shows them), null otherwise.
 */
@Component
class ReferralLetterKindDrafter implements KindDrafter {

    private final ReferralService referrals;

    ReferralLetterKindDrafter(ReferralService referrals) {
        this.referrals = referrals;
    }

    @Override
    public String drafter() {
        return PromptTemplates.REFERRAL_LETTER_KIND;
    }

    @Override
    public List<String> variables() {
        return List.of("referralUnits");
    }

    @Override
    public Map<String, Object> draft(String screeningId, Map<String, Object> variables) {
        Object version = variables.get("promptVersion");
        return variables(referrals.draft(screeningId, units(variables.get("referralUnits")),
                version == null || version.toString().isBlank() ? null : version.toString().trim()));
    }

    /** {@code referralUnits} is a comma-separated list of judgement units. */
    static List<String> units(Object referralUnits) {
        return referralUnits == null ? List.of()
                : Arrays.stream(referralUnits.toString().split(",")).filter(u -> !u.isBlank()).toList();
    }

    static Map<String, Object> variables(ReferralService.DraftedLetter draft) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("referralDraft", draft.text());
        variables.put("referralText", draft.text());
        variables.put("referralCheckNote", draft.checkNote());
        return variables;
    }
}
