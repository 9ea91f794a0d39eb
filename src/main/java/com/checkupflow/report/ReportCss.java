package com.checkupflow.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.ConcurrentHashMap;

import org.w3c.dom.Element;

/**
 * The part of CSS the report's and the referral letter's {@code <style>} use, so that the document's own style sheet
 * decides how the PDF looks: selectors of tags and classes with descendants ({@code tr.abnormal td}), the box
 * properties (margin, padding, border, background, width), text properties (font-size, font-weight, color,
 * text-align, white-space, line-height, vertical-align) and {@code @page} margins. Anything else is ignored. The
 * browser's defaults for our elements come first ({@link #DEFAULTS}). Thread-safe once built: computed styles are
 * shared and never changed.
 */
final class ReportCss {

    /** What a browser gives our elements before the document's style sheet (HTML's user-agent style sheet). */
    static final String DEFAULTS = """
            body { margin: 8px; }
            h1 { font-size: 2em; font-weight: bold; margin: 0.67em 0; }
            h2 { font-size: 1.5em; font-weight: bold; margin: 0.83em 0; }
            h3 { font-size: 1.17em; font-weight: bold; margin: 1em 0; }
            p { margin: 1em 0; }
            ul, ol { margin: 1em 0; padding-left: 40px; }
            th { font-weight: bold; }
            td, th { padding: 1px; }
            b, strong { font-weight: bold; }
            """;
    static final float PX = 0.75f;
    static final float MM = 72f / 25.4f;
    private static final Pattern RULE = Pattern.compile("([^{}]+)\\{([^}]*)}");
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);
    private static final Map<String, Color> NAMED = Map.of("black", Color.BLACK, "white", Color.WHITE,
            "red", Color.RED, "gray", Color.GRAY, "grey", Color.GRAY);

    private final List<Rule> rules = new ArrayList<>();
    /** The style every document's root inherits from. */
    final Style root = new Style();
    /**
     * Computed styles by parent style and the element's tag and class: a style is computed once per chain of tags and
     * classes from the root (the selectors see nothing else), so equal chains share one (never changed) style.
     */
    private final Map<Style, Map<String, Style>> computed = new ConcurrentHashMap<>();
    /** Page margins top, right, bottom, left in points (A4). */
    final float[] pageMargin = {0, 0, 0, 0};

    ReportCss(String documentCss) {
        parse(DEFAULTS, 0);
        parse(documentCss, 1);
    }

    private void parse(String css, int origin) {
        Matcher m = RULE.matcher(COMMENT.matcher(css).replaceAll(""));
        while (m.find()) {
            String selectors = m.group(1).strip();
            List<String[]> declarations = declarations(m.group(2));
            if (selectors.startsWith("@page")) {
                Style page = new Style();
                declarations.forEach(d -> page.set(d[0], d[1], 10));
                System.arraycopy(page.margin, 0, pageMargin, 0, 4);
                continue;
            }
            for (String selector : selectors.split(",")) {
                rules.add(new Rule(Selector.parse(selector.strip()), declarations, origin, rules.size()));
            }
        }
        rules.sort((a, b) -> a.origin != b.origin ? Integer.compare(a.origin, b.origin)
                : a.selector.specificity != b.selector.specificity
                        ? Integer.compare(a.selector.specificity, b.selector.specificity)
                        : Integer.compare(a.order, b.order));
    }

    private static List<String[]> declarations(String block) {
        List<String[]> list = new ArrayList<>();
        for (String declaration : block.split(";")) {
            int colon = declaration.indexOf(':');
            if (colon > 0) {
                list.add(new String[] {declaration.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        declaration.substring(colon + 1).strip()});
            }
        }
        return list;
    }

    /** The element's computed style, its parent's being {@code parent} (the root's: {@link #root}). */
    Style compute(Element element, Style parent) {
        return computed.computeIfAbsent(parent, p -> new ConcurrentHashMap<>())
                .computeIfAbsent(element.getLocalName() + " " + element.getAttribute("class"), k -> cascade(element, parent));
    }

    private Style cascade(Element element, Style parent) {
        Style style = parent.inherit();
        List<String[]> matched = new ArrayList<>();
        for (Rule rule : rules) {
            if (rule.selector.matches(element)) {
                matched.addAll(rule.declarations);
            }
        }
        // font-size first: the other lengths in em are relative to it
        for (String[] d : matched) {
            if (d[0].equals("font-size")) {
                style.fontSize = length(d[1], parent.fontSize, parent.fontSize);
            }
        }
        for (String[] d : matched) {
            style.set(d[0], d[1], style.fontSize);
        }
        return style;
    }

    /** A length in points: px, pt, mm, em (of {@code em}), % (of {@code whole}); 0 without a unit. */
    static float length(String value, float em, float whole) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        try {
            if (v.endsWith("px")) {
                return Float.parseFloat(v.substring(0, v.length() - 2)) * PX;
            } else if (v.endsWith("pt")) {
                return Float.parseFloat(v.substring(0, v.length() - 2));
            } else if (v.endsWith("mm")) {
                return Float.parseFloat(v.substring(0, v.length() - 2)) * MM;
            } else if (v.endsWith("em")) {
                return Float.parseFloat(v.substring(0, v.length() - 2)) * em;
            } else if (v.endsWith("%")) {
                return Float.parseFloat(v.substring(0, v.length() - 1)) / 100f * whole;
            }
            return Float.parseFloat(v);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static Color color(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (v.startsWith("#")) {
            String hex = v.substring(1);
            if (hex.length() == 3) {
                hex = "" + hex.charAt(0) + hex.charAt(0) + hex.charAt(1) + hex.charAt(1) + hex.charAt(2) + hex.charAt(2);
            }
            try {
                return new Color(Integer.parseInt(hex, 16));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return NAMED.get(v);
    }

    private record Rule(Selector selector, List<String[]> declarations, int origin, int order) {
    }

    /** Compound selectors (tag, .class, tag.class) joined by descendant combinators. */
    private record Selector(List<String[]> compounds, int specificity) {

        static Selector parse(String text) {
            List<String[]> compounds = new ArrayList<>();
            int specificity = 0;
            for (String part : text.split("\\s+")) {
                int dot = part.indexOf('.');
                String tag = dot < 0 ? part : part.substring(0, dot);
                String cls = dot < 0 ? null : part.substring(dot + 1);
                compounds.add(new String[] {tag.isEmpty() || tag.equals("*") ? null : tag.toLowerCase(Locale.ROOT), cls});
                specificity += (cls != null ? 10 : 0) + (tag.isEmpty() || tag.equals("*") ? 0 : 1);
            }
            return new Selector(compounds, specificity);
        }

        boolean matches(Element element) {
            int i = compounds.size() - 1;
            if (!matches(compounds.get(i), element)) {
                return false;
            }
            Element ancestor = parent(element);
            for (i--; i >= 0; i--) {
                while (ancestor != null && !matches(compounds.get(i), ancestor)) {
                    ancestor = parent(ancestor);
                }
                if (ancestor == null) {
                    return false;
                }
                ancestor = parent(ancestor);
            }
            return true;
        }

        private static boolean matches(String[] compound, Element element) {
            if (compound[0] != null && !compound[0].equals(element.getLocalName())) {
                return false;
            }
            if (compound[1] != null) {
                for (String cls : element.getAttribute("class").split("\\s+")) {
                    if (cls.equals(compound[1])) {
                        return true;
                    }
                }
                return false;
            }
            return true;
        }

        private static Element parent(Element element) {
            return element.getParentNode() instanceof Element e ? e : null;
        }
    }

    /** A computed style: inherited text properties and the element's own box. Lengths in points. */
    static final class Style {

        float fontSize = 12;
        boolean bold;
        Color color = Color.BLACK;
        String textAlign = "left";
        boolean preWrap;
        /** A factor of the font size; 0 for "normal" (the fonts' own line spacing). */
        float lineHeight;
        /** Top, right, bottom, left. */
        final float[] margin = new float[4];
        final float[] padding = new float[4];
        final float[] border = new float[4];
        final Color[] borderColor = new Color[4];
        Color background;
        /** The width as a share of the containing block (0..1), or points when {@link #widthPercent} is false. */
        float width = -1;
        boolean widthPercent;
        String verticalAlign = "top";

        Style inherit() {
            Style child = new Style();
            child.fontSize = fontSize;
            child.bold = bold;
            child.color = color;
            child.textAlign = textAlign;
            child.preWrap = preWrap;
            child.lineHeight = lineHeight;
            child.verticalAlign = verticalAlign;
            return child;
        }

        void set(String property, String value, float em) {
            String v = value.strip().toLowerCase(Locale.ROOT);
            switch (property) {
                case "font-weight" -> bold = v.equals("bold") || v.equals("bolder") || v.equals("600") || v.equals("700")
                        || v.equals("800") || v.equals("900");
                case "color" -> color = orElse(color(v), color);
                case "text-align" -> textAlign = v;
                case "white-space" -> preWrap = v.startsWith("pre");
                case "line-height" -> lineHeight = v.equals("normal") ? 0
                        : Character.isDigit(v.charAt(v.length() - 1)) ? length(v, 1, 1) : length(v, em, em) / fontSize;
                case "vertical-align" -> verticalAlign = v;
                case "margin" -> sides(margin, v, em);
                case "padding" -> sides(padding, v, em);
                case "margin-top", "margin-right", "margin-bottom", "margin-left" ->
                        margin[side(property)] = length(v, em, 0);
                case "padding-top", "padding-right", "padding-bottom", "padding-left" ->
                        padding[side(property)] = length(v, em, 0);
                case "border" -> {
                    for (int s = 0; s < 4; s++) {
                        border(s, v, em);
                    }
                }
                case "border-top", "border-right", "border-bottom", "border-left" -> border(side(property), v, em);
                case "background", "background-color" -> background = color(v.split("\\s+")[0]);
                case "width" -> {
                    widthPercent = v.endsWith("%");
                    width = v.equals("auto") ? -1 : widthPercent ? length(v, em, 1) : length(v, em, 0);
                }
                default -> {
                    // not used by our documents
                }
            }
        }

        private void border(int side, String value, float em) {
            border[side] = 0;
            borderColor[side] = Color.BLACK;
            boolean none = false;
            for (String part : value.split("\\s+")) {
                if (part.equals("none") || part.equals("hidden")) {
                    none = true;
                } else if (Character.isDigit(part.charAt(0)) || part.charAt(0) == '.') {
                    border[side] = length(part, em, 0);
                } else if (color(part) != null) {
                    borderColor[side] = color(part);
                } else if (part.equals("thin")) {
                    border[side] = PX;
                }
            }
            if (none) {
                border[side] = 0;
            }
        }

        private static void sides(float[] sides, String value, float em) {
            String[] p = value.split("\\s+");
            float[] l = new float[p.length];
            for (int i = 0; i < p.length; i++) {
                l[i] = length(p[i], em, 0);
            }
            switch (p.length) {
                case 1 -> java.util.Arrays.fill(sides, l[0]);
                case 2 -> {
                    sides[0] = sides[2] = l[0];
                    sides[1] = sides[3] = l[1];
                }
                case 3 -> {
                    sides[0] = l[0];
                    sides[1] = sides[3] = l[1];
                    sides[2] = l[2];
                }
                default -> System.arraycopy(l, 0, sides, 0, 4);
            }
        }

        private static int side(String property) {
            return property.endsWith("top") ? 0 : property.endsWith("right") ? 1 : property.endsWith("bottom") ? 2 : 3;
        }

        private static Color orElse(Color c, Color otherwise) {
            return c != null ? c : otherwise;
        }
    }
}
