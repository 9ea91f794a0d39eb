package com.checkupflow.delivery;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import com.checkupflow.kernel.InputRefused;
import com.checkupflow.process.ScreeningReportProcess.Vars;

/** "Resolve delivery" completed: records the coordinator's resolution ({@code deliveryResolution}). */
@Component("resolveDeliveryListener")
class ResolveDeliveryListener implements TaskListener {

    private final DeliveryService delivery;

    ResolveDeliveryListener(DeliveryService delivery) {
        this.delivery = delivery;
    }

    @Override
    public void notify(DelegateTask task) {
        Object value = task.getVariable(Vars.DELIVERY_RESOLUTION);
        DeliveryService.Resolution resolution;
        try {
            resolution = DeliveryService.Resolution.valueOf(String.valueOf(value));
        } catch (IllegalArgumentException e) {
            throw new InputRefused("처리 방법을 고르세요: 다시 보내기, 우편으로 보내기 또는 다른 방법으로 직접 전달함");
        }
        Object note = task.getVariable(Vars.DELIVERY_NOTE);
        delivery.resolveReport(task.getExecution().getProcessBusinessKey(), resolution, task.getAssignee(),
                note == null ? null : note.toString());
    }
}
