package com.checkupflow.document;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.mockito.Mockito;

import com.checkupflow.ai.KindDrafter;
import com.checkupflow.engine.ExternalTaskWorker;
import com.checkupflow.engine.ExternalTasks;

/**
 * Public test fixtures of the AI document step: the real {@link DraftDocumentWorker} with the Java drafters a test
 * brings (e.g. the report summary's around a mocked drafting service), working the tasks of their kinds only.
 */
public final class DocumentFixtures {

    private DocumentFixtures() {
    }

    /** The real worker (not started) with these drafters; a kind whose drafter the test did not bring is refused. */
    public static ExternalTaskWorker draftDocumentWorker(ExternalTaskService service, KindDrafter... drafters) {
        return draftDocumentWorker(service, ExternalTaskWorker.Settings.of(4, Duration.ofMinutes(2), Duration.ofMillis(500),
                false), drafters);
    }

    public static ExternalTaskWorker draftDocumentWorker(ExternalTaskService service, ExternalTaskWorker.Settings settings,
                                                         KindDrafter... drafters) {
        return new DraftDocumentWorker(ExternalTasks.of(service), Mockito.mock(DocumentService.class), kinds(drafters),
                settings);
    }

    /**
     * Fetches and locks up to 10 open tasks as the worker's own poll does (its topics, its variables and, when it asks,
     * the extension properties), through the engine adapter the application uses, without working them.
     */
    public static List<LockedExternalTask> fetch(ExternalTaskService service, ExternalTaskWorker worker) {
        return ExternalTasks.of(service).fetchAndLock(worker.workerId(), worker.topics(), 10, 60_000, worker.variables(),
                worker.extensionProperties(), 0);
    }

    /** The document kind a fetched task is configured with: its element's extension property, else its variable. */
    public static String kind(LockedExternalTask task) {
        Object kind = task.getExtensionProperties().get(DocumentStep.KIND);
        kind = kind != null ? kind : task.getVariables().get(DocumentStep.KIND);
        return kind == null ? null : kind.toString();
    }

    /**
     * Fetches the open tasks of the worker's topics (draftDocument and the legacy ones) and hands those of the
     * drafters' kinds to the worker, as the in-application worker would; other kinds' tasks are unlocked again.
     *
     * @return the tasks worked
     */
    public static List<LockedExternalTask> work(ExternalTaskService service, ExternalTaskWorker worker,
                                                KindDrafter... drafters) {
        DocumentKinds kinds = kinds(drafters);
        Set<String> drafted = Set.of(drafters).stream().map(KindDrafter::drafter).collect(Collectors.toSet());
        List<LockedExternalTask> worked = new ArrayList<>();
        for (LockedExternalTask task : fetch(service, worker)) {
            Object kind = kinds.legacyTopics().getOrDefault(task.getTopicName(), kind(task));
            if (kind != null && drafted.contains(kinds.get(kind.toString()).drafter())) {
                worker.handle(task);
                worked.add(task);
            } else {
                service.unlock(task.getId());
            }
        }
        return worked;
    }

    /**
     * The consultation summary (and any kind of resources only) around a mocked {@link DocumentService} that drafts
     * {@code text}: the real worker and the real review listener.
     */
    public static final class ResourceKinds {

        private final DocumentService service = Mockito.mock(DocumentService.class);
        private final DraftDocumentWorker worker;

        public ResourceKinds(ExternalTaskService externalTasks, String text) {
            Mockito.when(service.draft(Mockito.anyString(), Mockito.anyMap()))
                    .thenReturn(new DocumentService.Drafted(text, true, null, "template", false));
            worker = new DraftDocumentWorker(ExternalTasks.of(externalTasks), service, new DocumentKinds(),
                    ExternalTaskWorker.Settings.of(4, Duration.ofMinutes(2), Duration.ofMillis(500), false));
        }

        /** Works the open draftDocument tasks of kinds without a drafter; the others are unlocked again. */
        public void work(ExternalTaskService externalTasks) {
            DocumentKinds kinds = new DocumentKinds();
            for (LockedExternalTask task : fetch(externalTasks, worker)) {
                if (kinds.legacyTopics().containsKey(task.getTopicName())) {
                    externalTasks.unlock(task.getId());
                } else if (kinds.get(kind(task)).drafter() == null) {
                    worker.handle(task);
                } else {
                    externalTasks.unlock(task.getId());
                }
            }
        }

        public org.camunda.bpm.engine.delegate.ExecutionListener reviewDocumentListener() {
            return new ReviewDocumentListener(service);
        }

        /** Verifies that no review of a document was stored. */
        public void verifyNotReviewed() {
            Mockito.verify(service, Mockito.never()).review(Mockito.any(), Mockito.any(), Mockito.any(), Mockito.any());
        }
    }

    private static DocumentKinds kinds(KindDrafter... drafters) {
        List<KindDrafter> all = new ArrayList<>(List.of(drafters));
        Set<String> brought = all.stream().map(KindDrafter::drafter).collect(Collectors.toSet());
        new DocumentKinds().all().stream().map(DocumentKind::drafter)
                .filter(d -> d != null && !brought.contains(d)).forEach(d -> all.add(refusing(d)));
        return new DocumentKinds(all);
    }

    /** A drafter of that name that a test does not expect to be called. */
    static KindDrafter refusing(String name) {
        return new KindDrafter() {
            @Override
            public String drafter() {
                return name;
            }

            @Override
            public List<String> variables() {
                return List.of();
            }

            @Override
            public Map<String, Object> draft(String screeningId, Map<String, Object> variables) {
                throw new AssertionError("this test brings no drafter " + name);
            }
        };
    }
}
