package com.checkupflow.report;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.text.BreakIterator;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.util.NumberFormatUtil;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import com.checkupflow.report.ReportCss.Style;
import com.checkupflow.report.ReportFonts.Face;

/**
 * Lays out the report's XHTML (the element set of report.html and the referral letter: headings, paragraphs, divs,
 * lists, tables with row and column spans, spans) on A4 pages with the document's own style sheet, and paints it with
 * PDFBox. Lines break only after white space ({@link KeepAllLineBreaker}); a word wider than its line is cut only when
 * nothing else fits. Tables get the widths of CSS's automatic table layout (percentages first, then at least each
 * column's longest word, the rest shared by content width); a row never splits, and a table continued on a new page
 * repeats its head rows. Boxes split across pages are drawn per page. One instance per document.
 */
final class ReportLayout {

    static final PDRectangle PAGE = PDRectangle.A4;
    private static final Set<String> BLOCKS = Set.of("body", "div", "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol",
            "li", "table", "section", "header", "footer");
    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");
    /** Room a heading needs below it, in its font size: its own line and about two lines of body text. */
    private static final float KEEP_WITH_NEXT = 5;
    private static final Set<String> HIDDEN = Set.of("head", "title", "style", "script", "meta");
    /** Stroke width of synthetic bold (the fonts have no bold face), as a share of the font size. */
    private static final float BOLD_STROKE = 0.035f;
    /** Printed for a character no font has. */
    private static final char MISSING = '?';

    private final ReportCss css;
    private final ReportFonts.Session fonts;
    private final KeepAllLineBreaker breaker = new KeepAllLineBreaker();
    private final List<List<Op>> pages = new ArrayList<>();
    private final Deque<Decoration> open = new ArrayDeque<>();
    private final float top;
    private final float bottom;
    private final float left;
    private final float right;
    private List<Op> page;
    private float y;
    /** The bottom margin of the last block, not yet applied: it collapses with the next top margin. */
    private float carry;

    ReportLayout(ReportCss css, ReportFonts.Session fonts) {
        this.css = css;
        this.fonts = fonts;
        top = css.pageMargin[0];
        right = PAGE.getWidth() - css.pageMargin[1];
        bottom = PAGE.getHeight() - css.pageMargin[2];
        left = css.pageMargin[3];
        newPage();
    }

    /** Lays out the body and paints every page into the document. */
    void write(Element body, PDDocument document) throws IOException {
        block(body, css.compute(body, css.root), left, right - left);
        for (List<Op> ops : pages) {
            for (Op op : ops) {
                if (op instanceof Text text) {
                    fonts.use(text.face, text.text);
                }
            }
        }
        fonts.embed();
        Numbers numbers = new Numbers();
        for (List<Op> ops : pages) {
            PDPage pdfPage = new PDPage(PAGE);
            document.addPage(pdfPage);
            PDResources resources = new PDResources();
            pdfPage.setResources(resources);
            Painter painter = new Painter(resources, numbers);
            for (Op op : ops) {
                op.paint(painter);
            }
            painter.finish();
            PDStream contents = new PDStream(document);
            try (OutputStream out = contents.createOutputStream(COSName.FLATE_DECODE)) {
                painter.out.writeTo(out);
            }
            pdfPage.setContents(contents);
        }
    }

    private void newPage() {
        page = new ArrayList<>();
        pages.add(page);
        y = top;
    }

    /** Moves on to a new page, closing the boxes open on this one and continuing them on the next. */
    private void breakPage() {
        for (Decoration d : open) {
            d.close(y, false);
        }
        newPage();
        carry = 0;
        for (var it = open.descendingIterator(); it.hasNext(); ) {
            it.next().start(page, y, true);
        }
    }

    /** Makes room for {@code height} below the collapsed margin: on this page if it fits, else on a new one. */
    private void reserve(float height) {
        y += carry;
        carry = 0;
        if (y + height > bottom && y > top + 0.01f) {
            breakPage();
        }
    }

