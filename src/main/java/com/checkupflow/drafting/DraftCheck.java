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
     * @param type   NUMBER_MISMATCH, UNSUPPORTED_VALUE, MISSING_FINDING, CATEGORY_CONTRADICTION,
     *               DIAGNOSIS_LANGUAGE or PII_LEAK
     * @param detail what was found, for the reviewer; never contains the personal data itself
     */
    public record Finding(String type, String detail) {
    }
}
