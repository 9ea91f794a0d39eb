package com.checkupflow.delivery;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;

/** Public test fixtures of the delivery feature: the real delegate and listener around a mocked {@link DeliveryService}. */
public final class DeliveryFixtures {

    private final DeliveryService service = mock(DeliveryService.class);

    public DeliveryFixtures() {
        when(service.deliverReport(anyString())).thenReturn(DeliveryService.Outcome.SENT);
    }

    public JavaDelegate deliverReportDelegate() {
        return new DeliverReportDelegate(service);
    }

    public TaskListener resolveDeliveryListener() {
        return new ResolveDeliveryListener(service);
    }

    /** The channel fails; attempts 1..{@code maxAttempts}-1 are retryable, the last one is exhausted. */
    public void failDelivery(String screeningId, int maxAttempts) {
        var stub = when(service.deliverReport(screeningId));
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            stub = stub.thenThrow(new DeliveryFailedException("mail_send_failed", attempt, attempt >= maxAttempts, null));
        }
        stub.thenReturn(DeliveryService.Outcome.SENT);
    }

    public void verifyDeliveryRuns(String screeningId, int runs) {
        verify(service, times(runs)).deliverReport(screeningId);
    }

    public void verifyResolved(String screeningId, String resolution, String coordinator) {
        verify(service).resolveReport(eq(screeningId), eq(DeliveryService.Resolution.valueOf(resolution)),
                eq(coordinator), org.mockito.ArgumentMatchers.any());
    }
}
