package com.checkupflow.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * The benchmark's baseline: report XHTML rendered to PDF the way {@code ReportPdf} did before it laid the documents out
 * itself (openhtmltopdf 1.1.31, fast mode, fonts parsed once and borrowed per render, XHTML parsed with a builder kept
 * per thread, keep-all line breaks), so that {@link ReportPdfBenchmark} compares both in the same run and the sample
 * PDFs can be compared page by page.
 */
final class OpenHtmlToPdfBaseline {

    static final String FONT_FAMILY = "ReportFont";
    static final String FALLBACK_FONT_FAMILY = "ReportFallbackFont";
    /** Parsed fonts kept per file: as many as renders usually run at once (the job executor's threads). */
    static final int KEPT_PER_FONT = 4;
    private static final Logger log = LoggerFactory.getLogger(OpenHtmlToPdfBaseline.class);

    private final ReportProperties properties;
    private final Map<Path, byte[]> fontFiles = new ConcurrentHashMap<>();
    private final Map<Path, ConcurrentLinkedDeque<TrueTypeFont>> parsedFonts = new ConcurrentHashMap<>();

    OpenHtmlToPdfBaseline(ReportProperties properties) {
        this.properties = properties;
        if (!Files.isReadable(properties.fontPath())) {
            log.warn("Report font {} not found: PDFs cannot be rendered until it is installed (Debian: fonts-nanum) "
                    + "or checkupflow.report.font-path points to a TrueType font with Hangul", properties.fontPath());
        }
    }

    byte[] render(String xhtml) {
        if (!Files.isReadable(properties.fontPath())) {
            throw new IllegalStateException("Report font not found: " + properties.fontPath()
                    + " (install fonts-nanum or set checkupflow.report.font-path)");
        }
        List<Borrowed> borrowed = new ArrayList<>();
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useUnicodeLineBreaker(new KeepAllBreaks());
            builder.usePDDocument(document);
            builder.useFont(new LazyFont(document, properties.fontPath(), borrowed), FONT_FAMILY);
            if (properties.fallbackFontPath() != null && Files.isReadable(properties.fallbackFontPath())) {
                builder.useFont(new LazyFont(document, properties.fallbackFontPath(), borrowed), FALLBACK_FONT_FAMILY);
            }
            builder.withW3cDocument(ReportPdf.parse(xhtml), null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            // Only after the document is written: the subset is built from the parsed font when it is saved.
            borrowed.forEach(b -> giveBack(b.path(), b.font()));
        }
    }

    private TrueTypeFont borrow(Path path) throws IOException {
        TrueTypeFont font = parsedFonts.computeIfAbsent(path, p -> new ConcurrentLinkedDeque<>()).pollFirst();
        if (font != null) {
            return font;
        }
        byte[] bytes = fontFiles.get(path);
        if (bytes == null) {
            bytes = Files.readAllBytes(path);
            fontFiles.put(path, bytes);
        }
        return new TTFParser().parse(new RandomAccessReadBuffer(bytes));
    }

    private void giveBack(Path path, TrueTypeFont font) {
        ConcurrentLinkedDeque<TrueTypeFont> kept = parsedFonts.get(path);
        if (kept.size() < KEPT_PER_FONT) {
            kept.offerFirst(font);
        } else {
            try {
                font.close();
            } catch (IOException e) {
                log.debug("Closing a parsed font failed", e);
            }
        }
    }

    private record Borrowed(Path path, TrueTypeFont font) {
    }

    /** Loads the font into the document only when the layout first needs it (as openhtmltopdf does for files). */
    private final class LazyFont extends PDFontSupplier {

        private final PDDocument document;
        private final Path path;
        private final List<Borrowed> borrowed;
        private PDFont font;

        LazyFont(PDDocument document, Path path, List<Borrowed> borrowed) {
            super(null);
            this.document = document;
            this.path = path;
            this.borrowed = borrowed;
        }

        @Override
        public PDFont supply() {
            if (font == null) {
                try {
                    TrueTypeFont parsed = borrow(path);
                    borrowed.add(new Borrowed(path, parsed));
                    font = PDType0Font.load(document, parsed, true);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return font;
        }
    }

    /** openhtmltopdf's line breaker over {@link KeepAllLineBreaker} (break only after white space). */
    private static final class KeepAllBreaks implements com.openhtmltopdf.extend.FSTextBreaker {

        private final KeepAllLineBreaker breaker = new KeepAllLineBreaker();

        @Override
        public int next() {
            return breaker.next();
        }

        @Override
        public void setText(String newText) {
            breaker.setText(newText);
        }
    }
}
