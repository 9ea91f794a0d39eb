package com.checkupflow.report;

import java.text.BreakIterator;
import java.util.Locale;

import com.openhtmltopdf.extend.FSTextBreaker;

/**
 * CSS {@code word-break: keep-all} for openhtmltopdf, which does not know the property: a line may break only after
 * white space, never between the syllables of a Korean word ("정상B(경 계)") nor inside a unit or a number
 * ("mL/min/1. 73m²"). Table columns then get at least their longest word. A no-break space (U+00A0) keeps its
 * neighbours together. One instance per document: openhtmltopdf sets each text run before asking for breaks.
 */
final class KeepAllLineBreaker implements FSTextBreaker {

    private final BreakIterator lines = BreakIterator.getLineInstance(Locale.KOREAN);
    private String text = "";

    @Override
    public void setText(String newText) {
        text = newText;
        lines.setText(newText);
    }

    @Override
    public int next() {
        int boundary = lines.next();
        while (boundary != BreakIterator.DONE && boundary < text.length()
                && !Character.isWhitespace(text.charAt(boundary - 1))) {
            boundary = lines.next();
        }
        return boundary;
    }
}
