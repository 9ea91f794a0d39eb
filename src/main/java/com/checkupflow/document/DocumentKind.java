package com.checkupflow.document;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.checkupflow.ai.AnswerSchema;
import com.checkupflow.ai.KindDescription;
import com.checkupflow.ai.PromptTemplates;

/**
 * A document kind, made of resources only under {@code documents/<kind>/}, read through its {@link KindDescription}:
 * <ul>
 *   <li>{@code kind.properties}: its names ({@code name.ko}, {@code name.en}), the prompt versions it has
 *       ({@code prompt.versions}, the first is the default), the answer schema's name ({@code schema.name}), the check
 *       profile that applies ({@code check.profile}, see {@code documents/check-profiles.properties}), the process
 *       data it reads by default ({@code inputs}) and, for a kind with a Java {@code drafter} ({@link
 *       com.checkupflow.ai.KindDrafter}), the variable its text goes to ({@code output.variable}); the topics of older
 *       process versions its step had ({@code legacy.topics});</li>
 *   <li>{@code <version>.<lang>.txt} and {@code <version>.schema.json}: the model prompts and the answer's schema;</li>
 *   <li>{@code document.<lang>.txt}: the deterministic renderer (Thymeleaf, TEXT mode) of the whole document from the
 *       data and the model's answer or, without one, the fallback's text;</li>
 *   <li>{@code fallback.<lang>.txt}: the template fallback's written part (Thymeleaf, TEXT mode), from the data only.</li>
 * </ul>
 */
record DocumentKind(String id, Map<String, String> names, List<String> promptVersions,
                    Map<String, PromptTemplates> prompts, Map<String, AnswerSchema> schemas, String checkProfile,
                    List<String> inputs, String drafter, String outputVariable, List<String> legacyTopics) {

    static final String FOLDER = KindDescription.FOLDER;

    /** @throws IllegalStateException naming the missing or wrong resource */
    static DocumentKind load(String id) {
        KindDescription d = KindDescription.load(id);
        Map<String, PromptTemplates> prompts = new LinkedHashMap<>();
        Map<String, AnswerSchema> schemas = new LinkedHashMap<>();
        for (String v : d.promptVersions()) {
            prompts.put(v, d.prompts(v));
            schemas.put(v, d.schema(v));
        }
        Map<String, String> names = Map.of("ko", d.name("ko"), "en", d.name("en"));
        return new DocumentKind(id, names, d.promptVersions(), prompts, schemas, d.checkProfile(),
                d.inputs(DocumentInputs.JUDGEMENT), d.drafter(), d.outputVariable(), d.legacyTopics());
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
        return KindDescription.list(value);
    }

    static Properties properties(String path) {
        return KindDescription.properties(path);
    }
}
