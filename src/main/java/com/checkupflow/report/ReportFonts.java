package com.checkupflow.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedDeque;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.filter.FilterFactory;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The report's fonts: the Hangul font and the optional fallback (Latin, symbols), each file read once. What does not
 * depend on the document is read once per face and shared: which glyph prints each character, the advance widths, the
 * font descriptor's values. A parsed font is not thread-safe in fontbox, so each document borrows a parsed copy while
 * it cuts its subsets.
 */
final class ReportFonts {

    /** Parsed fonts kept per file: as many as renders usually run at once (the job executor's threads). */
    static final int KEPT_PER_FONT = 4;
    /** Subsets kept per face ({@link Face#cut}): 10-40 KB each, deflated. */
    static final int KEPT_SUBSETS = 16;
    /**
     * The tables of a subset, the ones PDFBox keeps in the subsets it embeds: outlines, metrics and hinting. A viewer
     * finds a glyph by its number (CID = glyph id), so the subset needs no character map, names or glyph names; the
     * text's characters are in the ToUnicode map. Layout tables (kerning, positioning, substitution) and a font
     * editor's own tables are left out: they would be copied whole.
     */
    static final List<String> SUBSET_TABLES = List.of("head", "hhea", "loca", "maxp", "cvt ", "prep", "glyf", "hmtx",
            "fpgm", "gasp");
    private static final Logger log = LoggerFactory.getLogger(ReportFonts.class);
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

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

    /** One font file: its bytes, what it says about every glyph (shared, read once) and a pool of parsed copies. */
    static final class Face {

        private final byte[] bytes;
        private final ConcurrentLinkedDeque<TrueTypeFont> parsed = new ConcurrentLinkedDeque<>();
        /** Advance width per character in 1/1000 of the font size; negative when the font has no glyph. */
        final float[] advance = new float[0x10000];
        /** The glyph that prints each character of the Basic Multilingual Plane; 0 (.notdef) when there is none. */
        private final int[] glyph = new int[0x10000];
        /** Advance width per glyph in 1/1000 of the font size, rounded, as the PDF's width array gives it. */
        private final int[] glyphWidth;
        /** Above and below the baseline (the font's bounding box, as openhtmltopdf took "normal" line height). */
        final float ascent;
        final float descent;
        private final String name;
        /** The font descriptor PDFBox builds for this font (flags, box, angles, heights), without name and file. */
        private final COSDictionary descriptor;
        /**
         * The last subsets cut, by the characters they print: reports of one template print mostly the same characters
         * (the fallback's Latin letters, digits and signs were one set in all 300 reports of a harness run), and cutting
         * and deflating a subset was a quarter of a PDF. Holds which characters recent reports printed, never their
         * order; bounded.
         */
        private final Map<BitSet, Cut> cuts = new LinkedHashMap<>(KEPT_SUBSETS * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<BitSet, Cut> eldest) {
                return size() > KEPT_SUBSETS;
            }
        };

        Face(byte[] bytes) throws IOException {
            this.bytes = bytes;
            TrueTypeFont font = parse();
            try {
                CmapLookup cmap = font.getUnicodeCmapLookup();
                float scale = 1000f / font.getUnitsPerEm();
                for (int c = 0; c < advance.length; c++) {
                    int g = cmap.getGlyphId(c);
                    glyph[c] = Math.max(g, 0);
                    advance[c] = g > 0 ? font.getAdvanceWidth(g) * scale : -1;
                }
                glyphWidth = new int[font.getNumberOfGlyphs()];
                for (int g = 0; g < glyphWidth.length; g++) {
                    glyphWidth[g] = Math.round(font.getAdvanceWidth(g) * scale);
                }
                ascent = font.getHeader().getYMax() * scale;
                descent = -font.getHeader().getYMin() * scale;
                name = font.getName();
                descriptor = descriptorOf(font);
            } finally {
                giveBack(font);
            }
        }

        /** PDFBox's own descriptor of the font (read from its head, hhea, OS/2 and post tables), built once. */
        private static COSDictionary descriptorOf(TrueTypeFont font) throws IOException {
            try (PDDocument scratch = new PDDocument()) {
                COSDictionary built = PDType0Font.load(scratch, font, true).getDescendantFont().getFontDescriptor()
                        .getCOSObject();
                COSDictionary kept = new COSDictionary();
                for (Map.Entry<COSName, COSBase> entry : built.entrySet()) {
                    if (!entry.getKey().equals(COSName.FONT_NAME) && !entry.getKey().equals(COSName.FONT_FILE2)) {
                        kept.setItem(entry.getKey(), entry.getValue());
                    }
                }
                return kept;
            }
        }

        boolean has(int c) {
            return c < advance.length && advance[c] >= 0;
        }

