package com.checkupflow.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Turns report XHTML (report.html, the referral letter) into a PDF: the document's tree laid out with its own
 * {@code <style>} by {@link ReportLayout} and painted with PDFBox, the text in the configured Hangul font and the
 * fallback font (Latin, symbols; first for the characters it has, as the style sheet's font order says), each embedded
 * as the subset of the glyphs the document shows. Fonts are read and measured once ({@link ReportFonts}).
 */
@Component
public class ReportPdf {

    private static final Logger log = LoggerFactory.getLogger(ReportPdf.class);
    private static final ThreadLocal<DocumentBuilder> PARSERS = ThreadLocal.withInitial(ReportPdf::newParser);

    /** Style sheets parsed once: one per version of a template among the stored reports. */
    private static final int KEPT_STYLE_SHEETS = 16;

    private final ReportProperties properties;
    private final Map<String, ReportCss> styleSheets = new ConcurrentHashMap<>();
    private volatile ReportFonts fonts;

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
        org.w3c.dom.Document tree = parse(xhtml);
        // sized for a report (30-60 KB), so the PDF is not copied as it grows
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024)) {
            ReportFonts.Session session = fonts().open(document);
            Map<String, Element> found = first(tree, "body", "title", "style");
            Element body = found.get("body");
            Element title = found.get("title");
            Element style = found.get("style");
            new ReportLayout(styleSheet(style == null ? "" : style.getTextContent()), session)
                    .write(body == null ? tree.getDocumentElement() : body, document);
            PDDocumentInformation info = document.getDocumentInformation();
            if (title != null) {
                info.setTitle(title.getTextContent().strip());
            }
            String lang = tree.getDocumentElement().getAttribute("lang");
            if (!lang.isEmpty()) {
                document.getDocumentCatalog().setLanguage(lang);
            }
            // streams (page contents, fonts) are compressed as they are written; packing the small objects into
            // compressed object streams as well would cost more CPU than the ~1 KB it saves
            document.save(out, CompressParameters.NO_COMPRESSION);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ReportCss styleSheet(String css) {
        if (styleSheets.size() > KEPT_STYLE_SHEETS) {
            styleSheets.clear();
        }
        return styleSheets.computeIfAbsent(css, ReportCss::new);
    }

    private ReportFonts fonts() throws IOException {
        ReportFonts loaded = fonts;
        if (loaded == null) {
            synchronized (this) {
                if (fonts == null) {
                    fonts = new ReportFonts(properties.fontPath(), properties.fallbackFontPath());
                }
                loaded = fonts;
            }
        }
        return loaded;
    }

    /**
     * The first element of each local name in document order, as {@code getElementsByTagNameNS("*", name)} finds it,
     * in one walk that ends once all are found: three such lookups walked the whole tree three times (2 % of a PDF).
     */
    static Map<String, Element> first(org.w3c.dom.Document tree, String... names) {
        Map<String, Element> found = new HashMap<>();
        List<String> wanted = List.of(names);
        Node node = tree.getDocumentElement();
        while (node != null && found.size() < wanted.size()) {
            if (node instanceof Element element && wanted.contains(element.getLocalName())) {
                found.putIfAbsent(element.getLocalName(), element);
            }
            node = next(node);
        }
        return found;
    }

    /** The node after this one in document order (pre-order), null after the last. */
    private static Node next(Node node) {
        if (node.getFirstChild() != null) {
            return node.getFirstChild();
        }
        for (Node n = node; n != null; n = n.getParentNode()) {
            if (n.getNextSibling() != null) {
                return n.getNextSibling();
            }
        }
        return null;
    }

    /** Our XHTML uses no DTD entities, so no entity resolver is needed; a builder is kept per thread. */
    static org.w3c.dom.Document parse(String xhtml) {
        DocumentBuilder parser = PARSERS.get();
        try {
            return parser.parse(new InputSource(new StringReader(xhtml)));
        } catch (SAXException | IOException e) {
            throw new IllegalArgumentException("Report XHTML is not well-formed: " + e.getMessage(), e);
        } finally {
            parser.reset();
        }
    }

    private static DocumentBuilder newParser() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
