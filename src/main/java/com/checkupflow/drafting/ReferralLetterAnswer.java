package com.checkupflow.drafting;

import com.checkupflow.ai.InvalidAnswerException;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;

/**
 * The structured answer a model gives for a referral letter (JSON schema {@link #SCHEMA}, also
 * {@code prompts/referral-letter/v1.schema.json}): the reason for referral, one statement per relevant finding
 * citing the observation ids it rests on, and the question for the specialist.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record ReferralLetterAnswer(String reason, List<Finding> findings, String question) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Finding(String item, List<String> observationIds, String statement) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    static final JsonSchema SCHEMA = JsonSchema.builder()
            .name("referral_letter")
            .rootElement(JsonObjectSchema.builder()
                    .addStringProperty("reason", "the reason for referral, one or two sentences")
                    .addProperty("findings", JsonArraySchema.builder()
                            .description("one entry per NORMAL_B, DISEASE_SUSPECT or UNCLASSIFIED item of the input")
                            .items(JsonObjectSchema.builder()
                                    .addStringProperty("item", "the item key of the input, e.g. creatinine")
                                    .addProperty("observationIds", JsonArraySchema.builder()
                                            .description("observationId values of the input this finding rests on")
                                            .items(new JsonStringSchema()).build())
                                    .addStringProperty("statement", "names the item and states its value and unit")
                                    .required("item", "observationIds", "statement")
                                    .additionalProperties(false)
                                    .build())
                            .build())
                    .addStringProperty("question", "what the specialist is asked to evaluate or do")
                    .required("reason", "findings", "question")
                    .additionalProperties(false)
                    .build())
            .build();

    /**
     * Parses and validates a model's answer (a Markdown code fence around the JSON is tolerated). Every cited
     * observation id must be one of the input's.
     *
     * @throws InvalidAnswerException when the answer cannot be used (counted and retried by {@link ModelCaller})
     */
    static ReferralLetterAnswer parse(String text, Set<String> knownObservationIds) {
        if (text == null || text.isBlank()) {
            throw new InvalidAnswerException("empty answer");
        }
        String body = text.strip();
        if (body.startsWith("```")) {
            body = body.replaceFirst("^```[a-zA-Z]*\\s*", "").replaceFirst("\\s*```$", "");
        }
        ReferralLetterAnswer answer;
        try {
            answer = JSON.readValue(body, ReferralLetterAnswer.class);
        } catch (JsonProcessingException e) {
            throw new InvalidAnswerException("answer is not JSON of the referral_letter schema ("
                    + e.getOriginalMessage().lines().findFirst().orElse("") + ")");
        }
        if (answer == null || answer.reason() == null || answer.reason().isBlank()
                || DraftAnswer.nullSafe(answer.findings()).isEmpty()) {
            throw new InvalidAnswerException("answer has no reason or no findings");
        }
        Set<String> unknown = new HashSet<>();
        for (Finding f : answer.findings()) {
            if (f == null || f.statement() == null || f.statement().isBlank()) {
                throw new InvalidAnswerException("a finding has no statement");
            }
            for (String id : DraftAnswer.nullSafe(f.observationIds())) {
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
}
