package com.checkupflow.referral;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** "Book specialist appointment" completed: records {@code appointmentAt} and {@code appointmentPlace}. */
@Component("bookAppointmentListener")
class BookAppointmentListener implements TaskListener {

    private final ReferralService referrals;

    BookAppointmentListener(ReferralService referrals) {
        this.referrals = referrals;
    }

    @Override
    public void notify(DelegateTask task) {
        referrals.book(task.getExecution().getProcessBusinessKey(), task.getVariable("appointmentAt"),
                task.getVariable("appointmentPlace"), task.getAssignee());
    }
}
