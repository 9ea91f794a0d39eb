package com.checkupflow.drafting;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonInclude;
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
     * The findings as a physician reads them where they must act (a signing refusal): one {@link Finding#forPhysician()}
     * a line, each once, at most {@code max} and then how many more ({@code more}: "외 {0}건", "and {0} more"); a
     * finding without a {@code shown} text (stored before it existed) reads as {@code withoutShown} says.
     */
    public static String forPhysician(List<Finding> findings, int max, String more,
                                      java.util.function.Function<Finding, String> withoutShown) {
        List<String> lines = findings.stream().map(f -> f.shown() != null ? f.shown() : withoutShown.apply(f))
                .distinct().toList();
        String shown = lines.stream().limit(max).map(l -> "· " + l).collect(Collectors.joining("\n"));
        return lines.size() <= max ? shown : shown + "\n" + more.replace("{0}", String.valueOf(lines.size() - max));
    }

    /**
     * The findings as staff of a center read them in the review, document and sign forms: each in words in the
     * report's language ({@link #forPhysician}); a finding stored before it had words reads as its kind
     * ({@code finding.*.ko} of {@code labels/tasks.properties}) for a Korean center, its English detail for an
     * {@code en} one. The codes are for the API and the model.
     */
    public static String note(List<Finding> findings, String language) {
        return forPhysician(findings, Integer.MAX_VALUE, "", "en".equals(language) ? Finding::detail
                : f -> LABELS.getProperty("finding." + f.type() + ".ko", f.type()));
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
     * @param shown  the same for the physician in the report's language, without codes: the words or number of the
     *               text and the judgement's fact ("수치가 다릅니다: 본문 “126/84 mmHg” ↔ 결과 116/74 mmHg"); null when
     *               the rule has none (personal data is never quoted)
     */
    public record Finding(String type, String detail, @JsonInclude(JsonInclude.Include.NON_NULL) String shown) {

        public Finding(String type, String detail) {
            this(type, detail, null);
        }

        /** {@code - TYPE: detail} */
        public String line() {
            return "- " + type + ": " + detail;
        }

        /** What the physician reads: {@link #shown} when there is one, else the detail. */
        public String forPhysician() {
            return shown != null ? shown : detail;
        }
    }
}
