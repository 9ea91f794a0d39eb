package com.checkupflow.referral;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Serves referral-letter version 1 only, whose "Draft referral letter" was a job (version 2 made it the external task
 * {@code draftReferralLetter}, version 3 the AI document step {@code draftDocument}): instances started before the
 * upgrade still resolve this bean. Remove it once no version-1 instance waits at that step.
 */
@Component("draftReferralLetterDelegate")
class DraftReferralLetterDelegate implements JavaDelegate {

    private final ReferralService referrals;

    DraftReferralLetterDelegate(ReferralService referrals) {
        this.referrals = referrals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariables(ReferralLetterKindDrafter.variables(referrals.draft(execution.getProcessBusinessKey(),
                ReferralLetterKindDrafter.units(execution.getVariable("referralUnits")), null)));
    }
}
