package com.checkupflow.report;

import java.io.IOException;
import java.io.StringReader;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

class ReportLayoutTest {

    private static final String STYLE = """
            @page { size: A4; margin: 14mm 12mm; }
            body { font-family: "ReportFallbackFont", "ReportFont"; font-size: 10pt; }
            table { border-collapse: collapse; width: 100%; }
            th, td { border: 1px solid #999; padding: 3px 5px; }
            th { background: #eef3fa; }
            tr.abnormal td { background: #fff4e5; font-weight: bold; }
            .note { font-size: 8pt; color: #555; }
            .summary { white-space: pre-wrap; line-height: 1.5; border: 1px solid #999; padding: 6px; }
            """;

    private final ReportExamples examples = new ReportExamples();

    @Test
    void shouldNeverBreakAKoreanWordWhenAParagraphWraps() throws IOException {
        List<String> words = IntStream.range(0, 120).mapToObj(i -> List.of("건강검진", "결과통보서를", "확인하시고",
                "가까운", "의원에서", "확진검사를", "받으세요.", "이상지질혈증이", "의심됩니다")
                .get(i % 9)).toList();
        String text = pdfText(page("<p>" + String.join(" ", words) + "</p>"));

        List<String> printed = Arrays.stream(text.split("\\s+")).filter(w -> !w.isEmpty()).toList();
        Assertions.assertThat(text.strip().split("\\R")).as("wrapped over several lines").hasSizeGreaterThan(5);
        Assertions.assertThat(printed).as("every line holds whole words only").isEqualTo(words);
    }

