package com.checkupflow.delivery;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Deliver report": sends the outbox message. A failure is retried by the job; once exhausted it raises
 * {@value #DELIVERY_FAILED} so that a coordinator resolves it ({@code deliveryProblem} says why).
 */
@Component("deliverReportDelegate")
class DeliverReportDelegate implements JavaDelegate {

    static final String DELIVERY_FAILED = "DELIVERY_FAILED";

    private final DeliveryService delivery;

    DeliverReportDelegate(DeliveryService delivery) {
        this.delivery = delivery;
    }

    @Override
    public void execute(DelegateExecution execution) {
        try {
            DeliveryService.Outcome outcome = delivery.deliverReport(execution.getProcessBusinessKey());
            execution.setVariable("deliveryOutcome", outcome.name());
            execution.setVariable("deliveryProblem", "");
        } catch (DeliveryFailedException e) {
            if (!e.exhausted()) {
                throw e;
            }
            execution.setVariable("deliveryProblem", e.reason() + " (" + e.attempts() + " attempts)");
            throw new BpmnError(DELIVERY_FAILED, e.reason());
        }
    }
}
