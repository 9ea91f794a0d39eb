package com.checkupflow.intake;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Identifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.checkupflow.center.Center;
import com.checkupflow.center.Centers;
import com.checkupflow.kernel.NormalizedScreening;
import com.checkupflow.process.ScreeningReportProcess.Vars;
import com.checkupflow.review.ReviewProperties;
import com.checkupflow.screening.Screening;
import com.checkupflow.screening.ScreeningRepository;
import com.checkupflow.screening.ScreeningWorkflow;
import com.checkupflow.screening.Stage;
import com.checkupflow.screening.WorkflowProperties;
import com.checkupflow.web.Problem;
import com.checkupflow.web.ProblemException;

/**
 * Accepts a screening Bundle: rejects whole-screening problems before anything is stored, stores the
 * Bundle and its normalized items, and starts the report workflow in the same transaction. Idempotent on
 * {@code Bundle.identifier}, also under concurrent posts (the unique key decides; the loser answers with the
 * winner's id).
 */
@Service
public class IntakeService {

    private static final Logger log = LoggerFactory.getLogger(IntakeService.class);
    /** PostgreSQL reports the conflict once the winner committed; H2 may report it while the winner still commits. */
    private static final int DUPLICATE_LOOKUP_ATTEMPTS = 20;

    private final Centers centers;
    private final BundleParser parser;
    private final ScreeningNormalizer normalizer;
    private final ScreeningRepository screenings;
    private final ScreeningWorkflow workflow;
    private final WorkflowProperties workflowProperties;
    private final ReviewProperties reviewProperties;
    private final TransactionTemplate transaction;
    private final Clock clock;

    IntakeService(Centers centers, BundleParser parser, ScreeningNormalizer normalizer,
                  ScreeningRepository screenings, ScreeningWorkflow workflow, WorkflowProperties workflowProperties,
                  ReviewProperties reviewProperties, TransactionTemplate transaction, Clock clock) {
        this.centers = centers;
        this.parser = parser;
        this.normalizer = normalizer;
        this.screenings = screenings;
        this.workflow = workflow;
        this.workflowProperties = workflowProperties;
        this.reviewProperties = reviewProperties;
        this.transaction = transaction;
        this.clock = clock;
    }

    public IntakeResult receive(String centerId, String language, byte[] body) {
        List<Problem> problems = new ArrayList<>();
        Optional<Center> center = centers.find(centerId);
        if (centerId == null || centerId.isBlank()) {
            problems.add(new Problem("center_missing", "The query parameter 'center' is required"));
        } else if (center.isEmpty()) {
            problems.add(new Problem("center_unknown", "Unknown center '" + centerId + "'; known centers: "
                    + String.join(", ", centers.all().stream().map(Center::id).toList())));
        }
        if (language != null && !language.equals("ko") && !language.equals("en")) {
            problems.add(new Problem("language_unsupported", "language must be 'ko' or 'en'"));
        }
        String json = new String(body, StandardCharsets.UTF_8);
        ParsedBundle parsed = parser.parse(json);
        parsed.problems().forEach(p -> problems.add(new Problem(p.code(), p.detail())));
        if (!problems.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "The screening was rejected; nothing was stored", problems);
        }
        Bundle bundle = parsed.bundle();
        Identifier identifier = bundle.getIdentifier();
        Optional<String> known = screenings.findIdBySource(identifier.getSystem(), identifier.getValue());
        if (known.isPresent()) {
            return new IntakeResult(known.get(), false);
        }
        NormalizedScreening normalized = normalizer.normalize(bundle);
        String lang = language != null ? language : center.orElseThrow().language();
        Screening screening = new Screening(UUID.randomUUID().toString(), centerId, identifier.getSystem(),
                identifier.getValue(), null, lang, Stage.RECEIVED, Instant.now(clock), normalized.examDate(),
                normalized.patient(), normalized.lipidsScheduled(), normalized.treatedDiseases(), null, List.of(),
                null, null, null, null);
        List<ScreeningRepository.TooLong> tooLong = screenings.tooLong(screening, normalized.items().values());
        if (!tooLong.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "The screening was rejected; nothing was stored",
                    tooLong.stream().map(t -> new Problem("field_too_long",
                            t.field() + " is longer than " + t.maxLength() + " characters")).toList());
        }
        try {
            transaction.executeWithoutResult(status -> store(screening, normalized, json));
            log.info("Screening {} received for center {}", screening.id(), centerId);
            return new IntakeResult(screening.id(), true);
        } catch (DuplicateKeyException concurrentDuplicate) {
            // Another request with the same identifier won the unique key; answer with its id once committed. Only
            // this exception: any other failure is no duplicate and must not wait.
            return new IntakeResult(awaitExisting(identifier, concurrentDuplicate), false);
        }
    }

    private void store(Screening screening, NormalizedScreening normalized, String json) {
        screenings.insert(screening, json);
        screenings.saveItems(screening.id(), normalized.items().values());
        // Only what gateways, forms and the Tasklist read: "Judge results" reads the stored screening by id.
        Map<String, Object> variables = new HashMap<>();
        variables.put(Vars.SCREENING_ID, screening.id());
        variables.put(Vars.CENTER, screening.center());
        variables.put(Vars.LANGUAGE, screening.language());
        variables.put(Vars.TASK_PRIORITY, 50);
        variables.put(Vars.CRITICAL_ESCALATION_AFTER, workflowProperties.criticalEscalationAfter().toString());
        variables.put(Vars.MAX_REDRAFT_ROUNDS, workflowProperties.maxRedraftRounds());
        variables.put(Vars.CONSULTATION_SUMMARY_WANTED, workflowProperties.consultationSummary());
        variables.put(Vars.REVIEW_SLA, reviewProperties.sla().toString());
        variables.put(Vars.DRAFT_ROUND, 0);
        variables.put(Vars.AUTO_REDRAFT_USED, false);
        String processInstanceId = workflow.start(screening.id(), variables);
        screenings.setProcessInstance(screening.id(), processInstanceId);
    }

    private String awaitExisting(Identifier identifier, DuplicateKeyException cause) {
        for (int attempt = 0; attempt < DUPLICATE_LOOKUP_ATTEMPTS; attempt++) {
            Optional<String> existing = screenings.findIdBySource(identifier.getSystem(), identifier.getValue());
            if (existing.isPresent()) {
                return existing.get();
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw cause;
    }
}
