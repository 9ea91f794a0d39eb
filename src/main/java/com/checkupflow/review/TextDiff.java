package com.checkupflow.review;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/** How much a physician changed the draft: a line diff and a normalized edit distance. */
final class TextDiff {

    private TextDiff() {
    }

    /**
     * Levenshtein distance over characters divided by the longer text's length, to 4 decimals: 0 when signed as
     * drafted, 1 when nothing of the draft is left. Two empty texts have ratio 0.
     */
    static BigDecimal editRatio(String draft, String signed) {
        String a = draft == null ? "" : draft;
        String b = signed == null ? "" : signed;
        int longer = Math.max(a.length(), b.length());
        if (longer == 0) {
            return BigDecimal.ZERO.setScale(4);
        }
        return BigDecimal.valueOf(levenshtein(a, b)).divide(BigDecimal.valueOf(longer), 4, RoundingMode.HALF_UP);
    }

    static int levenshtein(String a, String b) {
        // a common prefix and suffix cost nothing: only the changed middle goes through the quadratic table (a text
        // signed as drafted costs one comparison)
        int prefix = 0;
        int shorter = Math.min(a.length(), b.length());
        while (prefix < shorter && a.charAt(prefix) == b.charAt(prefix)) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < shorter - prefix && a.charAt(a.length() - 1 - suffix) == b.charAt(b.length() - 1 - suffix)) {
            suffix++;
        }
        return table(a.substring(prefix, a.length() - suffix), b.substring(prefix, b.length() - suffix));
    }

    private static int table(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** A line diff (longest common subsequence): {@code "  "} kept, {@code "- "} removed, {@code "+ "} added. */
    static String lineDiff(String draft, String signed) {
        String[] a = (draft == null ? "" : draft).split("\n", -1);
        String[] b = (signed == null ? "" : signed).split("\n", -1);
        int[][] lcs = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<String> lines = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i].equals(b[j])) {
                lines.add("  " + a[i++]);
                j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                lines.add("- " + a[i++]);
            } else {
                lines.add("+ " + b[j++]);
            }
        }
        while (i < a.length) {
            lines.add("- " + a[i++]);
        }
        while (j < b.length) {
            lines.add("+ " + b[j++]);
        }
        return String.join("\n", lines);
    }
}
