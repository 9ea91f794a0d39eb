package com.checkupflow.referral;

import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.List;

import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.mockito.ArgumentMatchers;

import com.checkupflow.engine.ExternalTaskWorker;
import com.checkupflow.engine.ExternalTasks;

/** Public test fixtures of the referral feature: the real worker and listeners around a mocked {@link ReferralService}. */
public final class ReferralFixtures {

    public static final String DRAFT = "선생님께, 다음 소견으로 전문의 진료를 의뢰드립니다.";

    private final ReferralService service = mock(ReferralService.class);

    public ReferralFixtures() {
        when(service.draft(anyString(), anyList())).thenReturn(new ReferralService.DraftedLetter(DRAFT, null));
        doThrow(new IllegalArgumentException("의뢰서 내용(referralText)이 비어 있습니다"))
                .when(service).sign(anyString(), ArgumentMatchers.eq(" "), ArgumentMatchers.any());
    }

    /**
     * Works the open "Draft referral letter" external tasks with the real {@link DraftReferralLetterWorker} around the
     * mocked service, as the in-application worker would.
     */
    public void workDraftReferralLetterTasks(ExternalTaskService externalTasks) {
        DraftReferralLetterWorker worker = new DraftReferralLetterWorker(ExternalTasks.of(externalTasks), service,
                ExternalTaskWorker.Settings.of(1, Duration.ofMinutes(1), Duration.ofMillis(500), false));
        externalTasks.fetchAndLock(10, worker.workerId()).topic(worker.topic(), 60_000).variables(worker.variables())
                .execute().forEach(worker::handle);
    }

    public TaskListener signReferralLetterListener() {
        return new SignReferralLetterListener(service);
    }

    public TaskListener bookAppointmentListener() {
        return new BookAppointmentListener(service);
    }

    public void verifyDrafted(String screeningId, List<String> units) {
        verify(service).draft(screeningId, units);
    }

    public void verifySigned(String screeningId, String text, String physician) {
        verify(service).sign(screeningId, text, physician);
    }

    public void verifyBooked(String screeningId, Object at, Object place, String coordinator) {
        verify(service).book(screeningId, at, place, coordinator);
    }
}
