package com.checkupflow.ai;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * The versioned model prompts: {@code prompts/<name>/<version>.<lang>.txt}, each with a {@code ### system}, a
 * {@code ### user}, a {@code ### schema} and (for the report summary) a {@code ### feedback} part; since v2 the report
 * summary also has a {@code ### reask} part (the targeted re-ask after an unusable answer). Bump the file
 * version (and add new files) whenever the wording changes; the version is stored with every draft and letter.
 * The bean is the report summary's ({@code draft-summary}); {@link #REFERRAL_NAME} is the referral letter's.
 */
@Component
public class PromptTemplates {

    public static final String NAME = "draft-summary";
    public static final String FILE_VERSION = "v2";
    public static final String VERSION = NAME + "-" + FILE_VERSION;
    public static final String REFERRAL_NAME = "referral-letter";
    public static final String REFERRAL_FILE_VERSION = "v1";

    public record Prompt(String system, String user, String version) {
    }

    private final String version;
    private final Map<String, Map<String, String>> parts;

    /** The JSON schema as text, sent in the prompt when the request carries none ({@link StructuredOutput}). */
    private final String schemaText;

    public PromptTemplates() {
        this("prompts/" + NAME, NAME, FILE_VERSION, true);
    }

    private PromptTemplates(String folder, String name, String fileVersion, boolean feedback) {
        this.version = name + "-" + fileVersion;
        this.parts = Map.of(TemplateTexts.KO, load(folder, fileVersion, TemplateTexts.KO, feedback),
                TemplateTexts.EN, load(folder, fileVersion, TemplateTexts.EN, feedback));
        this.schemaText = read(folder + "/" + fileVersion + ".schema.json");
    }

    /** The referral letter's prompts ({@code prompts/referral-letter/v1.*}); they have no feedback part. */
    public static PromptTemplates referralLetter() {
        return new PromptTemplates("prompts/" + REFERRAL_NAME, REFERRAL_NAME, REFERRAL_FILE_VERSION, false);
    }

    /**
     * A document kind's prompts: {@code <folder>/<fileVersion>.<lang>.txt} and {@code <folder>/<fileVersion>.schema.json};
     * the version is {@code <name>-<fileVersion>}. They have no feedback part.
     */
    public static PromptTemplates of(String folder, String name, String fileVersion) {
        return new PromptTemplates(folder, name, fileVersion, false);
    }

    public String version() {
        return version;
    }

    /**
     * @param schemaInPrompt true when the request carries no schema ({@link StructuredOutput#schemaInPrompt()}): the
     *                       schema is appended to the user message and the answer is parsed (and validated) just
     *                       the same
     */
    public Prompt render(Deidentifier.Input input, boolean schemaInPrompt) {
        Map<String, String> p = parts.get(TemplateTexts.normalizeLanguage(input.language()));
        String feedback = input.feedback();
        String feedbackPart = feedback == null || !p.containsKey("feedback") ? "" : p.get("feedback").replace("{{text}}", feedback);
        String user = p.get("user").replace("{{input}}", input.json()).replace("{{feedback}}", feedbackPart).strip();
        if (schemaInPrompt) {
            user = user + "\n\n" + p.get("schema").replace("{{schema}}", schemaText.strip()).strip();
        }
        return new Prompt(p.get("system").strip(), user, version);
    }

    /** The one targeted re-ask after an unusable answer ({@code ### reask}, since v2); null when the version has none. */
    public String reask(String language, String error) {
        String part = parts.get(TemplateTexts.normalizeLanguage(language)).get("reask");
        return part == null ? null : part.replace("{{error}}", error).strip();
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

    private static Map<String, String> load(String folder, String fileVersion, String language, boolean feedback) {
        String path = folder + "/" + fileVersion + "." + language + ".txt";
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
        for (String required : feedback ? new String[] {"system", "user", "feedback", "schema"}
                : new String[] {"system", "user", "schema"}) {
            if (!sections.containsKey(required)) {
                throw new IllegalStateException(path + " has no ### " + required + " part");
            }
        }
        return sections;
    }
}
