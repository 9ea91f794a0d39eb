package com.checkupflow.report;

import java.text.BreakIterator;
import java.util.Locale;

/**
 * CSS {@code word-break: keep-all} for the report's PDF: a line may break only after white space, never between the
 * syllables of a Korean word ("정상B(경 계)") nor inside a unit or a number ("mL/min/1. 73m²"). Table columns then get
 * at least their longest word. A no-break space (U+00A0) keeps its neighbours together. Not thread-safe: one per
 * render.
 */
final class KeepAllLineBreaker {

    private final BreakIterator lines = BreakIterator.getLineInstance(Locale.KOREAN);
    private String text = "";

    void setText(String newText) {
        text = newText;
        lines.setText(newText);
    }

    int next() {
        int boundary = lines.next();
        while (boundary != BreakIterator.DONE && boundary < text.length()
                && !Character.isWhitespace(text.charAt(boundary - 1))) {
            boundary = lines.next();
        }
        return boundary;
    }
}
