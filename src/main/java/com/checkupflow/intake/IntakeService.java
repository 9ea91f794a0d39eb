package com.checkupflow.intake;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
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
import com.checkupflow.screening.Screening;
import com.checkupflow.screening.ScreeningRepository;
import com.checkupflow.screening.ScreeningWorkflow;
import com.checkupflow.screening.Stage;
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
    private final TransactionTemplate transaction;
    private final Clock clock;

    IntakeService(Centers centers, BundleParser parser, ScreeningNormalizer normalizer,
                  ScreeningRepository screenings, ScreeningWorkflow workflow, TransactionTemplate transaction, Clock clock) {
        this.centers = centers;
        this.parser = parser;
        this.normalizer = normalizer;
        this.screenings = screenings;
        this.workflow = workflow;
        this.transaction = transaction;
        this.clock = clock;
    }

    public IntakeResult receive(String centerId, String language, byte[] body) {
        List<Problem> problems = new ArrayList<>();
        Optional<Center> center = centers.find(centerId);
        if (centerId == null || centerId.isBlank()) {
            problems.add(new Problem("center_missing", "The query parameter 'center' is required"));
        } else if (center.isEmpty()) {
            String given = centerId.length() > 40 ? centerId.substring(0, 40) + "…" : centerId;
            String known = String.join(", ", centers.all().stream().map(Center::id).toList());
            problems.add(new Problem("center_unknown", "Unknown center '" + given + "'; the center ids are: " + known,
                    java.util.Map.of("given", given, "known", known)));
        }
        if (language != null && !language.equals("ko") && !language.equals("en")) {
            problems.add(new Problem("language_unsupported", "language must be 'ko' or 'en'"));
        }
        String json = new String(body, StandardCharsets.UTF_8);
        ParsedBundle parsed = parser.parse(json);
        parsed.problems().forEach(p -> problems.add(new Problem(p.code(), p.detail(), p.facts())));
        if (parsed.bundle() != null) {
            birthDateProblem(parsed.bundle()).ifPresent(problems::add);
        }
        if (!problems.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "The screening was rejected; nothing was stored", problems);
        }
        Bundle bundle = parsed.bundle();
        Identifier identifier = bundle.getIdentifier();
        // The center is part of the content: the same identifier sent to another center is not the same screening.
        String canonical = parser.canonical(bundle);
        String contentHash = screenings.contentHash(centerId + "\n" + canonical);
        Optional<ScreeningRepository.Received> known = screenings.findReceivedBySource(identifier.getSystem(),
                identifier.getValue());
        if (known.isPresent()) {
            return repeated(known.get(), centerId, canonical, contentHash);
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
                            t.field() + " is longer than " + t.maxLength() + " characters",
                            Map.of("field", t.field(), "max", String.valueOf(t.maxLength())))).toList());
        }
        try {
            transaction.executeWithoutResult(status -> store(screening, normalized, json, contentHash));
            log.info("Screening {} received for center {}", screening.id(), centerId);
            return new IntakeResult(screening.id(), true);
        } catch (DuplicateKeyException concurrentDuplicate) {
            // Another request with the same identifier won the unique key; answer with its id once committed. Only
            // this exception: any other failure is no duplicate and must not wait.
            return repeated(awaitExisting(identifier, concurrentDuplicate), centerId, canonical, contentHash);
        }
    }

    /**
     * A birth date that is no calendar date or lies in the future is wrong with the screening as a whole (the age
     * and the lipid schedule follow from it), so it is refused like the other whole-screening problems. An absent
     * or year-only birth date is accepted: the age is then unknown. The detail never quotes the date.
     */
    private Optional<Problem> birthDateProblem(Bundle bundle) {
        Optional<DateType> birthDate = bundle.getEntry().stream()
                .map(Bundle.BundleEntryComponent::getResource)
                .filter(Patient.class::isInstance).map(Patient.class::cast)
                .filter(Patient::hasBirthDateElement).map(Patient::getBirthDateElement)
                .filter(d -> d.getValueAsString() != null)
                .findFirst();
        if (birthDate.isEmpty()) {
            return Optional.empty();
        }
        Problem invalid = new Problem("invalid_birth_date",
                "Patient.birthDate is not a calendar date or lies in the future");
        String raw = birthDate.get().getValueAsString();
        TemporalPrecisionEnum precision = birthDate.get().getPrecision();
        if (precision == null) {
            return Optional.of(invalid);
        }
        LocalDate today = LocalDate.now(clock);
        try {
            boolean future = switch (precision) {
                case YEAR -> Year.parse(raw.substring(0, 4)).isAfter(Year.from(today));
                case MONTH -> YearMonth.parse(raw.substring(0, 7)).isAfter(YearMonth.from(today));
                default -> LocalDate.parse(raw.substring(0, 10)).isAfter(today);
            };
            return future ? Optional.of(invalid) : Optional.empty();
        } catch (DateTimeException | IndexOutOfBoundsException e) {
            return Optional.of(invalid);
        }
    }

    /**
     * A known identifier: the same content is the idempotent answer; other content is refused, since taking it would
     * silently drop the new values (corrections go through the correction workflow). The same content sent to another
     * center is refused with its own reason: nothing differs but the center. Rows from before V30 carry no hash and
     * keep the idempotent answer.
     */
    private IntakeResult repeated(ScreeningRepository.Received known, String centerId, String canonical,
                                  String contentHash) {
        if (known.contentHash() == null || known.contentHash().equals(contentHash)) {
            return new IntakeResult(known.id(), false);
        }
        // No id and no center in the answer: the known screening belongs to a center this request did not name.
        if (!known.center().equals(centerId)
                && known.contentHash().equals(screenings.contentHash(known.center() + "\n" + canonical))) {
            throw new ProblemException(HttpStatus.CONFLICT,
                    "This Bundle.identifier was already received for another center; nothing was stored",
                    new Problem("identifier_other_center", "A screening with this Bundle.identifier and the same "
                            + "content was already received for another center. Send it to that center, or send a "
                            + "screening for this center under a new identifier"));
        }
        throw new ProblemException(HttpStatus.CONFLICT,
                "This Bundle.identifier was already received with other content; nothing was stored",
                new Problem("identifier_conflict", "A screening with this Bundle.identifier was already received "
                        + "with different content. Send corrections through the correction workflow, and a new "
                        + "screening under a new identifier"));
    }

    /**
     * The workflow is started first, so that the screening's row is inserted with its process instance id instead of
     * being rewritten to add it: nothing in the start reads the row ("Judge results" is asynchronous), nothing of
     * either is seen before the commit, and a duplicate identifier's failed insert rolls the start back with it.
     */
    private void store(Screening screening, NormalizedScreening normalized, String json, String contentHash) {
        // Only what gateways, forms and the Tasklist read: "Judge results" reads the stored screening by id (and sets
        // taskPriority), configuration is read where it applies (workflowSettings), the center becomes the tenant.
        Map<String, Object> variables = new HashMap<>();
        variables.put(Vars.SCREENING_ID, screening.id());
        variables.put(Vars.CENTER, screening.center());
        variables.put(Vars.LANGUAGE, screening.language());
        variables.put(Vars.DRAFT_ROUND, 0);
        variables.put(Vars.AUTO_REDRAFT_USED, false);
        String processInstanceId = workflow.start(screening.id(), variables);
        screenings.insert(screening.withProcessInstanceId(processInstanceId), json, contentHash);
        screenings.insertItems(screening.id(), normalized.items().values());
    }

    private ScreeningRepository.Received awaitExisting(Identifier identifier, DuplicateKeyException cause) {
        for (int attempt = 0; attempt < DUPLICATE_LOOKUP_ATTEMPTS; attempt++) {
            Optional<ScreeningRepository.Received> existing = screenings.findReceivedBySource(identifier.getSystem(),
                    identifier.getValue());
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
