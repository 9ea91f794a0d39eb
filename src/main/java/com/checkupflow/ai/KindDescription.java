package com.checkupflow.ai;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * What a document kind's {@code documents/<kind>/kind.properties} says, and its prompts and answer schemas read
 * through it: the one description of a kind, whether the generic AI document step drafts it or a Java drafter does
 * ({@code drafter}, e.g. the report summary and the referral letter, whose check, re-asks, redraft rounds or
 * appointment data the generic step cannot express). See docs/document-kinds.md.
 *
 * @param id         the kind's folder name under {@value #FOLDER}
 * @param properties its {@code kind.properties}
 */
public record KindDescription(String id, Properties properties) {

    public static final String FOLDER = "documents/";

    /** @throws IllegalStateException for a missing {@code kind.properties} or one naming no prompt version */
    public static KindDescription load(String id) {
        KindDescription kind = new KindDescription(id, properties(FOLDER + id + "/kind.properties"));
        if (kind.promptVersions().isEmpty()) {
            throw new IllegalStateException(kind.folder() + "kind.properties names no prompt.versions");
        }
        return kind;
    }

    /** The kind's folder, ending with a slash. */
    public String folder() {
        return FOLDER + id + "/";
    }

    public String name(String language) {
        return properties.getProperty("name." + language, properties.getProperty("name.ko", id));
    }

    /** The Java drafter that drafts this kind instead of the generic step; null for a kind of resources only. */
    public String drafter() {
        String d = properties.getProperty("drafter", "").trim();
        return d.isEmpty() ? null : d;
    }

    /** The variable a kind with a drafter sets its text in ({@code output.variable}); null for a kind of resources only. */
    public String outputVariable() {
        String v = properties.getProperty("output.variable", "").trim();
        return v.isEmpty() ? null : v;
    }

    /** External-task topics of older process versions whose waiting instances this kind's step still serves. */
    public List<String> legacyTopics() {
        return list(properties.getProperty("legacy.topics"));
    }

    /** The prompt versions, the first is the default. */
    public List<String> promptVersions() {
        return list(properties.getProperty("prompt.versions"));
    }

    public String defaultPromptVersion() {
        return promptVersions().get(0);
    }

    /** The version stored with a document: {@code <prompt.name>-<version>}, {@code prompt.name} defaulting to the id. */
    public String promptVersion(String version) {
        return properties.getProperty("prompt.name", id).trim() + "-" + version;
    }

    /** @throws IllegalStateException naming a missing prompt file or part */
    public PromptTemplates prompts(String version) {
        return PromptTemplates.of(folder(), promptVersion(version), version,
                Boolean.parseBoolean(properties.getProperty("prompt.feedback", "false").trim()));
    }

    public AnswerSchema schema(String version) {
        return AnswerSchema.load(properties.getProperty("schema.name", id.replace('-', '_')).trim(),
                folder() + version + ".schema.json");
    }

    public String checkProfile() {
        return properties.getProperty("check.profile", "none").trim();
    }

    public List<String> inputs(String fallback) {
        return list(properties.getProperty("inputs", fallback));
    }

    /** A resource the kind names by a key (e.g. {@code renderer}), as a class-path path. */
    public String resource(String key) {
        String file = properties.getProperty(key);
        if (file == null || file.isBlank()) {
            throw new IllegalStateException(folder() + "kind.properties names no " + key);
        }
        return folder() + file.trim();
    }

    public static List<String> list(String value) {
        return value == null ? List.of()
                : Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public static Properties properties(String path) {
        try (InputStream in = KindDescription.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
