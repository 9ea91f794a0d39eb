package com.checkupflow.drafting;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;

/**
 * The structured answer a model gives (JSON schema {@link #SCHEMA}): summary paragraphs, one explanation per
 * abnormal finding citing the observation ids it rests on, lifestyle advice per target disease and follow-up
 * recommendations. {@link DraftRenderer} turns it into the report text.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record DraftAnswer(List<String> summary, List<Finding> findings, List<Lifestyle> lifestyle, List<String> followUp) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Finding(String item, List<String> observationIds, String explanation) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Lifestyle(String disease, String advice) {
    }

    /** The answer could not be used: not JSON, not the schema, or evidence that is not in the input. */
    static final class InvalidAnswerException extends RuntimeException {
        InvalidAnswerException(String message) {
            super(message);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);

    static final JsonSchema SCHEMA = JsonSchema.builder()
            .name("draft_summary")
            .rootElement(JsonObjectSchema.builder()
                    .addProperty("summary", JsonArraySchema.builder()
                            .description("two or three short paragraphs for the screened person")
                            .items(new JsonStringSchema()).build())
                    .addProperty("findings", JsonArraySchema.builder()
                            .description("one entry per NORMAL_B, DISEASE_SUSPECT or UNCLASSIFIED item")
                            .items(JsonObjectSchema.builder()
                                    .addStringProperty("item", "the item key of the input, e.g. fasting_glucose")
                                    .addProperty("observationIds", JsonArraySchema.builder()
                                            .description("observationId values of the input this explanation rests on")
                                            .items(new JsonStringSchema()).build())
                                    .addStringProperty("explanation", "names the item and states its value and unit")
                                    .required("item", "observationIds", "explanation")
                                    .additionalProperties(false)
                                    .build())
                            .build())
                    .addProperty("lifestyle", JsonArraySchema.builder()
                            .description("one entry per target disease that needs care")
                            .items(JsonObjectSchema.builder()
                                    .addStringProperty("disease", "the targetDiseaseName of the input")
                                    .addStringProperty("advice")
                                    .required("disease", "advice")
                                    .additionalProperties(false)
                                    .build())
                            .build())
                    .addProperty("followUp", JsonArraySchema.builder()
                            .description("follow-up tests and visits")
                            .items(new JsonStringSchema()).build())
                    .required("summary", "findings", "lifestyle", "followUp")
                    .additionalProperties(false)
                    .build())
            .build();

    /**
     * Parses and validates a model's answer. Tolerates a Markdown code fence around the JSON (some models add
     * one when JSON is only instructed). Every cited observation id must be one of the input's.
     */
    static DraftAnswer parse(String text, Set<String> knownObservationIds) {
        if (text == null || text.isBlank()) {
            throw new InvalidAnswerException("empty answer");
        }
        String body = text.strip();
        if (body.startsWith("```")) {
            body = body.replaceFirst("^```[a-zA-Z]*\\s*", "").replaceFirst("\\s*```$", "");
        }
        DraftAnswer answer;
        try {
            answer = JSON.readValue(body, DraftAnswer.class);
        } catch (JsonProcessingException e) {
            throw new InvalidAnswerException("answer is not JSON of the draft_summary schema ("
                    + e.getOriginalMessage().lines().findFirst().orElse("") + ")");
        }
        if (answer == null || answer.summary() == null || answer.summary().stream().allMatch(s -> s == null || s.isBlank())) {
            throw new InvalidAnswerException("answer has no summary");
        }
        Set<String> unknown = new HashSet<>();
        for (Finding f : nullSafe(answer.findings())) {
            if (f == null || f.explanation() == null || f.explanation().isBlank()) {
                throw new InvalidAnswerException("a finding has no explanation");
            }
            for (String id : nullSafe(f.observationIds())) {
                if (!knownObservationIds.contains(id)) {
                    unknown.add(id);
                }
            }
        }
        if (!unknown.isEmpty()) {
            throw new InvalidAnswerException(unknown.size() + " cited observation id(s) are not in the input");
        }
        return answer;
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
}
