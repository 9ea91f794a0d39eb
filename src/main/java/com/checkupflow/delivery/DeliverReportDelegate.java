package com.checkupflow.delivery;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.checkupflow.process.ScreeningReportProcess.Errors;
import com.checkupflow.process.ScreeningReportProcess.Vars;

/**
 * "Deliver report": sends the outbox message. A failure is retried by the job; once exhausted it raises
 * {@value #Errors.DELIVERY_FAILED} so that a coordinator resolves it ({@code deliveryProblem} says why).
 */
@Component("deliverReportDelegate")
class DeliverReportDelegate implements JavaDelegate {

    private final DeliveryService delivery;

    DeliverReportDelegate(DeliveryService delivery) {
        this.delivery = delivery;
    }

    @Override
    public void execute(DelegateExecution execution) {
        try {
            // how it went is recorded by the outbox and the delivery receipt; no engine variable repeats it
            delivery.deliverReport(execution.getProcessBusinessKey());
            // a retry that succeeds clears the failure "Resolve delivery" showed
            execution.removeVariable(Vars.DELIVERY_PROBLEM);
        } catch (DeliveryFailedException e) {
            if (!e.exhausted()) {
                throw e;
            }
            execution.setVariable(Vars.DELIVERY_PROBLEM, e.reason() + " (" + e.attempts() + " attempts)");
            throw new BpmnError(Errors.DELIVERY_FAILED, e.reason());
        }
    }
}
