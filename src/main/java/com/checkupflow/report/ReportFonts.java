package com.checkupflow.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The report's fonts: the Hangul font and the optional fallback (Latin, symbols), each file read once. Metrics (which
 * characters a font has, their advance widths, ascent and descent) are read once and shared; a parsed font is not
 * thread-safe in PDFBox, so each document borrows its own until it is saved (the subset is built from it then).
 */
final class ReportFonts {

    /** Parsed fonts kept per file: as many as renders usually run at once (the job executor's threads). */
    static final int KEPT_PER_FONT = 4;
    private static final Logger log = LoggerFactory.getLogger(ReportFonts.class);

    private final Face primary;
    private final Face fallback;

    ReportFonts(Path fontPath, Path fallbackPath) throws IOException {
        primary = new Face(Files.readAllBytes(fontPath));
        fallback = fallbackPath != null && Files.isReadable(fallbackPath) ? new Face(Files.readAllBytes(fallbackPath)) : null;
    }

    /** The fonts of one document, loaded into it when first used. */
    Session open(PDDocument document) {
        return new Session(document);
    }

    /** One font file: its bytes, its shared metrics (Basic Multilingual Plane) and a pool of parsed copies. */
    static final class Face {

        private final byte[] bytes;
        private final ConcurrentLinkedDeque<TrueTypeFont> parsed = new ConcurrentLinkedDeque<>();
        /** Advance width per character in 1/1000 of the font size; negative when the font has no glyph. */
        final float[] advance = new float[0x10000];
        /** Above and below the baseline (the font's bounding box, as openhtmltopdf took "normal" line height). */
        final float ascent;
        final float descent;

        Face(byte[] bytes) throws IOException {
            this.bytes = bytes;
            TrueTypeFont font = parse();
            try {
                CmapLookup cmap = font.getUnicodeCmapLookup();
                float scale = 1000f / font.getUnitsPerEm();
                for (int c = 0; c < advance.length; c++) {
                    int glyph = cmap.getGlyphId(c);
                    advance[c] = glyph > 0 ? font.getAdvanceWidth(glyph) * scale : -1;
                }
                ascent = font.getHeader().getYMax() * scale;
                descent = -font.getHeader().getYMin() * scale;
            } finally {
                giveBack(font);
            }
        }

        boolean has(int c) {
            return c < advance.length && advance[c] >= 0;
        }

        private TrueTypeFont borrow() throws IOException {
            TrueTypeFont font = parsed.pollFirst();
            return font != null ? font : parse();
        }

        private TrueTypeFont parse() throws IOException {
            return new TTFParser().parse(new RandomAccessReadBuffer(bytes));
        }

        private void giveBack(TrueTypeFont font) {
            if (parsed.size() < KEPT_PER_FONT) {
                parsed.offerFirst(font);
            } else {
                try {
                    font.close();
                } catch (IOException e) {
                    log.debug("Closing a parsed font failed", e);
                }
            }
        }
    }

    /** A document's fonts: the PDF font of each face, embedded as a subset of the glyphs shown. */
    final class Session implements AutoCloseable {

        private final PDDocument document;
        private final List<Borrowed> borrowed = new ArrayList<>(2);
        private PDType0Font primaryFont;
        private PDType0Font fallbackFont;

        private Session(PDDocument document) {
            this.document = document;
        }

        /** The style sheet's first font family, whose bounding box gives the line height. */
        Face first() {
            return fallback != null ? fallback : primary;
        }

        /** The face that prints this character: the fallback's when it has it (the CSS order), else the Hangul font. */
        Face face(int c) {
            return fallback != null && fallback.has(c) ? fallback : primary;
        }

        PDType0Font pdf(Face face) {
            try {
                if (face == primary) {
                    if (primaryFont == null) {
                        primaryFont = load(primary);
                    }
                    return primaryFont;
                }
                if (fallbackFont == null) {
                    fallbackFont = load(fallback);
                }
                return fallbackFont;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private PDType0Font load(Face face) throws IOException {
            TrueTypeFont font = face.borrow();
            borrowed.add(new Borrowed(face, font));
            return PDType0Font.load(document, font, true);
        }

        /** Only after the document is saved. */
        @Override
        public void close() {
            borrowed.forEach(b -> b.face().giveBack(b.font()));
            borrowed.clear();
        }
    }

    private record Borrowed(Face face, TrueTypeFont font) {
    }
}
