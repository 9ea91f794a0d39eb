package com.checkupflow.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TTFTable;
import org.apache.fontbox.ttf.TrueTypeFont;

/**
 * The subsets of one TrueType face, written byte for byte as fontbox's {@link TTFSubsetter} writes them with the
 * tables {@link ReportFonts#SUBSET_TABLES}, from what is read once per face: the glyph offsets and components, and
 * the tables that do not depend on the glyphs (taken from a subset fontbox wrote once). fontbox's subsetter read
 * every table again per document and built the {@code head} table's dates through two {@code Calendar}s each time
 * (together 14 % of a report PDF's CPU); the file is the same.
 */
final class TrueTypeSubset {

    private final byte[] font;
    private final long glyfOffset;
    /** Where each glyph's outline starts in {@code glyf}, and where the last one ends. */
    private final long[] loca;
    private final long hmtxOffset;
    private final int numberOfHMetrics;
    /** The glyphs a composite glyph is built from; null for a simple glyph. */
    private final int[][] components;
    /** The tables as fontbox writes them in every subset; {@code head} with a zero checksum adjustment. */
    private final Map<String, byte[]> fixed = new TreeMap<>();

    /** The glyphs of one document, renumbered in order from 0 (.notdef), and the subset's file. */
    record Subset(int[] originalGlyph, byte[] file) {
    }

    TrueTypeSubset(byte[] font, TrueTypeFont parsed, List<String> tables) throws IOException {
        this.font = font;
        glyfOffset = parsed.getGlyph().getOffset();
        loca = parsed.getIndexToLocation().getOffsets();
        hmtxOffset = parsed.getHorizontalMetrics().getOffset();
        numberOfHMetrics = parsed.getHorizontalHeader().getNumberOfHMetrics();
        components = new int[parsed.getNumberOfGlyphs()][];
        for (int g = 0; g < components.length; g++) {
            components[g] = componentsOf(g);
        }
        ByteArrayOutputStream reference = new ByteArrayOutputStream();
        new TTFSubsetter(parsed, tables).writeToStream(reference);
        Map<String, byte[]> written = tables(reference.toByteArray());
        for (Map.Entry<String, TTFTable> table : parsed.getTableMap().entrySet()) {
            if (tables.contains(table.getKey()) && !table.getKey().equals("glyf") && !table.getKey().equals("loca")
                    && !table.getKey().equals("hmtx")) {
                fixed.put(table.getKey(), written.get(table.getKey()));
            }
        }
        for (String table : List.of("head", "hhea", "maxp")) {
            fixed.put(table, written.get(table));
        }
        byte[] head = fixed.get("head").clone();
        head[8] = head[9] = head[10] = head[11] = 0;
        fixed.put("head", head);
    }

    /** The subset of .notdef, these glyphs and the glyphs their composites are built from. */
    Subset subset(BitSet glyphs) {
        BitSet kept = (BitSet) glyphs.clone();
        kept.set(0);
        BitSet added = kept;
        while (!added.isEmpty()) {
            BitSet more = new BitSet();
            for (int g = added.nextSetBit(0); g >= 0; g = added.nextSetBit(g + 1)) {
                for (int c : components[g] == null ? new int[0] : components[g]) {
                    if (!kept.get(c)) {
                        more.set(c);
                    }
                }
            }
            kept.or(more);
            added = more;
        }
        int[] original = kept.stream().toArray();
        int[] renumbered = new int[components.length];
        for (int i = 0; i < original.length; i++) {
            renumbered[original[i]] = i;
        }

        ByteArrayOutputStream glyf = new ByteArrayOutputStream(32 * 1024);
        byte[] newLoca = new byte[(original.length + 1) * 4];
        long offset = 0;
        for (int i = 0; i < original.length; i++) {
            putInt(newLoca, i * 4, offset);
            int g = original[i];
            int start = (int) (glyfOffset + loca[g]);
            int length = (int) (loca[g + 1] - loca[g]);
            if (components[g] != null) {
                byte[] composite = Arrays.copyOfRange(font, start, start + length);
                int end = renumberComponents(composite, renumbered);
                glyf.write(composite, 0, end);
                offset += end;
            } else if (length > 0) {
                glyf.write(font, start, length);
                offset += length;
            }
            while (offset % 4 != 0) {
                glyf.write(0);
                offset++;
            }
        }
        putInt(newLoca, original.length * 4, offset);

        Map<String, byte[]> tables = new TreeMap<>(fixed);
        tables.put("glyf", glyf.toByteArray());
        tables.put("loca", newLoca);
        tables.put("hmtx", hmtx(original, kept));
        byte[] hhea = fixed.get("hhea").clone();
        putShort(hhea, hhea.length - 2, hMetrics(original, kept));
        tables.put("hhea", hhea);
        byte[] maxp = fixed.get("maxp").clone();
        putShort(maxp, 4, original.length);
        tables.put("maxp", maxp);
        tables.put("head", fixed.get("head").clone());
        return new Subset(original, write(tables));
    }

