package com.checkupflow.drafting;

import com.checkupflow.ai.AnswerSchema;
import com.checkupflow.ai.InvalidAnswerException;
import com.checkupflow.ai.KindDescription;
import com.checkupflow.ai.PromptTemplates;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;


/**
 * The structured answer a model gives (JSON schema {@code documents/report-summary/<version>.schema.json}, {@link #SCHEMA}):
 * summary paragraphs, one explanation per abnormal finding naming the judgement's item key and citing the observation
 * ids it rests on, lifestyle advice per target disease and follow-up recommendations. {@link DraftRenderer} turns it
 * into the report text; {@link DraftChecker#checkAnswer} checks it.
 */
public record DraftAnswer(List<String> summary, List<Finding> findings, List<Lifestyle> lifestyle, List<String> followUp) {

    /** @param item the judgement's item key ({@code fasting_glucose}) */
    public record Finding(String item, List<String> observationIds, String explanation) {
    }

    public record Lifestyle(String disease, String advice) {
    }

    // additionalProperties false in the schema: an unknown property is a schema violation, not silently dropped
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    /**
     * The answer's schema, from its resource only (one source for request, prompt and validation): the report summary
     * kind's, of the current prompt version ({@link PromptTemplates#FILE_VERSION}).
     */
    static final AnswerSchema SCHEMA = KindDescription.load(PromptTemplates.REPORT_SUMMARY_KIND)
            .schema(PromptTemplates.FILE_VERSION);

    /**
     * Reads a model's answer. Tolerates a Markdown code fence around the JSON (some models add one when JSON is only
     * instructed). Throws {@link InvalidAnswerException} for anything the schema forbids: not JSON, an unknown or
     * missing property, an empty summary, a finding without item or explanation. Observation ids and item keys are
     * not judged here: a wrong one is a finding of {@link DraftChecker#checkAnswer} ({@code BAD_CITATION}).
     */
    public static DraftAnswer read(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidAnswerException("empty answer");
        }
        String body = AnswerSchema.stripFence(text);
        DraftAnswer answer;
        try {
            answer = JSON.readValue(body, DraftAnswer.class);
        } catch (JsonProcessingException e) {
            throw new InvalidAnswerException("the answer is not JSON of the draft_summary schema ("
                    + e.getOriginalMessage().lines().findFirst().orElse("") + ")");
        }
        if (answer == null || answer.summary() == null || answer.findings() == null || answer.lifestyle() == null
                || answer.followUp() == null) {
            throw new InvalidAnswerException("the answer lacks a required property (summary, findings, lifestyle, followUp)");
        }
        if (answer.summary().stream().allMatch(s -> s == null || s.isBlank())) {
            throw new InvalidAnswerException("the answer has no summary");
        }
        for (Finding f : answer.findings()) {
            if (f == null || f.item() == null || f.item().isBlank() || f.observationIds() == null) {
                throw new InvalidAnswerException("a finding lacks its item or observationIds");
            }
            if (f.explanation() == null || f.explanation().isBlank()) {
                throw new InvalidAnswerException("the finding for " + f.item() + " has no explanation");
            }
        }
        for (Lifestyle l : answer.lifestyle()) {
            if (l == null || l.disease() == null || l.advice() == null) {
                throw new InvalidAnswerException("a lifestyle entry lacks its disease or advice");
            }
        }
        SCHEMA.validate(JSON.valueToTree(answer));
        return answer;
    }

    /** Cited observation ids that are not in the input at all (made up), in order of appearance. */
    Set<String> unknownObservationIds(Set<String> knownObservationIds) {
        Set<String> unknown = new LinkedHashSet<>();
        for (Finding f : nullSafe(findings())) {
            for (String id : nullSafe(f.observationIds())) {
                if (!knownObservationIds.contains(id)) {
                    unknown.add(id);
                }
            }
        }
        return unknown;
    }

    static <T> List<T> nullSafe(List<T> list) {
        return list == null ? List.of() : list;
    }

    /** The findings with their evidence, as stored with the draft (JSON array). */
    String evidenceJson() {
        try {
            return JSON.writeValueAsString(nullSafe(findings()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The whole answer as JSON, stored with the draft so the check sees the structure, not only the text. */
    String json() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