    @Test
    void shouldContinueALongResultsTableOnTheNextPageWithItsHeadWhenItsRowsOverflow() throws IOException {
        String rows = IntStream.range(1, 81).mapToObj(i -> "<tr" + (i % 7 == 0 ? " class=\"abnormal\"" : "")
                + "><td>항목" + i + "</td><td>" + (100 + i) + "</td><td>mg/dL</td></tr>").collect(Collectors.joining());
        byte[] pdf = ReportPdfs.render(page("<table class=\"items\"><thead><tr><th>검사항목</th><th>결과</th><th>단위</th>"
                + "</tr></thead><tbody>" + rows + "</tbody></table>"));

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            Assertions.assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(2);
            for (int page = 1; page <= doc.getNumberOfPages(); page++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                Assertions.assertThat(stripper.getText(doc).strip()).as("page " + page + " starts with the head")
                        .startsWith("검사항목 결과 단위");
            }
            String all = new PDFTextStripper().getText(doc);
            for (int i = 1; i <= 80; i++) {
                Assertions.assertThat(all).as("row " + i + " printed once, whole").containsOnlyOnce("항목" + i + " " + (100 + i) + " mg/dL");
            }
        }
    }

    @Test
    void shouldPrintTheSignersNameAsWrittenWhenItHasMarkupCharacters() throws IOException {
        String html = examples.renderer.render(ReportExamples.issued("en", null, List.of()), ReportExamples.mixed(), "ok",
                "Dr <O'Neil> & co", ReportExamples.ISSUED, new AiDisclosure.AiUse("ollama", "m", "v1"));

        String text = pdfText(html);

        Assertions.assertThat(text).contains("Physician: Dr <O'Neil> & co").doesNotContain("&lt;").doesNotContain("&amp;");
    }

    @Test
    void shouldEmbedEachFontAsASubsetOfTheGlyphsShownWhenKoreanAndLatinArePrinted() throws IOException {
        byte[] pdf = ReportPdfs.render(examples.html("ko"));

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDResources resources = doc.getPage(0).getResources();
            List<PDFont> fonts = new java.util.ArrayList<>();
            for (COSName name : resources.getFontNames()) {
                fonts.add(resources.getFont(name));
            }
            Assertions.assertThat(fonts).extracting(PDFont::getName)
                    .anyMatch(n -> n.matches("[A-Z]{6}\\+NanumGothic")).anyMatch(n -> n.matches("[A-Z]{6}\\+DejaVuSans"));
            for (PDFont font : fonts) {
                Assertions.assertThat(font.isEmbedded()).isTrue();
                int glyphs = ((PDType0Font) font).getDescendantFont().getFontDescriptor().getFontFile2().toByteArray().length;
                Assertions.assertThat(glyphs).as(font.getName() + " embedded bytes").isLessThan(80_000);
            }
        }
        Assertions.assertThat(pdf.length).isLessThan(120_000);
    }

    @Test
    void shouldEmbedOnlyTheOutlinesAndMetricsOfTheCharactersShownWhenAPageIsPrinted() throws IOException {
        byte[] pdf = ReportPdfs.render(page("<p>가나 AB 가</p>"));

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDResources resources = doc.getPage(0).getResources();
            for (COSName name : resources.getFontNames()) {
                PDType0Font font = (PDType0Font) resources.getFont(name);
                byte[] file = font.getDescendantFont().getFontDescriptor().getFontFile2().toByteArray();
                try (org.apache.fontbox.ttf.TrueTypeFont subset = new org.apache.fontbox.ttf.TTFParser(true)
                        .parse(new org.apache.pdfbox.io.RandomAccessReadBuffer(file))) {
                    // PDFBox's own subset tables, written out (ReportFonts' list could change with the code): no
                    // character map, names or glyph names are parsed back per document
                    Assertions.assertThat(subset.getTableMap().keySet()).as(font.getName())
                            .containsExactlyInAnyOrder("head", "hhea", "loca", "maxp", "cvt ", "prep", "glyf", "hmtx", "fpgm", "gasp");
                    // .notdef, and per face the glyphs shown: 가 나 (Hangul font), the space, A and B (DejaVu, first in the CSS)
                    Assertions.assertThat(subset.getNumberOfGlyphs()).as(font.getName())
                            .isEqualTo(font.getName().endsWith("NanumGothic") ? 3 : 4);
                }
            }
        }
        Assertions.assertThat(pdfText(page("<p>가나 AB 가</p>")).strip()).as("read back through the ToUnicode map")
                .isEqualTo("가나 AB 가");
    }

    @Test
    void shouldCutAWordOnlyWhenItIsWiderThanTheLine() throws IOException {
        String word = "가".repeat(150) + "A".repeat(50);
        String text = pdfText(page("<p>짧은 말 " + word + " 끝</p>"));

        String[] lines = text.strip().split("\\R");
        Assertions.assertThat(lines[0]).isEqualTo("짧은 말");
        Assertions.assertThat(String.join("", Arrays.copyOfRange(lines, 1, lines.length - 1)) + lines[lines.length - 1])
                .isEqualTo(word + " 끝");
        Assertions.assertThat(lines.length).isGreaterThanOrEqualTo(4);
    }

    @Test
    void shouldRenderTheSameTextWhenReportsAreRenderedConcurrently() throws Exception {
        String html = ReportSamples.all(examples).get("report-long");
        String expected = text(examples.pdf.render(html));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<String>> texts = new java.util.ArrayList<>();
            for (int i = 0; i < 16; i++) {
                texts.add(pool.submit(() -> text(examples.pdf.render(html))));
            }
            for (java.util.concurrent.Future<String> t : texts) {
                Assertions.assertThat(t.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldStartAHeadingOnTheNextPageWhenItsSectionWouldNotStartBelowIt() throws IOException {
        // the long sample's summary ends near the foot of page 2, where openhtmltopdf left "사후관리 안내" alone
        byte[] pdf = examples.pdf.render(ReportSamples.all(examples).get("report-long"));

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (int page = 1; page <= doc.getNumberOfPages(); page++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                String text = stripper.getText(doc);
                if (text.contains("사후관리 안내")) {
                    Assertions.assertThat(text).as("the heading's page").contains("확진검사를 위해");
                }
            }
        }
    }

    @Test
    void shouldPrintASubstituteWhenNoFontHasTheCharacter() throws IOException {
        String text = pdfText(page("<p>결과 \uD83D\uDE00 확인</p>"));

        Assertions.assertThat(text.strip()).isEqualTo("결과 ? 확인");
    }

    @Test
    void shouldKeepLineBreaksOfAPreWrappedSummaryAcrossPagesWhenItIsLong() throws IOException {
        String summary = IntStream.range(1, 90).mapToObj(i -> "소견 " + i + "번째 줄입니다.").collect(Collectors.joining("\n"));
        byte[] pdf = ReportPdfs.render(page("<div class=\"summary\">" + summary + "</div>"));

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            Assertions.assertThat(doc.getNumberOfPages()).isEqualTo(2);
            Assertions.assertThat(new PDFTextStripper().getText(doc).strip().split("\\R"))
                    .containsExactly(summary.split("\n"));
        }
    }

    @Test
    void shouldApplyTheDocumentsOwnRulesByTagClassAndAncestorWhenStylesAreComputed() throws Exception {
        Document doc = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder().parse(new InputSource(
                new StringReader("<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><table><tr class=\"abnormal\">"
                        + "<td>a</td></tr><tr><td>b</td></tr></table><p class=\"note\">n</p></body></html>")));
        ReportCss css = new ReportCss(STYLE);
        Element body = (Element) doc.getElementsByTagNameNS("*", "body").item(0);
        ReportCss.Style bodyStyle = css.compute(body, css.root);
        Element table = (Element) body.getFirstChild();
        ReportCss.Style tableStyle = css.compute(table, bodyStyle);
        Element abnormal = (Element) table.getFirstChild();
        ReportCss.Style abnormalCell = css.compute((Element) abnormal.getFirstChild(), css.compute(abnormal, tableStyle));
        Element normal = (Element) abnormal.getNextSibling();
        ReportCss.Style normalCell = css.compute((Element) normal.getFirstChild(), css.compute(normal, tableStyle));
        ReportCss.Style note = css.compute((Element) table.getNextSibling(), bodyStyle);

        Assertions.assertThat(css.pageMargin).containsExactly(14 * ReportCss.MM, 12 * ReportCss.MM, 14 * ReportCss.MM,
                12 * ReportCss.MM);
        Assertions.assertThat(abnormalCell.bold).isTrue();
        Assertions.assertThat(abnormalCell.background).isEqualTo(new java.awt.Color(0xfff4e5));
        Assertions.assertThat(abnormalCell.padding).containsExactly(2.25f, 3.75f, 2.25f, 3.75f);
        Assertions.assertThat(normalCell.bold).isFalse();
        Assertions.assertThat(normalCell.background).isNull();
        Assertions.assertThat(normalCell.fontSize).as("inherited from body").isEqualTo(10f);
        Assertions.assertThat(note.fontSize).isEqualTo(8f);
        Assertions.assertThat(note.margin[0]).as("p's default margin of 1em, of its own size").isEqualTo(8f);
        Assertions.assertThat(note.color).isEqualTo(new java.awt.Color(0x555555));
    }

    @Test
    void shouldPrintTheSameLinesAsTheOpenHtmlToPdfBaselineWhenTheLetterIsRendered() throws IOException {
        OpenHtmlToPdfBaseline baseline = new OpenHtmlToPdfBaseline(
                new ReportProperties(ReportExamples.FONT, ReportExamples.FALLBACK_FONT));
        String html = ReportSamples.referral();

        // the baseline printed the space a line wrapped at; lines are compared without it
        List<String> before = Arrays.stream(text(baseline.render(html)).strip().split("\\R")).map(String::strip).toList();
        List<String> after = Arrays.stream(pdfText(html).strip().split("\\R")).map(String::strip).toList();

        Assertions.assertThat(after).hasSameSizeAs(before);
        Assertions.assertThat(after.subList(0, after.size() - 1)).isEqualTo(before.subList(0, before.size() - 1));
        // the baseline's text order put the signature's middle dot before the name (it painted the spans out of order)
        Assertions.assertThat(after.get(after.size() - 1)).isEqualTo("의뢰 의사: 김하늘 (면허번호 12345) · 2026-11-20 10:30 (KST)");
    }

    private static String page(String body) {
        return "<!DOCTYPE html><html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"ko\"><head><meta charset=\"UTF-8\" />"
                + "<title>t</title><style>" + STYLE + "</style></head><body>" + body + "</body></html>";
    }

    private static String pdfText(String xhtml) throws IOException {
        return text(ReportPdfs.render(xhtml));
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }
}