    private void block(Element e, Style s, float x, float w) {
        String tag = e.getLocalName();
        if (HEADINGS.contains(tag) && y + carry + KEEP_WITH_NEXT * s.fontSize > bottom) {
            // a heading is not left alone at the foot of a page: it needs room for itself and the start of what follows
            reserve(KEEP_WITH_NEXT * s.fontSize);
        }
        carry = Math.max(carry, s.margin[0]);
        float bx = x + s.margin[3];
        float bw = w - s.margin[3] - s.margin[1];
        boolean decorated = s.background != null || s.border[0] + s.border[1] + s.border[2] + s.border[3] > 0;
        Decoration decoration = null;
        if (decorated || s.padding[0] > 0) {
            y += carry;
            carry = 0;
        }
        if (decorated) {
            decoration = new Decoration(s, bx, bw);
            decoration.start(page, y, false);
            open.push(decoration);
        }
        y += s.border[0] + s.padding[0];
        float cx = bx + s.border[3] + s.padding[3];
        float cw = bw - s.border[3] - s.padding[3] - s.padding[1] - s.border[1];
        if (tag.equals("table")) {
            table(e, s, cx, cw);
        } else {
            children(e, s, cx, cw);
        }
        if (decorated || s.padding[2] > 0) {
            y += carry;
            carry = 0;
        }
        y += s.padding[2] + s.border[2];
        if (decoration != null) {
            open.pop();
            decoration.close(y, true);
        }
        carry = Math.max(carry, s.margin[2]);
    }

