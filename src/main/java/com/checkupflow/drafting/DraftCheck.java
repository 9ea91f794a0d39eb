package com.checkupflow.drafting;

import java.util.List;

/**
 * Result of {@link DraftChecker#check}. {@code passed} is true exactly when there are no findings.
 */
public record DraftCheck(boolean passed, List<Finding> findings) {

    public DraftCheck {
        findings = List.copyOf(findings);
    }

    static DraftCheck of(List<Finding> findings) {
        return new DraftCheck(findings.isEmpty(), findings);
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
    }
}
