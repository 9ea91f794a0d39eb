package com.checkupflow.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.checkupflow.ai.AnswerSchema;
import com.checkupflow.ai.PromptTemplates;

/**
 * A document kind, made of resources only under {@code documents/<kind>/}:
 * <ul>
 *   <li>{@code kind.properties}: its names ({@code name.ko}, {@code name.en}), the prompt versions it has
 *       ({@code prompt.versions}, the first is the default), the answer schema's name ({@code schema.name}), the check
 *       profile that applies ({@code check.profile}, see {@code documents/check-profiles.properties}) and the process
 *       data it reads by default ({@code inputs});</li>
 *   <li>{@code <version>.<lang>.txt} and {@code <version>.schema.json}: the model prompts and the answer's schema;</li>
 *   <li>{@code document.<lang>.txt}: the deterministic renderer (Thymeleaf, TEXT mode) of the whole document from the
 *       data and the model's answer or, without one, the fallback's text;</li>
 *   <li>{@code fallback.<lang>.txt}: the template fallback's written part (Thymeleaf, TEXT mode), from the data only.</li>
 * </ul>
 */
record DocumentKind(String id, Map<String, String> names, List<String> promptVersions,
                    Map<String, PromptTemplates> prompts, Map<String, AnswerSchema> schemas, String checkProfile,
                    List<String> inputs) {

    static final String FOLDER = "documents/";

    /** @throws IllegalStateException naming the missing or wrong resource */
    static DocumentKind load(String id) {
        String folder = FOLDER + id;
        Properties p = properties(folder + "/kind.properties");
        List<String> versions = list(p.getProperty("prompt.versions"));
        if (versions.isEmpty()) {
            throw new IllegalStateException(folder + "/kind.properties names no prompt.versions");
        }
        String schemaName = p.getProperty("schema.name", id.replace('-', '_'));
        Map<String, PromptTemplates> prompts = new LinkedHashMap<>();
        Map<String, AnswerSchema> schemas = new LinkedHashMap<>();
        for (String v : versions) {
            prompts.put(v, PromptTemplates.of(folder, id, v));
            schemas.put(v, AnswerSchema.load(schemaName, folder + "/" + v + ".schema.json"));
        }
        Map<String, String> names = Map.of("ko", p.getProperty("name.ko", id), "en", p.getProperty("name.en", id));
        return new DocumentKind(id, names, versions, prompts, schemas, p.getProperty("check.profile", "none").trim(),
                list(p.getProperty("inputs", DocumentInputs.JUDGEMENT)));
    }

    String name(String language) {
        return names.getOrDefault(language, names.get("ko"));
    }

    String defaultPromptVersion() {
        return promptVersions.get(0);
    }

    /** @throws IllegalArgumentException for a version the kind does not have */
    PromptTemplates prompts(String version) {
        PromptTemplates p = prompts.get(version);
        if (p == null) {
            throw new IllegalArgumentException("document kind " + id + " has no prompt version " + version
                    + " (has " + promptVersions + ")");
        }
        return p;
    }

    AnswerSchema schema(String version) {
        prompts(version);
        return schemas.get(version);
    }

    static List<String> list(String value) {
        return value == null ? List.of()
                : Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    static Properties properties(String path) {
        try (InputStream in = DocumentKind.class.getClassLoader().getResourceAsStream(path)) {
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
