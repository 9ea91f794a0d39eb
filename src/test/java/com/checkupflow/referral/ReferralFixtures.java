package com.checkupflow.referral;

import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;

import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.mockito.ArgumentMatchers;

import com.checkupflow.kernel.InputRefused;
import com.checkupflow.document.DocumentFixtures;
import com.checkupflow.kernel.InputRefused;

/** Public test fixtures of the referral feature: the real worker and listeners around a mocked {@link ReferralService}. */
public final class ReferralFixtures {

    public static final String DRAFT = "선생님께, 다음 소견으로 전문의 진료를 의뢰드립니다.";

    private final ReferralService service = mock(ReferralService.class);

    public ReferralFixtures() {
        when(service.draft(anyString(), anyList(), org.mockito.ArgumentMatchers.any())).thenReturn(new ReferralService.DraftedLetter(DRAFT, null));
        doThrow(new InputRefused("의뢰서 내용이 비어 있습니다. 의뢰 내용을 적어 주세요."))
                .when(service).sign(anyString(), ArgumentMatchers.eq(" "), ArgumentMatchers.any(), ArgumentMatchers.anyBoolean(),
                        ArgumentMatchers.any());
    }

    /**
     * Works the open "Draft referral letter" external tasks (AI document step, kind referral-letter) with the real
     * worker and {@link ReferralLetterKindDrafter} around the mocked service, as the in-application worker would.
     */
    public void workDraftReferralLetterTasks(ExternalTaskService externalTasks) {
        ReferralLetterKindDrafter drafter = new ReferralLetterKindDrafter(service);
        DocumentFixtures.work(externalTasks, DocumentFixtures.draftDocumentWorker(externalTasks, drafter), drafter);
    }

    public TaskListener signReferralLetterListener() {
        return new SignReferralLetterListener(service);
    }

    public TaskListener bookAppointmentListener() {
        return new BookAppointmentListener(service);
    }

    public void verifyDrafted(String screeningId, List<String> units) {
        verify(service).draft(org.mockito.ArgumentMatchers.eq(screeningId), org.mockito.ArgumentMatchers.eq(units),
                org.mockito.ArgumentMatchers.any());
    }

    public void verifySigned(String screeningId, String text, String physician) {
        verify(service).sign(screeningId, text, physician, false, null);
    }

    public void verifyBooked(String screeningId, Object at, Object place, String coordinator) {
        verify(service).book(screeningId, at, place, coordinator);
    }
}
