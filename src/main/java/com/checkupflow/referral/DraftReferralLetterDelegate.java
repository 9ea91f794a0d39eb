package com.checkupflow.referral;

import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Draft referral letter": drafts the letter for {@code referralUnits}; the draft prefills {@code referralText}.
 * {@code referralCheckNote} holds the findings of a model letter that failed the check (the sign form shows them),
 * null otherwise.
 */
@Component("draftReferralLetterDelegate")
class DraftReferralLetterDelegate implements JavaDelegate {

    private final ReferralService referrals;

    DraftReferralLetterDelegate(ReferralService referrals) {
        this.referrals = referrals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object units = execution.getVariable("referralUnits");
        List<String> list = units == null ? List.of()
                : Arrays.stream(units.toString().split(",")).filter(u -> !u.isBlank()).toList();
        ReferralService.DraftedLetter draft = referrals.draft(execution.getProcessBusinessKey(), list);
        execution.setVariable("referralDraft", draft.text());
        execution.setVariable("referralText", draft.text());
        execution.setVariable("referralCheckNote", draft.checkNote());
    }
}
