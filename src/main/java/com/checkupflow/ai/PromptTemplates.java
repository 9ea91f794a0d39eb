package com.checkupflow.ai;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * The versioned model prompts of a document kind ({@link KindDescription}): {@code documents/<kind>/<version>.<lang>.txt},
 * each with a {@code ### system}, a {@code ### user} and a {@code ### schema} part; the report summary's also have a
 * {@code ### feedback} part ({@code prompt.feedback=true}) and, since v2, a {@code ### reask} part (the targeted re-ask
 * after an unusable answer). Bump the file version (and add new files, and the version to {@code prompt.versions})
 * whenever the wording changes; the version is stored with every draft and letter.
 * The bean is the report summary's default version ({@value #REPORT_SUMMARY_KIND}); {@link #referralLetter()} is the
 * referral letter's.
 */
@Component
public class PromptTemplates {

    public static final String REPORT_SUMMARY_KIND = "report-summary";
    public static final String REFERRAL_LETTER_KIND = "referral-letter";
    private static final KindDescription REPORT_SUMMARY = KindDescription.load(REPORT_SUMMARY_KIND);
    public static final String FILE_VERSION = REPORT_SUMMARY.defaultPromptVersion();
    /** The version stored with a report summary draft, e.g. {@code draft-summary-v2}. */
    public static final String VERSION = REPORT_SUMMARY.promptVersion(FILE_VERSION);

    public record Prompt(String system, String user, String version) {
    }

    private final String version;
    private final Map<String, Map<String, String>> parts;

    /** The JSON schema as text, sent in the prompt when the request carries none ({@link StructuredOutput}). */
    private final String schemaText;

    /** The report summary's prompts, its kind's default version. */
    public PromptTemplates() {
        this(REPORT_SUMMARY.folder(), VERSION, FILE_VERSION, true);
    }

    private PromptTemplates(String folder, String version, String fileVersion, boolean feedback) {
        this.version = version;
        this.parts = Map.of(TemplateTexts.KO, load(folder, fileVersion, TemplateTexts.KO, feedback),
                TemplateTexts.EN, load(folder, fileVersion, TemplateTexts.EN, feedback));
        this.schemaText = read(folder + fileVersion + ".schema.json");
    }

    private static final Map<String, PromptTemplates> PINNED = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * A kind's prompts of the version a BPMN element pins ({@code promptVersion}), loaded once: any version whose
     * resources the kind has, so that instances started when it was the default keep drafting with it.
     *
     * @throws IllegalArgumentException naming the versions the kind has, for one it does not have (an incident)
     */
    public static PromptTemplates pinned(String kind, String version) {
        return PINNED.computeIfAbsent(kind + "/" + version, key -> {
            KindDescription description = KindDescription.load(kind);
            if (!description.promptVersions().contains(version)) {
                throw new IllegalArgumentException("document kind " + kind + " has no prompt version " + version
                        + " (has " + description.promptVersions() + " in documents/" + kind + "/)");
            }
            return description.prompts(version);
        });
    }

    /** The referral letter's prompts, its kind's default version ({@code documents/referral-letter/}). */
    public static PromptTemplates referralLetter() {
        KindDescription kind = KindDescription.load(REFERRAL_LETTER_KIND);
        return kind.prompts(kind.defaultPromptVersion());
    }

    /**
     * A kind's prompts: {@code <folder><fileVersion>.<lang>.txt} and {@code <folder><fileVersion>.schema.json}, stored
     * as {@code version}; {@code feedback}: every file must have a {@code ### feedback} part.
     */
    static PromptTemplates of(String folder, String version, String fileVersion, boolean feedback) {
        return new PromptTemplates(folder, version, fileVersion, feedback);
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
        String path = folder + fileVersion + "." + language + ".txt";
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
