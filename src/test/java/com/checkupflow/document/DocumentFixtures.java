package com.checkupflow.document;

import java.time.Duration;
import java.util.List;

import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.mockito.ArgumentMatchers;
import org.mockito.Mockito;

import com.checkupflow.engine.ExternalTaskWorker;
import com.checkupflow.engine.ExternalTasks;

/**
 * Public test fixtures of the AI document step for process tests of other packages: the real
 * {@link DraftDocumentWorker} and {@link ReviewDocumentListener} around a stubbed {@link DocumentService} (its own
 * tests draft real documents), which answers {@link #DRAFT} for every kind.
 */
public final class DocumentFixtures {

    public static final String DRAFT = "결과 상담 요약 초안";

    private final DocumentService documents = Mockito.mock(DocumentService.class);

    public DocumentFixtures() {
        Mockito.when(documents.draft(ArgumentMatchers.anyString(), ArgumentMatchers.anyMap()))
                .thenReturn(new DocumentService.Drafted(DRAFT, true, null, "template", false));
    }

    public ExecutionListener reviewDocumentListener() {
        return new ReviewDocumentListener(documents);
    }

    /**
     * Works the locked document tasks of one element through the real worker and hands the others back (the topic is
     * shared by every AI document step); returns how many it worked.
     */
    public int workDocumentTasks(ExternalTaskService externalTasks, String activityId) {
        DraftDocumentWorker worker = new DraftDocumentWorker(ExternalTasks.of(externalTasks), documents,
                ExternalTaskWorker.Settings.of(4, Duration.ofMinutes(2), Duration.ofMillis(500), false));
        List<LockedExternalTask> locked = externalTasks.fetchAndLock(10, worker.workerId())
                .topic(worker.topic(), 60_000).variables(worker.variables()).execute();
        int worked = 0;
        for (LockedExternalTask task : locked) {
            if (task.getActivityId().equals(activityId)) {
                worker.handle(task);
                worked++;
            } else {
                externalTasks.unlock(task.getId());
            }
        }
        return worked;
    }

    public void verifyDrafted(String screeningId, String kind) {
        Mockito.verify(documents).draft(ArgumentMatchers.eq(screeningId),
                ArgumentMatchers.argThat(parameters -> kind.equals(parameters.get(DocumentStep.KIND))));
    }

    public void verifyReviewed(String screeningId, String outputVariable, String text, String reviewer) {
        Mockito.verify(documents).review(screeningId, outputVariable, text, reviewer);
    }
}
