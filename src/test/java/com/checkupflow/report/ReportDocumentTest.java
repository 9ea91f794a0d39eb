package com.checkupflow.report;

import java.io.IOException;
import java.io.StringReader;

import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;

import com.checkupflow.judgement.Judgement;
import com.checkupflow.kernel.Category;
import com.checkupflow.kernel.ItemStatus;
import com.checkupflow.screening.Screening;

class ReportDocumentTest {

    private final ReportExamples examples = new ReportExamples();

    @Test
    void shouldPrintKoreanLabelsAndOnlyTheMaskedRrnWhenPdfIsRendered() throws IOException {
        byte[] pdf = examples.pdf.render(examples.html("ko"));

        String text = text(pdf);
        Assertions.assertThat(text).contains(compact("일반건강검진 결과통보서", "강남센터", "2026-11-18", ReportExamples.NAME,
                "정상A", "정상B(경계)", "질환의심", "일반 질환의심", "고혈압·당뇨병·이상지질혈증 질환의심", "유질환자",
                "수축기 혈압", "152", "mmHg", "≥140", "<120", "양성(1+)", "혈압이 높습니다",
                "physicianGangnam", "2026-11-20 10:30", "사후관리 안내", "46 세", "음성(−)", "120~139"))
                .contains(ReportExamples.MASKED_RRN)
                .doesNotContain(ReportExamples.RRN).doesNotContain("1234567");
    }

    @Test
    void shouldBreakNoWordInsideWhenPdfTableCellsWrap() throws IOException {
        String html = examples.renderer.render(ReportExamples.issued("ko", null, java.util.List.of()),
                ReportExamples.mixed(), ReportExamples.SUMMARY, "박도윤 (면허번호 20103)", ReportExamples.ISSUED, null);
        String lines;
        try (PDDocument doc = Loader.loadPDF(examples.pdf.render(html))) {
            lines = new PDFTextStripper().getText(doc);
        }
        String compact = text(examples.pdf.render(html));

        for (String word : new String[] {"정상B(경계)", "mL/min/1.73m²", "고혈압·당뇨병·이상지질혈증", "18.5~24.9", "면허번호"}) {
            int whole = lines.split(java.util.regex.Pattern.quote(word), -1).length - 1;
            int anyhow = compact.split(java.util.regex.Pattern.quote(word), -1).length - 1;
            Assertions.assertThat(whole).as(word + " printed whole every time").isPositive().isEqualTo(anyhow);
        }
    }

    @Test
    void shouldBreakLinesOnlyAfterWhiteSpaceWhenKeepAllBreakerIsAsked() {
        KeepAllLineBreaker breaker = new KeepAllLineBreaker();
        breaker.setText("정상B(경계) mL/min/1.73m² 18.5 미만");
        java.util.List<Integer> breaks = new java.util.ArrayList<>();
        for (int b = breaker.next(); b != java.text.BreakIterator.DONE; b = breaker.next()) {
            breaks.add(b);
        }

        Assertions.assertThat(breaks).containsExactly(8, 22, 27, 29);
    }

    @Test
    void shouldPrintTheUrgencyAboveTheOverallResultWhenTheScreeningHasACriticalValue() {
        String critical = examples.renderer.render(ReportExamples.issued("ko", null, java.util.List.of("systolic_bp >= 150")),
                ReportExamples.mixed(), "요약", "physicianGangnam", null, null);
        String english = examples.renderer.render(ReportExamples.issued("en", null, java.util.List.of("systolic_bp >= 150")),
                ReportExamples.mixed(), "summary", "physicianGangnam", null, null);

        Assertions.assertThat(critical).contains("<p class=\"urgent\">⚠ 긴급: 수축기 혈압 152 mmHg 결과가 위험 수치(패닉 값)입니다."
                + " 오늘 바로 의료기관에서 진료를 받으세요.</p>");
        Assertions.assertThat(critical.indexOf("class=\"urgent\"")).isLessThan(critical.indexOf("class=\"boxes"));
        Assertions.assertThat(english).contains("⚠ Urgent: Systolic blood pressure 152 mmHg is a critical (panic) value.");
        Assertions.assertThat(examples.html("ko")).doesNotContain("class=\"urgent\"");
    }

    @Test
    void shouldTickTheBoxesOfTheOverallFlagsWhenRendered() {
        String html = examples.html("ko");

        Assertions.assertThat(html)
                .contains("<td class=\"ticked\"><span class=\"box\">■</span>\u00A0일반 질환의심</td>")
                .contains("<td class=\"ticked\"><span class=\"box\">■</span>\u00A0고혈압·당뇨병·이상지질혈증 질환의심</td>")
                .contains("<td><span class=\"box\">□</span>\u00A0정상A</td>")
                .contains("<td><span class=\"box\">□</span>\u00A0유질환자</td>");
    }

