package com.checkupflow.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The report's fonts: the Hangul font and the optional fallback (Latin, symbols), each file read once. Metrics (which
 * characters a font has, their advance widths, ascent and descent) are read once and shared; a parsed font is not
 * thread-safe in fontbox, so each document borrows a parsed copy while it builds its subsets.
 */
final class ReportFonts {

    /** Parsed fonts kept per file: as many as renders usually run at once (the job executor's threads). */
    static final int KEPT_PER_FONT = 4;
    /**
     * The tables of a subset: what PDFBox keeps in the subsets it embeds, and the character map, names, metrics flags
     * and glyph names it reads when it embeds a font. Layout tables (kerning, positioning, substitution) and a font
     * editor's own tables are left out: they would be copied whole.
     */
    static final List<String> SUBSET_TABLES = List.of("head", "hhea", "loca", "maxp", "cvt ", "prep", "glyf", "hmtx",
            "fpgm", "gasp", "cmap", "name", "OS/2", "post");
    private static final Logger log = LoggerFactory.getLogger(ReportFonts.class);

    private final Face primary;
    private final Face fallback;

    ReportFonts(Path fontPath, Path fallbackPath) throws IOException {
        primary = new Face(Files.readAllBytes(fontPath));
        fallback = fallbackPath != null && Files.isReadable(fallbackPath) ? new Face(Files.readAllBytes(fallbackPath)) : null;
    }

    /** The fonts of one document. */
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

    /**
     * A document's fonts. The layout tells which characters each face shows ({@link #use}); {@link #embed} then
     * subsets each face to those glyphs (fontbox's {@link TTFSubsetter}, as PDFBox does when it saves) and embeds the
     * subset as it is: PDFBox would otherwise build and read the widths of all ~11,000 glyphs of the Hangul font for
     * every document and subset again at save. The subset keeps no glyph substitution table: the report needs none
     * (Hangul syllables are precomposed; Latin ligatures are not wanted in a report's text).
     */
    final class Session {

        private final PDDocument document;
        private final BitSet primaryUsed = new BitSet();
        private final BitSet fallbackUsed = new BitSet();
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

        /** Whether a face has a glyph for this character (else the layout prints a substitute). */
        boolean printable(int c) {
            return primary.has(c) || fallback != null && fallback.has(c);
        }

        void use(Face face, String text) {
            BitSet used = face == primary ? primaryUsed : fallbackUsed;
            text.codePoints().forEach(used::set);
        }

        /** Embeds the subset of every face in use; before any text is painted. */
        void embed() throws IOException {
            primaryFont = primaryUsed.isEmpty() ? null : subset(primary, primaryUsed);
            fallbackFont = fallbackUsed.isEmpty() ? null : subset(fallback, fallbackUsed);
        }

        PDType0Font pdf(Face face) {
            return face == primary ? primaryFont : fallbackFont;
        }

        private PDType0Font subset(Face face, BitSet used) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            TrueTypeFont full = face.borrow();
            try {
                TTFSubsetter subsetter = new TTFSubsetter(full, SUBSET_TABLES);
                subsetter.setPrefix(tag(used) + "+");
                used.stream().forEach(subsetter::add);
                subsetter.writeToStream(bytes);
            } finally {
                face.giveBack(full);
            }
            TrueTypeFont small = new TTFParser().parse(new RandomAccessReadBuffer(bytes.toByteArray()));
            small.setEnableGsub(false);
            return PDType0Font.load(document, small, false);
        }
    }

    /** A subset's tag (six capitals, as the PDF specification names subsets), from the characters it holds. */
    static String tag(BitSet used) {
        long hash = used.hashCode() & 0xffffffffL;
        StringBuilder tag = new StringBuilder(6);
        for (int i = 0; i < 6; i++) {
            tag.append((char) ('A' + hash % 26));
            hash /= 26;
        }
        return tag.toString();
    }

}
