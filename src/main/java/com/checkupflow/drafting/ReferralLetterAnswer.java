package com.checkupflow.drafting;

import com.checkupflow.ai.AnswerSchema;
import com.checkupflow.ai.InvalidAnswerException;
import com.checkupflow.ai.KindDescription;
import com.checkupflow.ai.PromptTemplates;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;


/**
 * The structured answer a model gives for a referral letter (JSON schema
 * {@code documents/referral-letter/<version>.schema.json}, the kind's default version, {@link #SCHEMA}): the reason for referral, one statement per relevant finding
 * citing the observation ids it rests on, and the question for the specialist.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record ReferralLetterAnswer(String reason, List<Finding> findings, String question) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Finding(String item, List<String> observationIds, String statement) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The answer's schema, from its resource only (one source for request, prompt and validation). */
    static final AnswerSchema SCHEMA = schema();

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
        ReferralLetterAnswer answer;
        try {
            answer = JSON.treeToValue(SCHEMA.read(text), ReferralLetterAnswer.class);
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

    private static AnswerSchema schema() {
        KindDescription kind = KindDescription.load(PromptTemplates.REFERRAL_LETTER_KIND);
        return kind.schema(kind.defaultPromptVersion());
    }
}