    /** Block children in order; runs of inline content between them become anonymous paragraphs. */
    private void children(Element e, Style s, float x, float w) {
        List<Node> inline = new ArrayList<>();
        boolean marker = e.getLocalName().equals("li");
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child && HIDDEN.contains(child.getLocalName())) {
                continue;
            }
            if (n instanceof Element child && BLOCKS.contains(child.getLocalName())) {
                marker &= !paragraph(inline, s, x, w, marker);
                inline.clear();
                block(child, css.compute(child, s), x, w);
            } else {
                inline.add(n);
            }
        }
        paragraph(inline, s, x, w, marker);
    }

    /** @return whether anything was laid out */
    private boolean paragraph(List<Node> nodes, Style s, float x, float w, boolean marker) {
        Inline text = new Inline();
        for (Node n : nodes) {
            collect(n, s, text);
        }
        if (text.isBlank()) {
            return false;
        }
        text.measure();
        boolean first = true;
        for (Line line : wrap(text, w)) {
            reserve(line.height);
            text.paint(line, x, y, w, s.textAlign);
            if (first && marker) {
                float r = 0.18f * s.fontSize;
                page.add(new Disc(x - 0.55f * s.fontSize - r, y + line.baseline - 0.32f * s.fontSize, r, s.color));
            }
            first = false;
            y += line.height;
        }
        return true;
    }

    private void collect(Node n, Style s, Inline text) {
        if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
            text.append(n.getNodeValue(), s);
        } else if (n instanceof Element e && !HIDDEN.contains(e.getLocalName())) {
            if (e.getLocalName().equals("br")) {
                text.append("\n", s, true);
                return;
            }
            Style child = css.compute(e, s);
            for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
                collect(c, child, text);
            }
        }
    }

    // ---- lines

    /** Greedy line filling at the break opportunities; a word wider than the line is cut where it must be. */
    private List<Line> wrap(Inline text, float width) {
        List<Line> lines = new ArrayList<>();
        String t = text.chars.toString();
        breaker.setText(t);
        int start = 0;
        int end = 0;
        for (int b = breaker.next(); b != BreakIterator.DONE; b = breaker.next()) {
            if (end > start && text.width(start, b) > width + 0.01f) {
                lines.add(text.line(start, end));
                start = end;
            }
            while (end == start && text.width(start, b) > width + 0.01f) {
                int cut = text.cut(start, b, width);
                lines.add(text.line(start, cut));
                start = cut;
                end = cut;
            }
            end = b;
            if (t.charAt(b - 1) == '\n') {
                lines.add(text.line(start, b));
                start = b;
            }
        }
        if (start < t.length() || lines.isEmpty()) {
            lines.add(text.line(start, t.length()));
        }
        return lines;
    }

    /** The text of a paragraph or a cell, with the style and face of every character. */
    private final class Inline {

        final StringBuilder chars = new StringBuilder();
        final List<Style> styles = new ArrayList<>();
        Face[] faces;
        /** Sum of the advances before each character, in points. */
        float[] before;

        void append(String value, Style s) {
            append(value, s, false);
        }

        void append(String value, Style s, boolean keep) {
            value.codePoints().forEach(c -> {
                if (keep || s.preWrap) {
                    if (c != '\r') {
                        add(c == '\t' ? ' ' : c, s);
                    }
                } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                    if (!chars.isEmpty() && chars.charAt(chars.length() - 1) != ' '
                            && chars.charAt(chars.length() - 1) != '\n') {
                        add(' ', s);
                    }
                } else {
                    add(c, s);
                }
            });
        }

        /** A character neither font has (an emoji, say) is printed as the substitute, not as an empty box. */
        private void add(int c, Style s) {
            chars.append(c == '\n' || fonts.printable(c) ? (char) c : MISSING);
            styles.add(s);
        }

        boolean isBlank() {
            return chars.toString().isBlank();
        }

        void measure() {
            int n = chars.length();
            faces = new Face[n];
            before = new float[n + 1];
            for (int i = 0; i < n; i++) {
                char c = chars.charAt(i);
                Face face = fonts.face(c);
                faces[i] = face;
                before[i + 1] = before[i] + (c == '\n' ? 0 : face.advance[c] * styles.get(i).fontSize / 1000f);
            }
        }

        /** Width of [from, to) without the white space it ends with (it hangs at a line's end). */
        float width(int from, int to) {
            while (to > from && Character.isWhitespace(chars.charAt(to - 1))) {
                to--;
            }
            return before[to] - before[from];
        }

        /** Where to cut a word wider than the line: after its last no-break space that fits, else its last character. */
        int cut(int from, int to, float width) {
            int fits = from + 1;
            int space = -1;
            for (int i = from + 1; i < to && before[i] - before[from] <= width; i++) {
                fits = i;
                if (chars.charAt(i - 1) == '\u00A0') {
                    space = i;
                }
            }
            return space > 0 ? space : fits;
        }

        float minWidth() {
            float min = 0;
            breaker.setText(chars.toString());
            int from = 0;
            for (int b = breaker.next(); b != BreakIterator.DONE; b = breaker.next()) {
                min = Math.max(min, width(from, b));
                from = b;
            }
            return min;
        }

        float maxWidth() {
            float max = 0;
            int from = 0;
            for (int i = 0; i <= chars.length(); i++) {
                if (i == chars.length() || chars.charAt(i) == '\n') {
                    max = Math.max(max, width(from, i));
                    from = i + 1;
                }
            }
            return max;
        }

        Line line(int from, int to) {
            float above = 0;
            float below = 0;
            for (int i = Math.max(from, 0); i < Math.max(to, from + 1) && i < chars.length(); i++) {
                Style s = styles.get(i);
                Face first = fonts.first();
                float ascent = first.ascent * s.fontSize / 1000f;
                float descent = first.descent * s.fontSize / 1000f;
                float height = s.lineHeight > 0 ? s.lineHeight * s.fontSize : ascent + descent;
                float leading = (height - ascent - descent) / 2;
                above = Math.max(above, leading + ascent);
                below = Math.max(below, leading + descent);
            }
            return new Line(from, to, width(from, to), above + below, above);
        }

        void paint(Line line, float x, float lineTop, float available, String align) {
            float offset = switch (align) {
                case "right" -> available - line.width;
                case "center" -> (available - line.width) / 2;
                default -> 0;
            };
            int end = line.end;
            while (end > line.start && Character.isWhitespace(chars.charAt(end - 1))) {
                end--;
            }
            int run = line.start;
            for (int i = line.start + 1; i <= end; i++) {
                if (i == end || styles.get(i) != styles.get(run) || faces[i] != faces[run]) {
                    Style s = styles.get(run);
                    page.add(new Text(x + offset + before[run] - before[line.start], lineTop + line.baseline,
                            faces[run], s.fontSize, s.color, s.bold, chars.substring(run, i)));
                    run = i;
                }
            }
        }
    }

    private record Line(int start, int end, float width, float height, float baseline) {
    }

    // ---- tables

    private record Cell(Style style, Inline text, int row, int column, int rows, int columns) {
    }

    private void table(Element table, Style ts, float x, float w) {
        List<Element> rows = new ArrayList<>();
        List<Style> rowStyles = new ArrayList<>();
        int headRows = 0;
        for (Node n = table.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element part)) {
                continue;
            }
            if (part.getLocalName().equals("tr")) {
                rows.add(part);
                rowStyles.add(css.compute(part, ts));
                continue;
            }
            Style partStyle = css.compute(part, ts);
            for (Node r = part.getFirstChild(); r != null; r = r.getNextSibling()) {
                if (r instanceof Element tr && tr.getLocalName().equals("tr")) {
                    rows.add(tr);
                    rowStyles.add(css.compute(tr, partStyle));
                    if (part.getLocalName().equals("thead") && headRows == rows.size() - 1) {
                        headRows++;
                    }
                }
            }
        }
        List<Cell> cells = new ArrayList<>();
        List<boolean[]> taken = new ArrayList<>();
        int columns = 0;
        for (int r = 0; r < rows.size(); r++) {
            int c = 0;
            for (Node n = rows.get(r).getFirstChild(); n != null; n = n.getNextSibling()) {
                if (!(n instanceof Element cell) || !(cell.getLocalName().equals("td") || cell.getLocalName().equals("th"))) {
                    continue;
                }
                while (isTaken(taken, r, c)) {
                    c++;
                }
                int rowSpan = Math.max(1, Math.min(span(cell, "rowspan"), rows.size() - r));
                int colSpan = Math.max(1, span(cell, "colspan"));
                for (int rr = r; rr < r + rowSpan; rr++) {
                    for (int cc = c; cc < c + colSpan; cc++) {
                        take(taken, rr, cc);
                    }
                }
                Style cs = css.compute(cell, rowStyles.get(r));
                Inline text = new Inline();
                for (Node child = cell.getFirstChild(); child != null; child = child.getNextSibling()) {
                    collect(child, cs, text);
                }
                text.measure();
                cells.add(new Cell(cs, text, r, c, rowSpan, colSpan));
                c += colSpan;
                columns = Math.max(columns, c);
            }
        }
        if (cells.isEmpty()) {
            return;
        }
        float[] widths = columnWidths(cells, columns, w);
        float[] xs = new float[columns + 1];
        xs[0] = x;
        for (int c = 0; c < columns; c++) {
            xs[c + 1] = xs[c] + widths[c];
        }
        List<List<Line>> lines = new ArrayList<>();
        float[] heights = new float[rows.size()];
        for (Cell cell : cells) {
            List<Line> cellLines = wrap(cell.text, inner(cell, xs));
            lines.add(cellLines);
            if (cell.rows == 1) {
                heights[cell.row] = Math.max(heights[cell.row], outerHeight(cell, cellLines));
            }
        }
        for (int i = 0; i < cells.size(); i++) {
            Cell cell = cells.get(i);
            if (cell.rows > 1) {
                float spanned = 0;
                for (int r = cell.row; r < cell.row + cell.rows; r++) {
                    spanned += heights[r];
                }
                heights[cell.row + cell.rows - 1] += Math.max(0, outerHeight(cell, lines.get(i)) - spanned);
            }
        }
        // rows joined by a row span are kept together, as is the head
        int[] groupEnd = new int[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            groupEnd[r] = r < headRows ? headRows : r + 1;
        }
        for (Cell cell : cells) {
            groupEnd[cell.row] = Math.max(groupEnd[cell.row], cell.row + cell.rows);
        }
        List<Op> headPage = null;
        for (int r = 0; r < rows.size(); ) {
            int end = r;
            for (int g = r; g < end || g == r; g++) {
                end = Math.max(end, groupEnd[g]);
            }
            float height = 0;
            for (int g = r; g < end; g++) {
                height += heights[g];
            }
            List<Op> before = page;
            reserve(height);
            if (page != before && headRows > 0 && r >= headRows && headPage != page) {
                paintRows(cells, lines, xs, heights, 0, headRows);
            }
            paintRows(cells, lines, xs, heights, r, end);
            if (r < headRows) {
                headPage = page;
            }
            r = end;
        }
    }

    private void paintRows(List<Cell> cells, List<List<Line>> lines, float[] xs, float[] heights, int from, int to) {
        float[] rowTop = new float[to - from + 1];
        rowTop[0] = y;
        for (int r = from; r < to; r++) {
            rowTop[r - from + 1] = rowTop[r - from] + heights[r];
        }
        // neighbouring cells share an edge (collapsed borders): each is drawn once
        java.util.Set<Op> borders = new java.util.LinkedHashSet<>();
        for (int i = 0; i < cells.size(); i++) {
            Cell cell = cells.get(i);
            if (cell.row < from || cell.row >= to) {
                continue;
            }
            Style s = cell.style;
            float cx = xs[cell.column];
            float cw = xs[cell.column + cell.columns] - cx;
            float cy = rowTop[cell.row - from];
            float ch = rowTop[Math.min(cell.row + cell.rows, to) - from] - cy;
            if (s.background != null) {
                page.add(new Fill(s.background, cx, cy, cw, ch));
            }
            float content = 0;
            for (Line line : lines.get(i)) {
                content += line.height;
            }
            float ly = cy + s.border[0] + s.padding[0];
            if (s.verticalAlign.equals("middle")) {
                ly += (ch - outerHeight(cell, lines.get(i))) / 2;
            } else if (s.verticalAlign.equals("bottom")) {
                ly += ch - outerHeight(cell, lines.get(i));
            }
            float lx = cx + s.border[3] + s.padding[3];
            float available = inner(cell, xs);
            for (Line line : lines.get(i)) {
                cell.text.paint(line, lx, ly, available, s.textAlign);
                ly += line.height;
            }
            edges(borders, s, cx, cy, cw, ch, true, true);
        }
        page.addAll(borders);
        y = rowTop[to - from];
    }

    private static float inner(Cell cell, float[] xs) {
        Style s = cell.style;
        return xs[cell.column + cell.columns] - xs[cell.column] - s.padding[1] - s.padding[3] - s.border[1] - s.border[3];
    }

    private static float outerHeight(Cell cell, List<Line> lines) {
        float height = cell.style.padding[0] + cell.style.padding[2] + cell.style.border[0] + cell.style.border[2];
        for (Line line : lines) {
            height += line.height;
        }
        return height;
    }

    /** CSS's automatic table layout, simplified: percentages, each column's longest word, then content widths. */
    private static float[] columnWidths(List<Cell> cells, int columns, float width) {
        float[] min = new float[columns];
        float[] max = new float[columns];
        float[] percent = new float[columns];
        cells.stream().sorted((a, b) -> Integer.compare(a.columns, b.columns)).forEach(cell -> {
            Style s = cell.style;
            float extra = s.padding[1] + s.padding[3] + s.border[1] + s.border[3];
            float cellMin = cell.text.minWidth() + extra;
            float cellMax = Math.max(cellMin, cell.text.maxWidth() + extra);
            float spanMin = 0;
            float spanMax = 0;
            for (int c = cell.column; c < cell.column + cell.columns; c++) {
                spanMin += min[c];
                spanMax += max[c];
            }
            for (int c = cell.column; c < cell.column + cell.columns; c++) {
                min[c] += Math.max(0, cellMin - spanMin) / cell.columns;
                max[c] += Math.max(0, cellMax - spanMax) / cell.columns;
                if (cell.columns == 1 && s.widthPercent && s.width > 0) {
                    percent[c] = Math.max(percent[c], s.width);
                }
            }
        });
        float[] w = new float[columns];
        float fixed = 0;
        float sumMin = 0;
        float sumMax = 0;
        int free = 0;
        for (int c = 0; c < columns; c++) {
            max[c] = Math.max(max[c], min[c]);
            if (percent[c] > 0) {
                w[c] = Math.max(min[c], percent[c] * width);
                fixed += w[c];
            } else {
                sumMin += min[c];
                sumMax += max[c];
                free++;
            }
        }
        float rest = width - fixed;
        if (free == 0 || rest < sumMin) {
            // percentages (and the free columns' minimum) scaled to the table's width, no column below its minimum
            float[] desired = new float[columns];
            for (int c = 0; c < columns; c++) {
                desired[c] = percent[c] > 0 ? percent[c] * width : min[c];
            }
            return fit(desired, min, width);
        }
        for (int c = 0; c < columns; c++) {
            if (percent[c] > 0) {
                continue;
            }
            if (rest >= sumMax) {
                w[c] = sumMax > 0 ? max[c] + (rest - sumMax) * max[c] / sumMax : rest / free;
            } else {
                w[c] = sumMax > sumMin ? min[c] + (rest - sumMin) * (max[c] - min[c]) / (sumMax - sumMin) : min[c];
            }
        }
        return w;
    }

    /** {@code desired} scaled to sum to {@code width}; a column that would fall below its minimum keeps its minimum. */
    private static float[] fit(float[] desired, float[] min, float width) {
        boolean[] locked = new boolean[desired.length];
        float[] w = new float[desired.length];
        for (boolean changed = true; changed; ) {
            changed = false;
            float lockedWidth = 0;
            float wanted = 0;
            for (int c = 0; c < desired.length; c++) {
                if (locked[c]) {
                    lockedWidth += min[c];
                } else {
                    wanted += desired[c];
                }
            }
            float scale = wanted > 0 ? Math.max(0, width - lockedWidth) / wanted : 0;
            for (int c = 0; c < desired.length; c++) {
                w[c] = locked[c] ? min[c] : desired[c] * scale;
                if (!locked[c] && w[c] < min[c]) {
                    locked[c] = true;
                    changed = true;
                }
            }
        }
        return w;
    }

    private static int span(Element cell, String attribute) {
        try {
            return cell.hasAttribute(attribute) ? Integer.parseInt(cell.getAttribute(attribute).strip()) : 1;
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static boolean isTaken(List<boolean[]> taken, int row, int column) {
        return row < taken.size() && column < taken.get(row).length && taken.get(row)[column];
    }

    private static void take(List<boolean[]> taken, int row, int column) {
        while (taken.size() <= row) {
            taken.add(new boolean[8]);
        }
        if (taken.get(row).length <= column) {
            taken.set(row, java.util.Arrays.copyOf(taken.get(row), column * 2 + 2));
        }
        taken.get(row)[column] = true;
    }

    private static void edges(java.util.Collection<Op> ops, Style s, float x, float y, float w, float h, boolean topEdge, boolean bottomEdge) {
        if (topEdge && s.border[0] > 0) {
            ops.add(new Rule(s.borderColor[0], s.border[0], x, y, x + w, y));
        }
        if (s.border[1] > 0) {
            ops.add(new Rule(s.borderColor[1], s.border[1], x + w, y, x + w, y + h));
        }
        if (bottomEdge && s.border[2] > 0) {
            ops.add(new Rule(s.borderColor[2], s.border[2], x, y + h, x + w, y + h));
        }
        if (s.border[3] > 0) {
            ops.add(new Rule(s.borderColor[3], s.border[3], x, y, x, y + h));
        }
    }

    // ---- boxes split across pages

    /** A block's background and borders, drawn under its content once its height on the page is known. */
    private final class Decoration {

        final Style style;
        final float x;
        final float w;
        List<Op> on;
        int index;
        float from;
        boolean continued;

        Decoration(Style style, float x, float w) {
            this.style = style;
            this.x = x;
            this.w = w;
        }

        void start(List<Op> ops, float at, boolean continuation) {
            on = ops;
            index = ops.size();
            from = at;
            continued = continuation;
        }

        /** The part on this page, from its start to {@code to}; its bottom border only where the block ends. */
        void close(float to, boolean last) {
            List<Op> ops = new ArrayList<>();
            if (style.background != null) {
                ops.add(new Fill(style.background, x, from, w, to - from));
            }
            float half0 = style.border[0] / 2;
            float half2 = style.border[2] / 2;
            edges(ops, style, x + style.border[3] / 2, from + half0, w - style.border[3] / 2 - style.border[1] / 2,
                    to - from - half0 - half2, !continued, last);
            on.addAll(index, ops);
        }
    }

    // ---- painting

    private interface Op {
        void paint(Painter painter);
    }

    private record Fill(Color color, float x, float y, float w, float h) implements Op {
        @Override
        public void paint(Painter p) {
            p.graphics();
            p.fill(color);
            p.rectangle(x, PAGE.getHeight() - y - h, w, h);
            p.paintFill();
        }
    }

    private record Rule(Color color, float width, float x1, float y1, float x2, float y2) implements Op {
        @Override
        public void paint(Painter p) {
            p.line(color, width, x1, PAGE.getHeight() - y1, x2, PAGE.getHeight() - y2);
        }
    }

    private record Disc(float cx, float cy, float r, Color color) implements Op {
        @Override
        public void paint(Painter p) {
            float k = 0.5523f * r;
            float yy = PAGE.getHeight() - cy;
            p.graphics();
            p.fill(color);
            p.moveTo(cx + r, yy);
            p.curveTo(cx + r, yy + k, cx + k, yy + r, cx, yy + r);
            p.curveTo(cx - k, yy + r, cx - r, yy + k, cx - r, yy);
            p.curveTo(cx - r, yy - k, cx - k, yy - r, cx, yy - r);
            p.curveTo(cx + k, yy - r, cx + r, yy - k, cx + r, yy);
            p.paintFill();
        }
    }

    private final class Text implements Op {

        final float x;
        final float baseline;
        final Face face;
        final float size;
        final Color color;
        final boolean bold;
        final String text;

        Text(float x, float baseline, Face face, float size, Color color, boolean bold, String text) {
            this.x = x;
            this.baseline = baseline;
            this.face = face;
            this.size = size;
            this.color = color;
            this.bold = bold;
            this.text = text;
        }

        @Override
        public void paint(Painter p) {
            p.text(fonts.pdf(face), size, color, bold, x, PAGE.getHeight() - baseline, text);
        }
    }

    /**
     * The operands a document's pages already wrote, as text: the same column edges, colours and widths recur on
     * every row and page, and formatting a float was the painter's largest cost. Direct-mapped and bounded: a value
     * whose slot another took is formatted again, to the same text.
     */
    private static final class Numbers {

        private static final int SLOTS = 1024;
        private final int[] bits = new int[SLOTS];
        private final byte[][] texts = new byte[SLOTS][];

        private static int slot(int bits) {
            return (bits * 0x9E3779B9) >>> 22;
        }

        byte[] formatted(float value) {
            int b = Float.floatToRawIntBits(value);
            int slot = slot(b);
            return texts[slot] != null && bits[slot] == b ? texts[slot] : null;
        }

        void keep(float value, byte[] text) {
            int b = Float.floatToRawIntBits(value);
            int slot = slot(b);
            bits[slot] = b;
            texts[slot] = text;
        }
    }

    /**
     * A page's operators are written by one thread, mostly a byte at a time: without {@link ByteArrayOutputStream}'s
     * lock on every write.
     */
    static final class PageBytes extends ByteArrayOutputStream {

        PageBytes(int size) {
            super(size);
        }

        @Override
        public void write(int b) {
            if (count == buf.length) {
                buf = java.util.Arrays.copyOf(buf, buf.length * 2);
            }
            buf[count++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (count + len > buf.length) {
                buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, count + len));
            }
            System.arraycopy(b, off, buf, count, len);
            count += len;
        }
    }

    /**
     * A page's content stream, written as PDF operators (as PDFBox's content stream writes them, with text as glyph
     * numbers of the document's subsets), each change of state only once: consecutive texts share one text object,
     * consecutive rules of one colour and width one path.
     */
    private static final class Painter {

        final ByteArrayOutputStream out = new PageBytes(8192);
        private final COSDictionary pageFonts = new COSDictionary();
        private final byte[] number = new byte[32];
        private boolean inText;
        private boolean inPath;
        private Color fill;
        private Color stroke;
        private float lineWidth = -1;
        private ReportFonts.Embedded font;
        /** The page's font resources, named as PDFBox names them. */
        private final Map<ReportFonts.Embedded, COSName> fontNames = new IdentityHashMap<>();
        private float fontSize;
        private RenderingMode mode = RenderingMode.FILL;
        private float lineX;
        private float lineY;

        private final Numbers numbers;

        Painter(PDResources resources, Numbers numbers) {
            resources.getCOSObject().setItem(COSName.FONT, pageFonts);
            this.numbers = numbers;
        }

        private void number(float value) {
            byte[] known = numbers.formatted(value);
            if (known != null) {
                out.write(known, 0, known.length);
                out.write(' ');
                return;
            }
            int length = NumberFormatUtil.formatFloatFast(value, 5, number);
            byte[] text;
            if (length < 0) {
                text = new java.math.BigDecimal(Float.toString(value)).setScale(5, java.math.RoundingMode.HALF_UP)
                        .stripTrailingZeros().toPlainString().getBytes(StandardCharsets.US_ASCII);
            } else {
                text = java.util.Arrays.copyOf(number, length);
            }
            numbers.keep(value, text);
            out.write(text, 0, text.length);
            out.write(' ');
        }

        private void operator(String operator) {
            operator(operator, '\n');
        }

        private void operator(String operator, char end) {
            for (int i = 0; i < operator.length(); i++) {
                out.write(operator.charAt(i));
            }
            out.write(end);
        }

        private void color(Color color, String operator) {
            number(color.getRed() / 255f);
            number(color.getGreen() / 255f);
            number(color.getBlue() / 255f);
            operator(operator);
        }

        void fill(Color color) {
            if (!color.equals(fill)) {
                color(color, "rg");
                fill = color;
            }
        }

        private void stroke(Color color, float width) {
            if (!color.equals(stroke)) {
                color(color, "RG");
                stroke = color;
            }
            if (width != lineWidth) {
                number(width);
                operator("w");
                lineWidth = width;
            }
        }

        /** Leaves a text object or a path in progress, for an operation of its own. */
        void graphics() {
            if (inText) {
                operator("ET");
                inText = false;
            }
            if (inPath) {
                operator("S");
                inPath = false;
            }
        }

        void rectangle(float x, float y, float w, float h) {
            number(x);
            number(y);
            number(w);
            number(h);
            operator("re");
        }

        void moveTo(float x, float y) {
            number(x);
            number(y);
            operator("m");
        }

        void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
            number(x1);
            number(y1);
            number(x2);
            number(y2);
            number(x3);
            number(y3);
            operator("c");
        }

        void paintFill() {
            operator("f");
        }

        void line(Color color, float width, float x1, float y1, float x2, float y2) {
            if (inPath && (!color.equals(stroke) || width != lineWidth)) {
                operator("S");
                inPath = false;
            }
            if (!inPath) {
                graphics();
                stroke(color, width);
                inPath = true;
            }
            moveTo(x1, y1);
            number(x2);
            number(y2);
            operator("l");
        }

        void text(ReportFonts.Embedded textFont, float size, Color color, boolean bold, float x, float y, String text) {
            float strokeWidth = size * BOLD_STROKE;
            if (inPath || bold && (strokeWidth != lineWidth || !color.equals(stroke))) {
                graphics();
            }
            if (bold) {
                stroke(color, strokeWidth);
            }
            if (!inText) {
                operator("BT");
                inText = true;
                lineX = 0;
                lineY = 0;
            }
            if (textFont != font || size != fontSize) {
                COSName name = fontNames.computeIfAbsent(textFont, f -> {
                    COSName added = COSName.getPDFName("F" + (fontNames.size() + 1));
                    pageFonts.setItem(added, f.font);
                    return added;
                });
                out.write('/');
                operator(name.getName(), ' ');
                number(size);
                operator("Tf");
                font = textFont;
                fontSize = size;
            }
            fill(color);
            RenderingMode wanted = bold ? RenderingMode.FILL_STROKE : RenderingMode.FILL;
            if (wanted != mode) {
                out.write('0' + wanted.intValue());
                out.write(' ');
                operator("Tr");
                mode = wanted;
            }
            number(x - lineX);
            number(y - lineY);
            operator("Td");
            lineX = x;
            lineY = y;
            textFont.encode(text, out);
            out.write(' ');
            operator("Tj");
        }

        void finish() {
            graphics();
        }
    }
}
