package com.checkupflow.ai;

import java.util.Arrays;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonSchema;

/**
 * How a model is held to the answer's JSON schema ({@code checkupflow.ai.<provider>.response-format}). Many
 * OpenAI-compatible servers (older vLLM or llama.cpp server builds, some gateways) reject
 * {@code response_format: json_schema}; they get the schema in the prompt instead. However the answer came, it is
 * parsed and validated the same way, and an unusable one counts as a failed attempt.
 */
public enum StructuredOutput {

    /** {@code response_format: json_schema} (strict); Ollama: {@code format} is the schema. */
    JSON_SCHEMA("json-schema"),
    /** {@code response_format: {"type": "json_object"}}; Ollama: {@code format: "json"}. The schema is in the prompt. */
    JSON_OBJECT("json-object"),
    /** No response format; the schema is in the prompt (always so for Anthropic). */
    NONE("none");

    private final String value;

    StructuredOutput(String value) {
        this.value = value;
    }

    /**
     * @param provider the provider whose {@code response-format} this is
     * @param value    the configured value; unset means json-schema (none for Anthropic)
     * @throws IllegalArgumentException naming the property and the allowed values
     */
    public static StructuredOutput of(String provider, String value) {
        boolean anthropic = AiProperties.ANTHROPIC.equals(provider);
        if (value == null || value.isBlank()) {
            return anthropic ? NONE : JSON_SCHEMA;
        }
        String normalized = value.trim().toLowerCase();
        if (anthropic) {
            // the Anthropic path sends the schema in the prompt only; its native structured output is not wired up
            if (!NONE.value.equals(normalized)) {
                throw new IllegalArgumentException("checkupflow.ai.anthropic.response-format must be none, was " + value);
            }
            return NONE;
        }
        return Arrays.stream(values()).filter(o -> o.value.equals(normalized)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("checkupflow.ai." + provider
                        + ".response-format must be json-schema, json-object or none, was " + value));
    }

    /** True when the request carries no schema, so the prompt must. */
    public boolean schemaInPrompt() {
        return this != JSON_SCHEMA;
    }

    /** The chat request of a rendered prompt whose answer follows this schema. */
    public ChatRequest request(PromptTemplates.Prompt prompt, JsonSchema schema) {
        return ChatRequest.builder().messages(SystemMessage.from(prompt.system()), UserMessage.from(prompt.user()))
                .responseFormat(responseFormat(schema)).build();
    }

    /** The request's response format for an answer of this schema; null sends none. */
    private ResponseFormat responseFormat(JsonSchema schema) {
        return switch (this) {
            case JSON_SCHEMA -> ResponseFormat.builder().type(ResponseFormatType.JSON).jsonSchema(schema).build();
            case JSON_OBJECT -> ResponseFormat.JSON;
            case NONE -> null;
        };
    }

    @Override
    public String toString() {
        return value;
    }
}