    @Test
    void shouldPrintThePendingBoxAndAskForTheMissingTestWhenTheScreeningIsIncomplete() throws IOException {
        Judgement mixed = ReportExamples.mixed();
        java.util.Map<String, Judgement.Item> items = new java.util.LinkedHashMap<>(mixed.items());
        items.put("chest_xray", new Judgement.Item(ItemStatus.VALID, null, "not_taken", null, "not_taken", null, null,
                "obs-chest_xray"));
        Judgement incomplete = new Judgement(mixed.ruleset(), items, mixed.judgements(),
                new Judgement.Overall("NORMAL_A", java.util.List.of("NORMAL_A"), Category.NORMAL_A, false, true));

        String html = examples.renderer.render(ReportExamples.issued("ko", null, java.util.List.of()), incomplete,
                ReportExamples.SUMMARY, "physicianGangnam", ReportExamples.ISSUED, null);
        Assertions.assertThat(html)
                .contains("<td><span class=\"box\">□</span>\u00A0정상A</td>")
                .contains("<td class=\"ticked\"><span class=\"box\">■</span>\u00A0판정 보류(누락된 검사 확인 후 확정)</td>")
                .doesNotContain("현재 건강 상태가 양호합니다");
        Assertions.assertThat(text(examples.pdf.render(html))).contains("일부검사(흉부방사선)의결과가없어종합판정이보류되었습니다", "판정보류");

        String en = examples.renderer.render(ReportExamples.issued("en", null, java.util.List.of()), incomplete,
                ReportExamples.SUMMARY, "physicianGangnam", ReportExamples.ISSUED, null);
        Assertions.assertThat(en).contains("Pending (final once the missing tests are done)")
                .contains("Some tests (Chest X-ray) have no result").doesNotContain("Your results are good");
    }

    @Test
    void shouldPromiseNoFreeFirstVisitWhenTheReportIsIssuedAfterItsDeadline() {
        Screening lastYear = ReportExamples.issued("ko", null, java.util.List.of(), java.time.LocalDate.of(2025, 6, 4));

        String late = examples.renderer.render(lastYear, ReportExamples.mixed(), ReportExamples.SUMMARY,
                "physicianGangnam", java.time.Instant.parse("2026-12-01T01:00:00Z"), null);
        String onTime = examples.renderer.render(lastYear, ReportExamples.mixed(), ReportExamples.SUMMARY,
                "physicianGangnam", java.time.Instant.parse("2026-01-30T01:00:00Z"), null);

        Assertions.assertThat(late).contains("확진검사를 위해 되도록 빨리 병·의원을 방문하세요").doesNotContain("1월 31일");
        Assertions.assertThat(onTime).contains("다음 해 1월 31일까지 첫 진료 본인부담 면제");
    }

    @Test
    void shouldWriteWellFormedXhtmlWhenSummaryHasMarkupCharacters() throws Exception {
        String html = examples.renderer.render(ReportExamples.issued("ko", null, java.util.List.of()),
                ReportExamples.mixed(), "LDL < 130 & HDL > 40 <script>", "dr", ReportExamples.ISSUED, null);

        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(html)));
        Assertions.assertThat(html).contains("LDL &lt; 130 &amp; HDL &gt; 40 &lt;script&gt;").doesNotContain("<script>");
    }

    @Test
    void shouldEscapeTheSignerWhenTheAiNoticeAndTheSignatureNameIt() throws Exception {
        String html = examples.renderer.render(ReportExamples.issued("en", null, java.util.List.of()),
                ReportExamples.mixed(), "ok", "Dr <O'Neil> & co", ReportExamples.ISSUED,
                new AiDisclosure.AiUse("ollama", "m", "v1"));

        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(html)));
        Assertions.assertThat(html).contains("<p class=\"ai-notice\">")
                .contains("Physician: Dr &lt;O&#39;Neil&gt; &amp; co &#183;").doesNotContain("<O'Neil>");
    }

    @Test
    void shouldRenderEnglishLabelsWhenScreeningLanguageIsEnglish() throws IOException {
        String text = text(examples.pdf.render(examples.html("en")));

        Assertions.assertThat(text).contains(compact("Health screening result", "Gangnam", "negative (−)", "Normal A", "Normal B (borderline)",
                "Disease suspected", "General disease suspected", "Systolic blood pressure", "Follow-up advice",
                ReportExamples.MASKED_RRN)).doesNotContain(ReportExamples.RRN);
    }

    @Test
    void shouldFailClearlyWhenTheFontIsMissing() {
        ReportPdf pdf = new ReportPdf(new ReportProperties(java.nio.file.Path.of("/nonexistent/font.ttf"), null));

        Assertions.assertThatThrownBy(() -> pdf.render(examples.html("ko")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("checkupflow.report.font-path");
    }

    private static String[] compact(String... expected) {
        return java.util.Arrays.stream(expected).map(e -> e.replaceAll("[\\s\\p{Z}\\u00AD]+", "")).toArray(String[]::new);
    }

    /** The PDF's text without any whitespace: table cells wrap anywhere, even inside words. */
    static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("[\\s\\p{Z}\\u00AD]+", "");
        }
    }
}