        /** The subset of these characters' glyphs: cut once ({@link #cutAnew}), then taken from {@link #cuts}. */
        Cut cut(BitSet used) throws IOException {
            synchronized (cuts) {
                Cut known = cuts.get(used);
                if (known != null) {
                    return known;
                }
            }
            BitSet key = (BitSet) used.clone();
            Cut cut = cutAnew(key);
            synchronized (cuts) {
                cuts.put(key, cut);
            }
            return cut;
        }

        /** fontbox's {@link TTFSubsetter} with the tables PDFBox keeps; composite glyphs bring their components. */
        Cut cutAnew(BitSet used) throws IOException {
            TreeSet<Integer> glyphs = new TreeSet<>();
            used.stream().forEach(c -> glyphs.add(glyph[c]));
            // a report's subsets are 10-40 KB: sized so the font file is not copied as it grows
            ByteArrayOutputStream file = new ByteArrayOutputStream(32 * 1024);
            Map<Integer, Integer> gidMap;
            TrueTypeFont full = borrow();
            try {
                TTFSubsetter subsetter = new TTFSubsetter(full, SUBSET_TABLES);
                subsetter.addGlyphIds(glyphs);
                subsetter.writeToStream(file);
                // new glyph number -> the whole font's
                gidMap = subsetter.getGIDMap();
            } finally {
                giveBack(full);
            }
            int[] original = new int[gidMap.size()];
            int[] subsetGlyph = new int[glyphWidth.length];
            for (int g = 0; g < original.length; g++) {
                original[g] = gidMap.get(g);
                subsetGlyph[original[g]] = g;
            }
            byte[] fileBytes = file.toByteArray();
            return new Cut(deflate(fileBytes), fileBytes.length, deflate(toUnicode(this, used, subsetGlyph)), original);
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
     * A face as embedded in one document: the subset of the glyphs the document shows, renumbered from 0, and its
     * PDF font dictionary (Type 0, Identity-H: a character is written as its glyph's number in the subset).
     */
    static final class Embedded {

        final COSDictionary font;
        private final Face face;
        /** The subset's glyph number per glyph of the whole font; only the document's glyphs are set. */
        private final int[] subsetGlyph;

        private Embedded(COSDictionary font, Face face, int[] subsetGlyph) {
            this.font = font;
            this.face = face;
            this.subsetGlyph = subsetGlyph;
        }

        /** The text as the content stream's hexadecimal string: two bytes per character, its glyph in the subset. */
        void encode(String text, ByteArrayOutputStream out) {
            out.write('<');
            for (int i = 0; i < text.length(); i++) {
                int g = subsetGlyph[face.glyph[text.charAt(i)]];
                out.write(HEX[g >> 12 & 0xf]);
                out.write(HEX[g >> 8 & 0xf]);
                out.write(HEX[g >> 4 & 0xf]);
                out.write(HEX[g & 0xf]);
            }
            out.write('>');
        }
    }

    /**
     * A document's fonts. The layout tells which characters each face shows ({@link #use}); {@link #embed} then cuts
     * each face to those glyphs (fontbox's {@link TTFSubsetter}, with the tables PDFBox keeps) and writes the font's
     * dictionaries from what the face read once: PDFBox's {@code PDType0Font.load} would parse the subset back and
     * rebuild its character map, descriptor and widths for every document. The subset keeps no glyph substitution
     * table: the report needs none (Hangul syllables are precomposed; Latin ligatures are not wanted in a report).
     */
    final class Session {

        private final PDDocument document;
        private final BitSet primaryUsed = new BitSet();
        private final BitSet fallbackUsed = new BitSet();
        private Embedded primaryFont;
        private Embedded fallbackFont;

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
            for (int i = 0; i < text.length(); i++) {
                used.set(text.charAt(i));
            }
        }

        /** Embeds the subset of every face in use; before any text is painted. */
        void embed() throws IOException {
            primaryFont = primaryUsed.isEmpty() ? null : subset(primary, primaryUsed);
            fallbackFont = fallbackUsed.isEmpty() ? null : subset(fallback, fallbackUsed);
        }

        Embedded pdf(Face face) {
            return face == primary ? primaryFont : fallbackFont;
        }

        private Embedded subset(Face face, BitSet used) throws IOException {
            Cut cut = face.cut(used);
            int[] subsetGlyph = new int[face.glyphWidth.length];
            COSArray widths = new COSArray();
            for (int g = 0; g < cut.original.length; g++) {
                int old = cut.original[g];
                subsetGlyph[old] = g;
                widths.add(COSInteger.get(face.glyphWidth[old]));
            }
            String baseFont = tag(used) + "+" + face.name;

            COSDictionary descriptor = new COSDictionary();
            for (Map.Entry<COSName, COSBase> entry : face.descriptor.entrySet()) {
                // a document's objects are its own: arrays are written by the document's writer
                descriptor.setItem(entry.getKey(), entry.getValue() instanceof COSArray array ? copy(array) : entry.getValue());
            }
            descriptor.setName(COSName.FONT_NAME, baseFont);
            PDStream fontFile = stream(document, cut.file);
            fontFile.getCOSObject().setInt(COSName.LENGTH1, cut.fileLength);
            descriptor.setItem(COSName.FONT_FILE2, fontFile);

            COSDictionary systemInfo = new COSDictionary();
            systemInfo.setString(COSName.REGISTRY, "Adobe");
            systemInfo.setString(COSName.ORDERING, "Identity");
            systemInfo.setInt(COSName.SUPPLEMENT, 0);
            COSDictionary cidFont = new COSDictionary();
            cidFont.setItem(COSName.TYPE, COSName.FONT);
            cidFont.setItem(COSName.SUBTYPE, COSName.CID_FONT_TYPE2);
            cidFont.setName(COSName.BASE_FONT, baseFont);
            cidFont.setItem(COSName.CIDSYSTEMINFO, systemInfo);
            cidFont.setItem(COSName.FONT_DESC, descriptor);
            COSArray w = new COSArray();
            w.add(COSInteger.ZERO);
            w.add(widths);
            cidFont.setItem(COSName.W, w);
            cidFont.setItem(COSName.CID_TO_GID_MAP, COSName.IDENTITY);

            COSDictionary font = new COSDictionary();
            font.setItem(COSName.TYPE, COSName.FONT);
            font.setItem(COSName.SUBTYPE, COSName.TYPE0);
            font.setName(COSName.BASE_FONT, baseFont);
            font.setItem(COSName.ENCODING, COSName.IDENTITY_H);
            COSArray descendants = new COSArray();
            descendants.add(cidFont);
            font.setItem(COSName.DESCENDANT_FONTS, descendants);
            font.setItem(COSName.TO_UNICODE, stream(document, cut.toUnicode));
            return new Embedded(font, face, subsetGlyph);
        }
    }

    /** A stream of the document holding bytes deflated before, as {@code PDStream} writes them with {@code FlateDecode}. */
    static PDStream stream(PDDocument document, byte[] deflated) throws IOException {
        COSStream stream = document.getDocument().createCOSStream();
        stream.setItem(COSName.FILTER, COSName.FLATE_DECODE);
        try (OutputStream out = stream.createRawOutputStream()) {
            out.write(deflated);
        }
        return new PDStream(stream);
    }

    static byte[] deflate(byte[] bytes) throws IOException {
        ByteArrayOutputStream deflated = new ByteArrayOutputStream(bytes.length / 2 + 64);
        FilterFactory.INSTANCE.getFilter(COSName.FLATE_DECODE).encode(new ByteArrayInputStream(bytes), deflated,
                new COSDictionary(), 0);
        return deflated.toByteArray();
    }

    /**
     * A face cut to the glyphs of a set of characters, deflated as the PDF holds it: the font file, its length before
     * deflating, the ToUnicode map, and the whole font's glyph number of each of the subset's glyphs.
     */
    record Cut(byte[] file, int fileLength, byte[] toUnicode, int[] original) {
    }

    /**
     * The ToUnicode map of a subset (text extraction, search, copy): each glyph to the first character the document
     * prints with it, as PDFBox writes it.
     */
    static byte[] toUnicode(Face face, BitSet used, int[] subsetGlyph) {
        StringBuilder entries = new StringBuilder();
        BitSet mapped = new BitSet();
        int count = 0;
        StringBuilder cmap = new StringBuilder("""
                /CIDInit /ProcSet findresource begin
                12 dict begin
                begincmap
                /CIDSystemInfo
                << /Registry (Adobe)
                /Ordering (UCS)
                /Supplement 0
                >> def
                /CMapName /Adobe-Identity-UCS def
                /CMapType 2 def
                1 begincodespacerange
                <0000> <FFFF>
                endcodespacerange
                """);
        for (int c = used.nextSetBit(0); c >= 0; c = used.nextSetBit(c + 1)) {
            int g = subsetGlyph[face.glyph[c]];
            if (g == 0 || mapped.get(g)) {
                continue;
            }
            mapped.set(g);
            entries.append('<').append(hex4(g)).append("> <").append(hex4(c)).append(">\n");
            if (++count == 100) {
                // at most 100 entries per block (PDF 32000-1, 9.10.3)
                cmap.append(count).append(" beginbfchar\n").append(entries).append("endbfchar\n");
                entries.setLength(0);
                count = 0;
            }
        }
        if (count > 0) {
            cmap.append(count).append(" beginbfchar\n").append(entries).append("endbfchar\n");
        }
        cmap.append("""
                endcmap
                CMapName currentdict /CMap defineresource pop
                end
                end
                """);
        return cmap.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static String hex4(int value) {
        return new String(new byte[] {HEX[value >> 12 & 0xf], HEX[value >> 8 & 0xf], HEX[value >> 4 & 0xf], HEX[value & 0xf]},
                StandardCharsets.US_ASCII);
    }

    private static COSArray copy(COSArray array) {
        COSArray copy = new COSArray();
        for (COSBase item : array.toList()) {
            copy.add(item);
        }
        return copy;
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
