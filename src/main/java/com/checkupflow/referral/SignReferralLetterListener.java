package com.checkupflow.referral;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import com.checkupflow.process.ReferralLetterProcess.Vars;

/**
 * "Sign referral letter" completed: the physician's text ({@code referralText}) is checked and signed by the assignee;
 * with findings only when she signs anyway ({@code referralSignAnyway}) with a reason ({@code referralSignAnywayReason}).
 */
@Component("signReferralLetterListener")
class SignReferralLetterListener implements TaskListener {

    private final ReferralService referrals;

    SignReferralLetterListener(ReferralService referrals) {
        this.referrals = referrals;
    }

    @Override
    public void notify(DelegateTask task) {
        Object text = task.getVariable("referralText");
        Object reason = task.getVariable(Vars.REFERRAL_SIGN_ANYWAY_REASON);
        referrals.sign(task.getExecution().getProcessBusinessKey(), text == null ? null : text.toString(),
                task.getAssignee(), Boolean.TRUE.equals(task.getVariable(Vars.REFERRAL_SIGN_ANYWAY)),
                reason == null ? null : reason.toString());
    }
}
