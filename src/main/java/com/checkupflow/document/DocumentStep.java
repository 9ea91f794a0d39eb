package com.checkupflow.document;

import java.util.List;
import java.util.Map;

/**
 * How one BPMN element configures the AI document step: its extension properties ({@code camunda:properties}), as
 * the element template {@code element-templates/ai-document-step.json} (version 3) sets them, or in instances of
 * process versions before it its input parameters (camunda:inputOutput, template version 2), fetched as variables.
 * Unset values take the kind's defaults.
 *
 * @param kind           {@code documentKind}: a folder under {@code documents/}
 * @param promptVersion  {@code promptVersion}: one of the kind's {@code prompt.versions}
 * @param language       {@code documentLanguage}: ko or en; unset, the screening's language. An extension property is
 *                       no expression: anything else (e.g. {@code ${language}}) is refused, not drafted in Korean
 * @param inputs         {@code documentInputs}: comma-separated process data names ({@link DocumentInputs})
 * @param outputVariable {@code outputVariable}: the process variable that receives the text
 * @param checkProfile   {@code checkProfile}: a profile of {@code documents/check-profiles.properties}
 */
record DocumentStep(String kind, String promptVersion, String language, List<String> inputs, String outputVariable,
                    String checkProfile) {

    static final String KIND = "documentKind";
    static final String PROMPT_VERSION = "promptVersion";
    static final String LANGUAGE = "documentLanguage";
    static final String INPUTS = "documentInputs";
    static final String OUTPUT_VARIABLE = "outputVariable";
    static final String CHECK_PROFILE = "checkProfile";
    static final List<String> PARAMETERS = List.of(KIND, PROMPT_VERSION, LANGUAGE, INPUTS, OUTPUT_VARIABLE, CHECK_PROFILE);
    private static final List<String> LANGUAGES = List.of("ko", "en");

    /**
     * The step of an element's parameters, with the kind's defaults. A kind with a Java drafter drafts as its
     * kind.properties say (its inputs, check profile and output variable, in the screening's language) with any prompt
     * version the kind has: a step that asks for something else is refused, naming what the kind does.
     *
     * @throws IllegalArgumentException for an unknown kind, version or profile, a language other than ko or en, no
     *                                  output variable, or a setting a kind with a drafter does not follow
     */
    static DocumentStep of(Map<String, Object> parameters, String screeningLanguage, DocumentKinds kinds) {
        DocumentKind kind = kinds.get(string(parameters.get(KIND)));
        String version = blankToNull(parameters.get(PROMPT_VERSION));
        version = version == null ? kind.defaultPromptVersion() : version;
        kind.prompts(version);
        String language = blankToNull(parameters.get(LANGUAGE));
        if (language != null && !LANGUAGES.contains(language)) {
            throw new IllegalArgumentException(LANGUAGE + " must be ko, en or empty (the screening's language), was "
                    + language);
        }
        language = "en".equals(language != null ? language : screeningLanguage) ? "en" : "ko";
        String inputs = blankToNull(parameters.get(INPUTS));
        String output = blankToNull(parameters.get(OUTPUT_VARIABLE));
        output = output == null ? kind.outputVariable() : output;
        if (output == null || !output.matches("[A-Za-z_][A-Za-z0-9_]{0,99}")) {
            throw new IllegalArgumentException("outputVariable must be a variable name, was " + output);
        }
        String profile = blankToNull(parameters.get(CHECK_PROFILE));
        profile = profile == null ? kind.checkProfile() : profile;
        kinds.profile(profile);
        DocumentStep step = new DocumentStep(kind.id(), version, language,
                inputs == null ? kind.inputs() : DocumentKind.list(inputs), output, profile);
        if (kind.drafter() != null) {
            step.requireAsDrafted(kind);
        }
        return step;
    }

    /**
     * Any prompt version the kind has is followed (kind.prompts refused the others): an element pinned to a version
     * that was the default when its instance started keeps drafting with it after a later build changes the default.
     */
    private void requireAsDrafted(DocumentKind kind) {
        requireSame(INPUTS, String.join(",", kind.inputs()), String.join(",", inputs), kind);
        requireSame(CHECK_PROFILE, kind.checkProfile(), checkProfile, kind);
        requireSame(OUTPUT_VARIABLE, kind.outputVariable(), outputVariable, kind);
    }

    private static void requireSame(String parameter, String kindValue, String stepValue, DocumentKind kind) {
        if (!kindValue.equals(stepValue)) {
            throw new IllegalArgumentException("document kind " + kind.id() + " is drafted by its drafter "
                    + kind.drafter() + " with " + parameter + " " + kindValue + " (documents/" + kind.id()
                    + "/kind.properties), the step sets " + stepValue);
        }
    }

    private static String string(Object value) {
        return value == null ? null : value.toString().trim();
    }

    private static String blankToNull(Object value) {
        String s = string(value);
        return s == null || s.isEmpty() ? null : s;
    }
}
