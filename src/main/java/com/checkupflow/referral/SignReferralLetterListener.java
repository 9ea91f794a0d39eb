package com.checkupflow.referral;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** "Sign referral letter" completed: the physician's text ({@code referralText}) is signed by the assignee. */
@Component("signReferralLetterListener")
class SignReferralLetterListener implements TaskListener {

    private final ReferralService referrals;

    SignReferralLetterListener(ReferralService referrals) {
        this.referrals = referrals;
    }

    @Override
    public void notify(DelegateTask task) {
        Object text = task.getVariable("referralText");
        referrals.sign(task.getExecution().getProcessBusinessKey(), text == null ? null : text.toString(),
                task.getAssignee());
    }
}
