package com.checkupflow.drafting;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * The versioned model prompts: {@code prompts/draft-summary/<version>.<lang>.txt}, each with a
 * {@code ### system}, a {@code ### user} and a {@code ### feedback} part. Bump {@link #VERSION} (and add new
 * files) whenever the wording changes; the version is stored with every draft.
 */
@Component
class PromptTemplates {

    static final String NAME = "draft-summary";
    static final String FILE_VERSION = "v1";
    static final String VERSION = NAME + "-" + FILE_VERSION;

    record Prompt(String system, String user, String version) {
    }

    private final Map<String, Map<String, String>> parts = Map.of(
            TemplateTexts.KO, load(TemplateTexts.KO), TemplateTexts.EN, load(TemplateTexts.EN));

    /** The JSON schema as text, for providers that take no schema parameter (Anthropic): sent in the prompt. */
    private final String schemaText = read("prompts/" + NAME + "/" + FILE_VERSION + ".schema.json");

    /**
     * @param schemaInPrompt true for providers without native JSON-schema output: the schema is appended to the
     *                       user message and the answer is parsed (and validated) just the same
     */
    Prompt render(Deidentifier.Input input, boolean schemaInPrompt) {
        Map<String, String> p = parts.get(TemplateTexts.normalizeLanguage(input.language()));
        String feedback = input.feedback();
        String feedbackPart = feedback == null ? "" : p.get("feedback").replace("{{text}}", feedback);
        String user = p.get("user").replace("{{input}}", input.json()).replace("{{feedback}}", feedbackPart).strip();
        if (schemaInPrompt) {
            user = user + "\n\n" + p.get("schema").replace("{{schema}}", schemaText.strip()).strip();
        }
        return new Prompt(p.get("system").strip(), user, VERSION);
    }

    private static String read(String path) {
        try (InputStream in = PromptTemplates.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing prompt resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    private static Map<String, String> load(String language) {
        String path = "prompts/" + NAME + "/" + FILE_VERSION + "." + language + ".txt";
        Map<String, String> sections = new LinkedHashMap<>();
        String current = null;
        StringBuilder text = new StringBuilder();
        for (String line : read(path).split("\n", -1)) {
            if (line.startsWith("### ")) {
                if (current != null) {
                    sections.put(current, text.toString());
                }
                current = line.substring(4).trim();
                text.setLength(0);
            } else if (current != null && !line.startsWith("#")) {
                text.append(line).append('\n');
            }
        }
        if (current != null) {
            sections.put(current, text.toString());
        }
        for (String required : new String[] {"system", "user", "feedback", "schema"}) {
            if (!sections.containsKey(required)) {
                throw new IllegalStateException(path + " has no ### " + required + " part");
            }
        }
        return sections;
    }
}
