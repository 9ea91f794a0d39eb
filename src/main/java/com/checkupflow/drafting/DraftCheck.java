package com.checkupflow.drafting;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Result of {@link DraftChecker#check}. {@code passed} is true exactly when there are no findings.
 */
public record DraftCheck(boolean passed, List<Finding> findings) {

    private static final Properties LABELS = new Properties();

    static {
        try (Reader in = new InputStreamReader(
                DraftCheck.class.getResourceAsStream("/labels/tasks.properties"), StandardCharsets.UTF_8)) {
            LABELS.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public DraftCheck {
        findings = List.copyOf(findings);
    }

    static DraftCheck of(List<Finding> findings) {
        return new DraftCheck(findings.isEmpty(), findings);
    }

    /** The findings as the physician (and the model's next round) reads them: one {@link Finding#line()} a line. */
    public static String note(List<Finding> findings) {
        return findings.stream().map(Finding::line).collect(Collectors.joining("\n"));
    }

    /**
     * The findings as staff of a center read them in the review and sign forms: for a Korean center each kind in
     * words ({@code finding.*.ko} of {@code labels/tasks.properties}, as the signing refusal names them) with its
     * count; for an {@code en} center the English {@link #note(List)}. The codes are for the API and the model.
     */
    public static String note(List<Finding> findings, String language) {
        if ("en".equals(language)) {
            return note(findings);
        }
        Map<String, Long> counts = findings.stream()
                .collect(Collectors.groupingBy(Finding::type, LinkedHashMap::new, Collectors.counting()));
        return counts.entrySet().stream()
                .map(e -> "- " + LABELS.getProperty("finding." + e.getKey() + ".ko", e.getKey()) + " (" + e.getValue() + "건)")
                .collect(Collectors.joining("\n"));
    }

    /** The findings as every table stores them: a JSON array of {@code {type, detail}}. */
    public static String toJson(ObjectMapper json, List<Finding> findings) {
        try {
            return json.writeValueAsString(findings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stored findings read back; null (no check stored) reads as none. */
    public static List<Finding> fromJson(ObjectMapper json, String stored) {
        if (stored == null) {
            return List.of();
        }
        try {
            return List.copyOf(json.readValue(stored, new TypeReference<List<Finding>>() { }));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * One explainable problem of a draft.
     *
     * @param type   one of the types of {@link DraftChecker} (NUMBER_MISMATCH, UNIT_MISMATCH, UNSUPPORTED_VALUE,
     *               UNSUPPORTED_TEST, MISSING_FINDING, CATEGORY_CONTRADICTION, OVERALL_CONTRADICTION, DIAGNOSIS_LANGUAGE,
     *               BAD_CITATION, PII_LEAK, PLACEHOLDER); docs/draft-check.md explains each
     * @param detail what was found, for the reviewer; never contains the personal data itself
     */
    public record Finding(String type, String detail) {

        /** {@code - TYPE: detail} */
        public String line() {
            return "- " + type + ": " + detail;
        }
    }
}
