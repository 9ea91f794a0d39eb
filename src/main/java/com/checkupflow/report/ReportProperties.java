package com.checkupflow.report;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param fontPath         a TrueType (glyf) font with Hangul that the PDF embeds, by default Debian's {@code fonts-nanum}.
 *                         PDFBox cannot embed CFF-flavoured OpenType, so Noto Sans CJK ({@code .ttc}/{@code .otf})
 *                         does not work.
 * @param fallbackFontPath the font tried first for Latin text, spaces and the symbols the Hangul font lacks (−, ±),
 *                         by default Debian's {@code fonts-dejavu-core}; skipped when absent (the PDF then still
 *                         renders, but its extracted text has NULs for spaces and # for −)
 */
@ConfigurationProperties(prefix = "checkupflow.report")
record ReportProperties(
        @DefaultValue("/usr/share/fonts/truetype/nanum/NanumGothic.ttf") Path fontPath,
        @DefaultValue("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf") Path fallbackFontPath) {
}
