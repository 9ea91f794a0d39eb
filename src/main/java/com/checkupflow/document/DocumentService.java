package com.checkupflow.document;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import com.checkupflow.ai.AnswerSchema;
import com.checkupflow.ai.ModelAccess;
import com.checkupflow.ai.ModelCaller;
import com.checkupflow.ai.ModelUnavailableException;
import com.checkupflow.ai.PromptTemplates;
import com.checkupflow.drafting.DraftCheck;
import com.checkupflow.drafting.DraftChecker;
import com.checkupflow.screening.Screening;
import com.checkupflow.screening.ScreeningRepository;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Drafts a document of a kind for a screening: with a model, the kind's versioned prompt over the de-identified
 * inputs, the answer validated against the kind's schema (one targeted re-ask, then the retries of
 * {@link ModelCaller}); without one, or when the model stays unavailable, the kind's template fallback. Either way
 * the document is rendered deterministically by the kind's template, and the part the drafter wrote (the model's
 * answer, or the fallback's text) is checked with the step's check profile. Stored once per screening and output
 * variable: a redelivered task gets the stored document, no second model call.
 */
@Service
class DocumentService {

    static final String TEMPLATE_PROVIDER = "template";

    /** A drafted document for the process: its text and the check's findings, one per line (null when it passed). */
    record Drafted(String text, boolean checkPassed, String checkNote, String provider, boolean fallback) {
    }

    private static final Logger log = LoggerFactory.getLogger(DocumentService.class);

    private final DocumentKinds kinds;
    private final DocumentInputs inputs;
    private final DocumentTemplates templates;
    private final DocumentRepository documents;
    private final ScreeningRepository screenings;
    private final DraftChecker checker;
    private final ModelAccess model;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    DocumentService(DocumentKinds kinds, DocumentInputs inputs, DocumentTemplates templates, DocumentRepository documents,
                    ScreeningRepository screenings, DraftChecker checker, ModelAccess model, Clock clock) {
        this.kinds = kinds;
        this.inputs = inputs;
        this.templates = templates;
        this.documents = documents;
        this.screenings = screenings;
        this.checker = checker;
        this.model = model;
        this.clock = clock;
    }

    /** @throws IllegalArgumentException when the element's parameters name no valid kind, version, input or profile */
    Drafted draft(String screeningId, Map<String, Object> parameters) {
        Screening s = screenings.find(screeningId).orElseThrow(
                () -> new IllegalStateException("no screening " + screeningId));
        DocumentStep step = DocumentStep.of(parameters, s.language(), kinds);
        Optional<DocumentRepository.StoredDocument> stored = documents.find(screeningId, step.outputVariable());
        DocumentRepository.StoredDocument d = stored.orElseGet(() -> documents.saveIfAbsent(draft(s, step)));
        return new Drafted(d.text(), d.checkPassed(),
                d.checkPassed() ? null : DraftCheck.note(DraftCheck.fromJson(json, d.checkFindings()), s.language()),
                d.provider(),
                d.fallback());
    }

    private DocumentRepository.StoredDocument draft(Screening s, DocumentStep step) {
        DocumentKind kind = kinds.get(step.kind());
        DocumentInputs.Prepared prepared = inputs.prepare(s, step.language(), step.inputs());
        String folder = DocumentKind.FOLDER + kind.id() + "/";
        Map<String, Object> data = new LinkedHashMap<>(prepared.data());
        data.put("kindName", kind.name(step.language()));
        if (model.enabled()) {
            PromptTemplates prompts = kind.prompts(step.promptVersion());
            AnswerSchema schema = kind.schema(step.promptVersion());
            PromptTemplates.Prompt prompt = prompts.render(prepared.modelInput(), model.output().schemaInPrompt());
            try {
                ModelCaller.Result<JsonNode> result = model.caller().call(
                        model.output().request(prompt, schema.requestSchema()), new ModelCaller.AnswerReader<>() {
                            @Override
                            public JsonNode read(String text, boolean reasked) {
                                return schema.read(text);
                            }

                            @Override
                            public String reask(String error) {
                                return prompts.reask(step.language(), error);
                            }
                        });
                Map<String, Object> answer = json.convertValue(result.value(), new TypeReference<>() { });
                data.put("answer", answer);
                DraftCheck check = check(written(result.value()), prepared, step);
                String text = templates.text(folder + "document." + step.language() + ".txt", data).strip() + "\n";
                return stored(s, step, text, result.value().toString(), model.provider(), model.model(),
                        prompt.version(), false, check, prepared.modelInput().sha256(), result.attempts());
            } catch (ModelUnavailableException e) {
                log.warn("Screening {} document {}: model unavailable ({}, {} attempt(s)); the template fallback drafts it",
                        s.id(), kind.id(), e.kind(), e.attempts());
                return fallback(s, step, folder, data, prepared, true);
            }
        }
        return fallback(s, step, folder, data, prepared, false);
    }

    private DocumentRepository.StoredDocument fallback(Screening s, DocumentStep step, String folder,
                                                       Map<String, Object> data, DocumentInputs.Prepared prepared,
                                                       boolean modelFailed) {
        String written = templates.text(folder + "fallback." + step.language() + ".txt", data).strip();
        data.put("written", written);
        DraftCheck check = check(written, prepared, step);
        String text = templates.text(folder + "document." + step.language() + ".txt", data).strip() + "\n";
        return stored(s, step, text, null, TEMPLATE_PROVIDER, null, step.kind() + "-template", modelFailed, check,
                null, null);
    }

    private DraftCheck check(String written, DocumentInputs.Prepared prepared, DocumentStep step) {
        return checker.check(written, prepared.judgement(), step.language(), prepared.criticalFindings(),
                kinds.profile(step.checkProfile()));
    }

    /** What the model wrote: every string of its answer, one per line (the rest of the document is rendered data). */
    static String written(JsonNode answer) {
        List<String> lines = new ArrayList<>();
        collect(answer, lines);
        return String.join("\n", lines);
    }

    private static void collect(JsonNode node, List<String> lines) {
        if (node.isTextual()) {
            lines.add(node.asText());
        } else {
            node.elements().forEachRemaining(child -> collect(child, lines));
        }
    }

    private DocumentRepository.StoredDocument stored(Screening s, DocumentStep step, String text, String answerJson,
                                                     String provider, String modelName, String promptVersion,
                                                     boolean fallback, DraftCheck check, String inputSha256,
                                                     Integer attempts) {
        return new DocumentRepository.StoredDocument(s.id(), step.outputVariable(), step.kind(), step.language(),
                text, answerJson, provider, modelName, promptVersion, fallback, step.checkProfile(), check.passed(),
                DraftCheck.toJson(json, check.findings()), inputSha256, attempts, clock.instant(), null, null, null);
    }

    /** The physician's reviewed text of a document. */
    void review(String screeningId, String outputVariable, String finalText, String reviewer) {
        if (finalText == null || finalText.isBlank()) {
            throw new IllegalArgumentException("문서 내용(documentText)이 비어 있습니다");
        }
        documents.saveReview(screeningId, outputVariable, finalText.strip(), reviewer, clock.instant());
    }
}
