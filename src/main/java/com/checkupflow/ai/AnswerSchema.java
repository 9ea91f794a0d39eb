package com.checkupflow.ai;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;

/**
 * The JSON schema of a model's answer, read from its resource only: the request carries the file as it is
 * (LangChain4j {@link JsonRawSchema}), the prompt quotes it when the request cannot, and every answer is validated
 * against it (networknt json-schema-validator) before it is used. One source for request, prompt and validation.
 * <p>
 * The validator is compiled at the first validation, not when the schema is loaded: with the offline template no
 * answer is ever validated, and the validator library (~200 classes) stays unloaded (docs/benchmarks.md section 8).
 */
public final class AnswerSchema {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Initialized with the first validator (holder idiom: the class loads only then). */
    private static final class Factory {
        static final JsonSchemaFactory INSTANCE = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    }

    private final String name;
    private final String text;
    private volatile com.networknt.schema.JsonSchema validator;

    private AnswerSchema(String name, String text) {
        this.name = name;
        this.text = text;
    }

    /** True once the validator has been compiled (by a validation). */
    boolean compiled() {
        return validator != null;
    }

    private com.networknt.schema.JsonSchema validator() {
        com.networknt.schema.JsonSchema compiled = validator;
        if (compiled == null) {
            // compiling twice under a race is harmless: the same schema text gives an equal validator
            compiled = Factory.INSTANCE.getSchema(text);
            validator = compiled;
        }
        return compiled;
    }

    /**
     * @param name         the schema's name in the request ({@code draft_summary})
     * @param resourcePath a class-path resource, e.g. {@code documents/report-summary/v2.schema.json}
     */
    public static AnswerSchema load(String name, String resourcePath) {
        try (InputStream in = AnswerSchema.class.getClassLoader().getResourceAsStream(resourcePath)) {
            if (in == null) {
                throw new IllegalStateException("missing schema resource " + resourcePath);
            }
            return new AnswerSchema(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resourcePath, e);
        }
    }

    public String name() {
        return name;
    }

    /** The schema file's text, as the prompt quotes it. */
    public String text() {
        return text;
    }

    /** The schema as a request's response format carries it. */
    public JsonSchema requestSchema() {
        return JsonSchema.builder().name(name).rootElement(JsonRawSchema.from(text)).build();
    }

    /**
     * Reads an answer and validates it. Tolerates a Markdown code fence around the JSON (some models add one when
     * JSON is only instructed).
     *
     * @throws InvalidAnswerException naming what the schema forbids (at most three messages), never the answer
     */
    public JsonNode read(String answer) {
        if (answer == null || answer.isBlank()) {
            throw new InvalidAnswerException("empty answer");
        }
        JsonNode node;
        try {
            node = JSON.readTree(stripFence(answer));
        } catch (JsonProcessingException e) {
            throw new InvalidAnswerException("the answer is not JSON of the " + name + " schema ("
                    + e.getOriginalMessage().lines().findFirst().orElse("") + ")");
        }
        validate(node);
        return node;
    }

    /** @throws InvalidAnswerException when the node violates the schema */
    public void validate(JsonNode node) {
        Set<ValidationMessage> errors = validator().validate(node);
        if (!errors.isEmpty()) {
            throw new InvalidAnswerException("the answer violates the " + name + " schema: "
                    + errors.stream().limit(3).map(ValidationMessage::getMessage).collect(Collectors.joining("; ")));
        }
    }

    /** The JSON inside a Markdown code fence, or the text as it is. */
    public static String stripFence(String text) {
        String body = text.strip();
        if (body.startsWith("```")) {
            body = body.replaceFirst("^```[a-zA-Z]*\\s*", "").replaceFirst("\\s*```$", "");
        }
        return body;
    }
}