    /** As fontbox counts them: the kept glyphs with a metric of their own, and the last one's when it is borrowed. */
    private int hMetrics(int[] original, BitSet kept) {
        int count = kept.get(0, numberOfHMetrics).cardinality();
        if (original[original.length - 1] >= numberOfHMetrics && !kept.get(numberOfHMetrics - 1)) {
            count++;
        }
        return count;
    }

    private byte[] hmtx(int[] original, BitSet kept) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(original.length * 4 + 2);
        int last = numberOfHMetrics - 1;
        boolean needLastWidth = original[original.length - 1] > last && !kept.get(last);
        for (int g : original) {
            if (g <= last) {
                out.write(font, (int) hmtxOffset + g * 4, 4);
            } else {
                if (needLastWidth) {
                    // the last metric's width applies to every later glyph: copied once, as fontbox does
                    needLastWidth = false;
                    out.write(font, (int) hmtxOffset + last * 4, 2);
                }
                out.write(font, (int) hmtxOffset + numberOfHMetrics * 4 + (g - numberOfHMetrics) * 2, 2);
            }
        }
        return out.toByteArray();
    }

    /** The file: header, table records and the tables in tag order, with fontbox's checksums. */
    private static byte[] write(Map<String, byte[]> tables) {
        int count = tables.size();
        int size = 12 + 16 * count;
        for (byte[] table : tables.values()) {
            size += (table.length + 3) / 4 * 4;
        }
        byte[] file = new byte[size];
        int mask = Integer.highestOneBit(count);
        int searchRange = mask * 16;
        int entrySelector = (int) Math.round(Math.log(mask) / Math.log(2));
        int rangeShift = 16 * count - searchRange;
        putInt(file, 0, 0x00010000L);
        putShort(file, 4, count);
        putShort(file, 6, searchRange);
        putShort(file, 8, entrySelector);
        putShort(file, 10, rangeShift);
        long checksum = 0x00010000L + uint32(count, searchRange) + uint32(entrySelector, rangeShift);
        int record = 12;
        long offset = 12L + 16L * count;
        for (Map.Entry<String, byte[]> table : tables.entrySet()) {
            byte[] bytes = table.getValue();
            long sum = checksum(bytes);
            byte[] tag = table.getKey().getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(tag, 0, file, record, 4);
            putInt(file, record + 4, sum);
            putInt(file, record + 8, offset);
            putInt(file, record + 12, bytes.length);
            checksum += uint32(tag) + sum + sum + offset + bytes.length;
            System.arraycopy(bytes, 0, file, (int) offset, bytes.length);
            record += 16;
            offset += (bytes.length + 3) / 4 * 4;
        }
        long adjustment = 0xB1B0AFBAL - (checksum & 0xffffffffL);
        int head = headOffset(file, count);
        putInt(file, head + 8, adjustment);
        return file;
    }

    private static int headOffset(byte[] file, int count) {
        for (int record = 12; record < 12 + 16 * count; record += 16) {
            if (file[record] == 'h' && file[record + 1] == 'e' && file[record + 2] == 'a' && file[record + 3] == 'd') {
                return (int) uint32(file, record + 8);
            }
        }
        throw new IllegalStateException("no head table");
    }

    /** The sum of the table's big-endian 32-bit words, the last one padded with zeros (as fontbox sums it bytewise). */
    private static long checksum(byte[] bytes) {
        long sum = 0;
        int whole = bytes.length & ~3;
        for (int i = 0; i < whole; i += 4) {
            sum += uint32(bytes, i);
        }
        for (int i = whole; i < bytes.length; i++) {
            sum += (bytes[i] & 0xffL) << 24 - i % 4 * 8;
        }
        return sum & 0xffffffffL;
    }

    /** The component glyph ids of a composite glyph (numberOfContours −1), null for a simple or empty one. */
    private int[] componentsOf(int glyph) {
        int start = (int) (glyfOffset + loca[glyph]);
        int length = (int) (loca[glyph + 1] - loca[glyph]);
        if (length < 2 || font[start] != -1 || font[start + 1] != -1) {
            return null;
        }
        List<Integer> found = new ArrayList<>();
        int off = start + 10;
        int flags;
        do {
            flags = (font[off] & 0xff) << 8 | font[off + 1] & 0xff;
            found.add((font[off + 2] & 0xff) << 8 | font[off + 3] & 0xff);
            off += 4 + componentArguments(flags);
        } while ((flags & 1 << 5) != 0);
        return found.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Writes the subset's glyph numbers into a composite glyph's components.
     *
     * @return where the glyph ends: after its components and instructions (fontbox drops what follows)
     */
    private static int renumberComponents(byte[] glyph, int[] renumbered) {
        int off = 10;
        int flags;
        do {
            flags = (glyph[off] & 0xff) << 8 | glyph[off + 1] & 0xff;
            int component = renumbered[(glyph[off + 2] & 0xff) << 8 | glyph[off + 3] & 0xff];
            glyph[off + 2] = (byte) (component >>> 8);
            glyph[off + 3] = (byte) component;
            off += 4 + componentArguments(flags);
        } while ((flags & 1 << 5) != 0);
        if ((flags & 0x0100) != 0) {
            off += 2 + ((glyph[off] & 0xff) << 8 | glyph[off + 1] & 0xff);
        }
        return off;
    }

    /** The bytes of a component's arguments and transformation after its flags and glyph index. */
    private static int componentArguments(int flags) {
        int bytes = (flags & 1) != 0 ? 4 : 2;
        if ((flags & 1 << 7) != 0) {
            bytes += 8;
        } else if ((flags & 1 << 6) != 0) {
            bytes += 4;
        } else if ((flags & 1 << 3) != 0) {
            bytes += 2;
        }
        return bytes;
    }

    /** The tables of a font file by tag. */
    static Map<String, byte[]> tables(byte[] file) {
        Map<String, byte[]> tables = new TreeMap<>();
        int count = (file[4] & 0xff) << 8 | file[5] & 0xff;
        for (int record = 12; record < 12 + 16 * count; record += 16) {
            String tag = new String(file, record, 4, StandardCharsets.US_ASCII);
            int offset = (int) uint32(file, record + 8);
            int length = (int) uint32(file, record + 12);
            tables.put(tag, Arrays.copyOfRange(file, offset, offset + length));
        }
        return tables;
    }

    private static long uint32(int high, int low) {
        return (high & 0xffffL) << 16 | low & 0xffffL;
    }

    private static long uint32(byte[] bytes) {
        return uint32(bytes, 0);
    }

    private static long uint32(byte[] bytes, int at) {
        return (bytes[at] & 0xffL) << 24 | (bytes[at + 1] & 0xffL) << 16 | (bytes[at + 2] & 0xffL) << 8 | bytes[at + 3] & 0xffL;
    }

    private static void putInt(byte[] bytes, int at, long value) {
        bytes[at] = (byte) (value >>> 24);
        bytes[at + 1] = (byte) (value >>> 16);
        bytes[at + 2] = (byte) (value >>> 8);
        bytes[at + 3] = (byte) value;
    }

    private static void putShort(byte[] bytes, int at, int value) {
        bytes[at] = (byte) (value >>> 8);
        bytes[at + 1] = (byte) value;
    }
}
