package com.checkupflow.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * Turns report XHTML (report.html, the referral letter) into a PDF with openhtmltopdf, embedding the configured fonts
 * as "ReportFont" (Hangul) and "ReportFallbackFont" (Latin, symbols).
 */
@Component
public class ReportPdf {

    static final String FONT_FAMILY = "ReportFont";
    static final String FALLBACK_FONT_FAMILY = "ReportFallbackFont";
    private static final Logger log = LoggerFactory.getLogger(ReportPdf.class);

    private final ReportProperties properties;

    ReportPdf(ReportProperties properties) {
        this.properties = properties;
        if (!Files.isReadable(properties.fontPath())) {
            log.warn("Report font {} not found: PDFs cannot be rendered until it is installed (Debian: fonts-nanum) "
                    + "or checkupflow.report.font-path points to a TrueType font with Hangul", properties.fontPath());
        }
    }

    public byte[] render(String xhtml) {
        if (!Files.isReadable(properties.fontPath())) {
            throw new IllegalStateException("Report font not found: " + properties.fontPath()
                    + " (install fonts-nanum or set checkupflow.report.font-path)");
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useUnicodeLineBreaker(new KeepAllLineBreaker());
            builder.useFont(properties.fontPath().toFile(), FONT_FAMILY);
            if (properties.fallbackFontPath() != null && Files.isReadable(properties.fallbackFontPath())) {
                builder.useFont(properties.fallbackFontPath().toFile(), FALLBACK_FONT_FAMILY);
            }
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
